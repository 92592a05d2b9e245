export { EntityOwnScore } from './EntityOwnScore';
