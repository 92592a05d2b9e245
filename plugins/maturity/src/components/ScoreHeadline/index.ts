export { ScoreHeadline } from './ScoreHeadline';
