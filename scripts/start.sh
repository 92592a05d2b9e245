#!/usr/bin/env bash
# Brings up the demo portal: frontend on :3000, backend on :7007, SQLite in
# memory, guest sign-in, the demo catalog from examples/ — and the demo's
# real Prometheus on 127.0.0.1:19090 (scripts/demo-prometheus.sh: GENERATED
# demo series, the example repositories' rules), which scrapes the backend's
# metrics on 127.0.0.1:9464. Ctrl-C (or SIGTERM) stops all of it.
# Installs Node 22 and Yarn into .toolchain/ and the workspace on first run.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/toolchain.sh
source scripts/toolchain.sh
roadmap_yarn_install

export BACKSTAGE_METRICS_PORT="${BACKSTAGE_METRICS_PORT:-9464}"
config=()
prometheus=0
if scripts/demo-prometheus.sh start; then
  prometheus=1
  config=(--config app-config.yaml --config app-config.demo.yaml)
fi

portal=""
stop_all() {
  if [ -n "$portal" ] && kill -0 "$portal" 2>/dev/null; then
    kill -TERM -- "-$portal" 2>/dev/null || true
    wait "$portal" 2>/dev/null || true
  fi
  portal=""
  [ "$prometheus" = 1 ] && scripts/demo-prometheus.sh stop
  prometheus=0
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Its own process group, so that stopping it stops the dev server and the
# backend it started too.
setsid yarn start --require "$PWD/packages/backend/src/instrumentation.js" "${config[@]}" "$@" &
portal=$!
wait "$portal"
