#!/usr/bin/env bash
# End-to-end test of the demo portal in headless Debian Chromium: builds the
# frontend, starts the demo's real Prometheus (scripts/demo-prometheus.sh, on
# the e2e test's own ports and data folder, so a running demo is untouched),
# lets Playwright start the backend (which serves that build) on :7017, and
# runs packages/app/e2e-tests. Screenshots land in
# .cache/e2e-results/ (and docs/images/ when UPDATE_SCREENSHOTS=1).
#
# Usage: scripts/e2e.sh [JSON_REPORT_PATH]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/toolchain.sh
source scripts/toolchain.sh
if ! command -v chromium >/dev/null 2>&1 || ! command -v promtool >/dev/null 2>&1; then
  scripts/system-deps.sh
fi
export PLAYWRIGHT_JSON_OUTPUT_NAME="${1:-$PWD/.cache/test-reports/playwright.json}"
mkdir -p "$(dirname "$PLAYWRIGHT_JSON_OUTPUT_NAME")"
mkdir -p .cache
echo "[e2e] building the frontend"
yarn workspace app build --config ../../app-config.yaml --config ../../app-config.e2e.yaml >.cache/e2e-app-build.log 2>&1 || {
  tail -40 .cache/e2e-app-build.log
  exit 1
}
# The ports app-config.e2e.yaml and playwright.config.ts name.
export DEMO_PROMETHEUS_DATA="$PWD/.cache/e2e-prometheus"
export DEMO_PROMETHEUS_PORT=19190 DEMO_EXPORTER_PORT=19200 BACKSTAGE_METRICS_PORT=9474
export E2E_PROMETHEUS_URL="http://127.0.0.1:$DEMO_PROMETHEUS_PORT"
trap 'scripts/demo-prometheus.sh stop' EXIT
scripts/demo-prometheus.sh start
status=0
yarn playwright test || status=$?
# UPDATE_SCREENSHOTS=1 refreshes the README's screenshots from this run.
if [ "${UPDATE_SCREENSHOTS:-0}" = 1 ] && [ "$status" = 0 ]; then
  mkdir -p docs/images
  cp .cache/e2e-results/*/maturity.png docs/images/maturity-overview.png
  cp .cache/e2e-results/*/catalog.png docs/images/catalog.png
  for shot in maturity-card maturity-roadmap maturity-fix-it maturity-team \
    maturity-campaign maturity-exemptions maturity-notification \
    maturity-live-evidence maturity-home maturity-what-if maturity-system \
    maturity-domain; do
    cp .cache/e2e-results/*/"$shot.png" "docs/images/$shot.png"
  done
fi
exit "$status"
