export { ScoreFooter } from './ScoreFooter';
