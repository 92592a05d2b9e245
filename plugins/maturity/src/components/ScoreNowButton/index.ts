export { ScoreNowButton } from './ScoreNowButton';
