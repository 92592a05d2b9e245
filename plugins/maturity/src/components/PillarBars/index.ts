export { PillarBars } from './PillarBars';
