#!/usr/bin/env bash
# The demo's live evidence: Debian's real Prometheus on a loopback port, with
#  - the example repositories' own alerting and recording rules loaded,
#  - 8 days of GENERATED demo series for the demo services, backfilled into
#    its TSDB with `promtool tsdb create-blocks-from openmetrics` from a
#    seeded generator (examples/prometheus/), and the same generator served
#    live as one scrape target per service (a few deliberately unhealthy),
#  - a scrape of the demo backend's own metrics (Roadmap Maturity's
#    maturity_* gauges among them) on $BACKSTAGE_METRICS_PORT.
#
# Usage: scripts/demo-prometheus.sh start|stop|status
# Env: DEMO_PROMETHEUS_PORT (19090), DEMO_EXPORTER_PORT (19100),
#      BACKSTAGE_METRICS_PORT (9464), DEMO_PROMETHEUS_DATA (.cache/demo-prometheus,
#      where everything lives; the e2e test uses its own, so it never stops a running demo's);
#      `stop` ends the two processes `start` started (by their pid files).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
DATA="${DEMO_PROMETHEUS_DATA:-$ROOT/.cache/demo-prometheus}"
PROM_PORT="${DEMO_PROMETHEUS_PORT:-19090}"
EXPORTER_PORT="${DEMO_EXPORTER_PORT:-19100}"
METRICS_PORT="${BACKSTAGE_METRICS_PORT:-9464}"
log() { printf '[demo-prometheus] %s\n' "$*" >&2; }

stop_pid() {
  local file="$DATA/$1.pid"
  [ -f "$file" ] || return 0
  local pid
  pid="$(cat "$file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

stop() {
  stop_pid prometheus
  stop_pid exporter
}

start() {
  if ! command -v prometheus >/dev/null 2>&1 || ! command -v promtool >/dev/null 2>&1; then
    scripts/system-deps.sh || {
      log "Debian's prometheus is not installed; the demo runs without live Prometheus evidence"
      return 1
    }
  fi
  stop
  # The history is generated once a day (or when the generator changes);
  # in between, Prometheus keeps what it scraped, like a real one.
  local generator anchor
  generator="$(cat examples/prometheus/*.js | sha1sum | cut -d' ' -f1)"
  anchor="$(cat "$DATA/anchor" 2>/dev/null || echo 0)"
  if [ "$(cat "$DATA/generator.sha" 2>/dev/null)" != "$generator" ] || [ "$(($(date +%s) - anchor))" -gt 86400 ]; then
    rm -rf "$DATA"
    mkdir -p "$DATA"
    anchor="$(date +%s)"
    node examples/prometheus/writeBackfill.js "$anchor" "$DATA/history.om" >&2
    log "backfilling with promtool tsdb create-blocks-from openmetrics"
    promtool tsdb create-blocks-from openmetrics --quiet "$DATA/history.om" "$DATA/tsdb" >"$DATA/backfill.log" 2>&1 || {
      tail -20 "$DATA/backfill.log" >&2
      return 1
    }
    rm -f "$DATA/history.om"
    echo "$anchor" >"$DATA/anchor"
    echo "$generator" >"$DATA/generator.sha"
  fi
  node examples/prometheus/writePrometheusConfig.js "$DATA" "$EXPORTER_PORT" "$METRICS_PORT" >&2
  promtool check rules "$DATA"/rules/*.yml >"$DATA/rules-check.log" 2>&1 || {
    cat "$DATA/rules-check.log" >&2
    return 1
  }

  nohup node examples/prometheus/demoExporter.js "$anchor" "$EXPORTER_PORT" >"$DATA/exporter.log" 2>&1 &
  echo $! >"$DATA/exporter.pid"
  nohup prometheus --config.file="$DATA/prometheus.yml" --storage.tsdb.path="$DATA/tsdb" \
    --storage.tsdb.retention.time=30d --web.listen-address="127.0.0.1:$PROM_PORT" \
    >"$DATA/prometheus.log" 2>&1 &
  echo $! >"$DATA/prometheus.pid"

  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$PROM_PORT/-/ready" >/dev/null 2>&1; then
      log "Prometheus on http://127.0.0.1:$PROM_PORT (generated demo series, the example repositories' rules)"
      return 0
    fi
    kill -0 "$(cat "$DATA/prometheus.pid")" 2>/dev/null || break
    sleep 0.5
  done
  log "Prometheus did not become ready; see $DATA/prometheus.log"
  tail -20 "$DATA/prometheus.log" >&2
  stop
  return 1
}

case "${1:-}" in
start) start ;;
stop) stop ;;
status)
  curl -fsS "http://127.0.0.1:$PROM_PORT/-/ready" >/dev/null 2>&1 && echo running || echo stopped
  ;;
*)
  echo "usage: $0 start|stop|status" >&2
  exit 2
  ;;
esac
