export { RoadmapImportPage } from './RoadmapImportPage';
