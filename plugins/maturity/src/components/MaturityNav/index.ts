export { MaturityNav } from './MaturityNav';
