/**
 * Test utilities of the maturity node library: a real Prometheus for
 * collector tests. Not for production code.
 *
 * @packageDocumentation
 */
export {
  hasPrometheus,
  startPrometheus,
  freePort,
  type RunningPrometheus,
} from './startPrometheus';
