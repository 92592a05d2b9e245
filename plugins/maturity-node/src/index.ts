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
