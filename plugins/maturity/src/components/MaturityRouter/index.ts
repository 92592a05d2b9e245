export { MaturityRouter } from './MaturityRouter';
