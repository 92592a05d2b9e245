/*
 * GENERATED DEMO DATA: the value of every demo series at a time, from the
 * profiles in demoServiceProfiles.js. The backfill (history) and the live
 * exporter both read it, so counters continue where the history ends.
 */
const { DEMO_SERVICE_PROFILES, noise, DAY } = require('./demoServiceProfiles');

/** Resolution of the model: one value per step, counters sum over steps. */
const STEP = 60;
/** History starts this long before the anchor (Prometheus' 7-day window and a day). */
const HISTORY = 8 * DAY;
const LATENCY_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

function isUp(profile, anchor, t) {
  const rel = t - anchor;
  if (profile.outages.some(w => rel >= w.from && rel < w.to)) return false;
  if (rel >= 0 && profile.downNow) return false;
  if (profile.flakyScrapes) {
    return (
      noise(`${profile.service}/scrape/${Math.floor(t / STEP)}`) >=
      profile.flakyScrapes
    );
  }
  return true;
}

/** Requests and errors served during one step (none while down). */
function stepTraffic(profile, anchor, stepStart) {
  if (!isUp(profile, anchor, stepStart)) return { requests: 0, errors: 0 };
  const hourOfDay = (stepStart / 3600) % 24;
  const daily = 0.6 + 0.4 * Math.sin(((hourOfDay - 6) / 24) * 2 * Math.PI);
  const jitter = 0.85 + 0.3 * noise(`${profile.service}/rps/${stepStart}`);
  const requests = Math.round(
    profile.requestsPerSecond * daily * jitter * STEP,
  );
  const errorJitter = 0.5 + noise(`${profile.service}/err/${stepStart}`);
  const errors = Math.min(
    requests,
    Math.round(requests * profile.errorRatio * errorJitter),
  );
  return { requests, errors };
}

/** Share of requests faster than `le` seconds: a log-normal-ish curve. */
function shareBelow(profile, le) {
  const x = Math.log(le / profile.latencySeconds);
  return 1 / (1 + Math.exp(-2.2 * x));
}

/**
 * One service's series over time. Counters are cumulative since the history
 * start; `at(t)` must be called with times that do not go back.
 */
class DemoServiceSeries {
  constructor(profile, anchor) {
    this.profile = profile;
    this.anchor = anchor;
    this.start = anchor - HISTORY;
    this.next = this.start;
    this.requests = 0;
    this.errors = 0;
  }

  /** Whether the service answers its scrape at `t`. */
  up(t) {
    return isUp(this.profile, this.anchor, t);
  }

  /** Every series at `t` (seconds) as `{ name, labels, value }`. */
  at(t) {
    for (; this.next + STEP <= t; this.next += STEP) {
      const traffic = stepTraffic(this.profile, this.anchor, this.next);
      this.requests += traffic.requests;
      this.errors += traffic.errors;
    }
    const { profile, requests, errors } = this;
    const base = { service: profile.service };
    const out = [
      {
        name: 'http_requests_total',
        labels: { ...base, code: '200' },
        value: requests - errors,
      },
      {
        name: 'http_requests_total',
        labels: { ...base, code: '500' },
        value: errors,
      },
    ];
    for (const le of LATENCY_BUCKETS) {
      out.push({
        name: 'http_request_duration_seconds_bucket',
        labels: { ...base, le: String(le) },
        value: Math.round(requests * shareBelow(profile, le)),
      });
    }
    out.push(
      {
        name: 'http_request_duration_seconds_bucket',
        labels: { ...base, le: '+Inf' },
        value: requests,
      },
      {
        name: 'http_request_duration_seconds_count',
        labels: base,
        value: requests,
      },
      {
        name: 'http_request_duration_seconds_sum',
        labels: base,
        value: Math.round(requests * profile.latencySeconds * 1000) / 1000,
      },
      {
        name: 'kube_pod_container_status_restarts_total',
        labels: { ...base, container: profile.service },
        value: Math.floor(((t - this.start) / DAY) * profile.restartsPerDay),
      },
    );
    return out;
  }
}

/** Prometheus' metadata of each family. */
const FAMILIES = {
  http_requests_total: {
    type: 'counter',
    help: 'Requests served, by status code.',
  },
  http_request_duration_seconds: {
    type: 'histogram',
    help: 'Request latency.',
  },
  kube_pod_container_status_restarts_total: {
    type: 'counter',
    help: 'Container restarts.',
  },
};

module.exports = {
  DEMO_SERVICE_PROFILES,
  DemoServiceSeries,
  FAMILIES,
  HISTORY,
  STEP,
};
