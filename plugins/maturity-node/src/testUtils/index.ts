/**
 * Test utilities of the maturity node library: a real Prometheus (Debian's
 * `prometheus`, on a loopback port with given series and rules) for the
 * tests of every package that reads Prometheus, and a scheduler whose tasks
 * run when a test says so. Not for production code.
 *
 * @packageDocumentation
 */
export {
  hasPrometheus,
  startPrometheus,
  freePort,
  type RunningPrometheus,
} from './startPrometheus';
export { ManualScheduler } from './ManualScheduler';
