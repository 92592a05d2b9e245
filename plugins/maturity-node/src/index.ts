/**
 * Node library of the Roadmap Maturity plugins — its public surface is the
 * contract between the backend plugin, the scaffolder module, the CLI and
 * adopters' modules:
 *
 * - collectors: the `MaturityCollector` contract and the
 *   `maturityCollectorsExtensionPoint`;
 * - the effective rubric: `maturityRubricServiceRef` and its default;
 * - repository trees and the repository detectors (`detectRepositoryFacts`);
 * - the Prometheus collector;
 * - remediation: `planRemediation`, its validators and the service a plan
 *   is for.
 *
 * @packageDocumentation
 */

export * from './collectors/MaturityCollector';
export * from './collectors/maturityCollectorsExtensionPoint';
export * from './rubric/MaturityRubricService';
export * from './rubric/DefaultMaturityRubricService';
export * from './tree/RepositoryTree';
export * from './tree/InMemoryRepositoryTree';
export * from './tree/FileSystemRepositoryTree';
export * from './tree/CachingRepositoryTree';
export * from './detectors/detectRepositoryFacts';
export * from './prometheus/PrometheusClient';
export * from './prometheus/PrometheusCollector';
export * from './prometheus/prometheusServersFromConfig';
export type {
  GeneratedFile,
  RemediationContext,
  RemediationGenerator,
  GeneratorResult,
  RemediationService,
} from './remediation/RemediationGenerator';
export * from './remediation/planRemediation';
export {
  remediationServiceOf,
  repositoryCheckFor,
} from './remediation/remediationService';
export { defaultRemediationValidators } from './remediation/validation/defaultRemediationValidators';
export { validateChange } from './remediation/validation/validateChange';
export type {
  RemediationValidator,
  ValidationFinding,
  ValidationRequest,
  ValidationResult,
} from './remediation/validation/RemediationValidator';
export { workloadCandidates } from './remediation/targeting/workloadCandidates';
export { notFirstParty } from './remediation/targeting/firstParty';
export type {
  CandidateContainer,
  WorkloadCandidate,
} from './remediation/targeting/WorkloadCandidate';
export type {
  KubernetesLayout,
  RepositoryProfile,
} from './remediation/RepositoryProfile';
