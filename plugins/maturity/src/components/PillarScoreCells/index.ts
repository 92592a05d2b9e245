export { PillarScoreCells } from './PillarScoreCells';
