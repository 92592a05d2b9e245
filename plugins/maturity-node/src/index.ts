/**
 * Node library of the Roadmap Maturity plugins: the collector contract and
 * extension point, the repository tree abstraction and the repository
 * detectors.
 *
 * @packageDocumentation
 */

export * from './collectors/MaturityCollector';
export * from './collectors/maturityCollectorsExtensionPoint';
export * from './tree/RepositoryTree';
export * from './tree/InMemoryRepositoryTree';
export * from './tree/FileSystemRepositoryTree';
export * from './tree/CachingRepositoryTree';
export * from './detectors/detectRepositoryFacts';
export * from './prometheus/PrometheusClient';
export * from './prometheus/PrometheusCollector';
export * from './prometheus/prometheusServersFromConfig';
export * from './prometheus/ruleSelectsService';
export * from './detectors/renderHelmTemplate';
export { Signals } from './detectors/Signals';
export {
  classifyAction,
  classifyCommand,
  classifyTemplate,
  type StepCapability,
} from './detectors/ci/classifyStep';
export * from './remediation/RemediationGenerator';
export * from './remediation/RepositoryProfile';
export * from './remediation/OverlayRepositoryTree';
export * from './remediation/planRemediation';
export * from './remediation/pullRequestText';
export * from './remediation/generators/remediationGenerators';
export * from './remediation/stack/buildStack';
export * from './remediation/escaping/kubernetesName';
export * from './remediation/escaping/promqlString';
export * from './remediation/escaping/relabelReplacement';
export * from './remediation/escaping/alertName';
export * from './remediation/monitoring/alertRuleGroups';
export * from './remediation/monitoring/grafanaDashboard';
export * from './rubric/MaturityRubricService';
export * from './rubric/DefaultMaturityRubricService';
