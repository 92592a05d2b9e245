export { ExemptionRequestDialog } from './ExemptionRequestDialog';
