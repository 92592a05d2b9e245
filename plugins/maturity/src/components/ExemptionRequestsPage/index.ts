export { ExemptionRequestsPage } from './ExemptionRequestsPage';
