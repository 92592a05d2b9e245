export { ScoreCell, scoreColor } from './ScoreCell';
