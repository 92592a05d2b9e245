/*
 * GENERATED DEMO DATA: how each demo service behaves in the demo's
 * Prometheus. A real Prometheus serves these series (backfilled history and
 * live scrapes, see README.md here); the services themselves do not exist.
 *
 * Times are seconds relative to the anchor: the moment scripts/start.sh
 * generated the history. Every value comes from a seeded generator, so the
 * same anchor always gives the same series.
 */

const HOUR = 3600;
const DAY = 24 * HOUR;

/** @typedef {{ from: number, to: number }} Window  seconds from the anchor */

/**
 * @type {Array<{
 *   service: string,
 *   requestsPerSecond: number,
 *   errorRatio: number,
 *   latencySeconds: number,
 *   outages: Window[],
 *   flakyScrapes?: number,
 *   downNow?: boolean,
 *   restartsPerDay: number,
 *   story: string,
 * }>}
 */
const DEMO_SERVICE_PROFILES = [
  {
    service: 'payments-api',
    requestsPerSecond: 40,
    errorRatio: 0.002,
    latencySeconds: 0.08,
    outages: [{ from: -3 * DAY - 20 * 60, to: -3 * DAY }],
    restartsPerDay: 0.2,
    story: 'healthy: 99.8% available over 7 days, alerts and SLO rules loaded',
  },
  {
    service: 'ledger-worker',
    requestsPerSecond: 8,
    errorRatio: 0.01,
    latencySeconds: 0.2,
    outages: [{ from: -2 * DAY - 3 * HOUR, to: -2 * DAY }],
    restartsPerDay: 1,
    story: 'a 3-hour outage two days ago: availability below 99.5%',
  },
  {
    service: 'search-api',
    requestsPerSecond: 25,
    errorRatio: 0.004,
    latencySeconds: 0.12,
    outages: [],
    restartsPerDay: 0.1,
    story: 'healthy: always up, alerts and SLO rules from its Helm chart',
  },
  {
    service: 'edge-gateway',
    requestsPerSecond: 120,
    errorRatio: 0.03,
    latencySeconds: 0.03,
    outages: [{ from: -3 * HOUR, to: 0 }],
    downNow: true,
    restartsPerDay: 12,
    story:
      'down for the last 3 hours and now (its target answers 503), crash-looping',
  },
  {
    service: 'checkout-web',
    requestsPerSecond: 15,
    errorRatio: 0.08,
    latencySeconds: 0.6,
    outages: [],
    restartsPerDay: 0.5,
    story:
      'up, but 8% of requests fail and p99 latency is high; no alert rules',
  },
  {
    service: 'notification-service',
    requestsPerSecond: 5,
    errorRatio: 0.005,
    latencySeconds: 0.15,
    outages: [],
    flakyScrapes: 0.03,
    restartsPerDay: 3,
    story: 'flaky: 3% of scrapes fail, so availability is about 97%',
  },
];

/** Mulberry32: a small seeded generator, the same numbers on every machine. */
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number in [0, 1) fixed by the text (service, series, time bucket). */
function noise(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return seededRandom(h)();
}

module.exports = { DEMO_SERVICE_PROFILES, seededRandom, noise, HOUR, DAY };
