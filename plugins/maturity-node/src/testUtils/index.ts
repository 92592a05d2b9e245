/**
 * Test utilities of the maturity node library: a real Prometheus (Debian's
 * `prometheus`, on a loopback port with given series and rules) for the
 * tests of every package that reads Prometheus. Not for production code.
 *
 * @packageDocumentation
 */
export {
  hasPrometheus,
  startPrometheus,
  freePort,
  type RunningPrometheus,
} from './startPrometheus';
