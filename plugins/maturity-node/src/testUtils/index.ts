/**
 * Test and benchmark utilities of the maturity node library: a real
 * Prometheus for collector tests, API latency under concurrent clients, the
 * PostgreSQL server to use. Not for production code.
 *
 * @packageDocumentation
 */
export {
  hasPrometheus,
  startPrometheus,
  freePort,
  type RunningPrometheus,
} from './startPrometheus';
export {
  measureLatency,
  percentile,
  type LatencyRequest,
  type LatencyResult,
} from './measureLatency';
export { postgresAvailable } from './postgresAvailable';
