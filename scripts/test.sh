#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: toolchain, workspace install,
# system test dependencies (Debian chromium and prometheus), type checking,
# `backstage-cli repo fix --check`, Prettier, lint, unit + integration tests
# (Jest), the end-to-end test in headless Chromium (Playwright) and the
# adopter test (scripts/verify-adopter.sh).
#
# Database tests run on SQLite always, and on PostgreSQL too when
# BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set (.ci/run sets it).
#
# Usage: scripts/test.sh [--skip-static] [--skip-e2e] [jest args...]
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
# shellcheck source=scripts/toolchain.sh
source scripts/toolchain.sh
roadmap_yarn_install || exit 1

skip_static=0
skip_e2e=0
jest_args=()
for arg in "$@"; do
  case "$arg" in
  --skip-static) skip_static=1 ;;
  --skip-e2e) skip_e2e=1 ;;
  *) jest_args+=("$arg") ;;
  esac
done

scripts/system-deps.sh || echo "[test] system dependencies could not be installed; dependent tests will say so" >&2

REPORTS="$ROOT/.cache/test-reports"
rm -rf "$REPORTS"
mkdir -p "$REPORTS"
failed_stages=()

stage() {
  local name="$1"
  shift
  printf '\n=== %s ===\n' "$name"
  local start=$SECONDS
  if "$@"; then
    printf '=== %s: ok (%ss) ===\n' "$name" "$((SECONDS - start))"
  else
    printf '=== %s: FAILED (%ss) ===\n' "$name" "$((SECONDS - start))"
    failed_stages+=("$name")
  fi
}

if [ "$skip_static" = 0 ]; then
  stage "type check" yarn tsc
  # The packages' public API against the checked-in report.api.md files
  # (Backstage's repo tools over the declarations yarn tsc just wrote).
  stage "API reports" yarn test:api-reports
  stage "repo fix --check" yarn backstage-cli repo fix --check
  stage "prettier" yarn prettier --check --loglevel warn .
  stage "lint" yarn backstage-cli repo lint
fi

export BACKSTAGE_TEST_DISABLE_DOCKER=1
stage "unit and integration tests" env CI=true NODE_OPTIONS=--experimental-vm-modules yarn backstage-cli repo test \
  --json --outputFile="$REPORTS/jest.json" "${jest_args[@]}"

if [ "$skip_e2e" = 0 ]; then
  stage "end-to-end (headless Chromium)" scripts/e2e.sh "$REPORTS/playwright.json"
  # A fresh @backstage/create-app app with our packed packages, wired by the
  # plugin READMEs alone (about 7 minutes; needs the npm registry).
  stage "adopter (fresh app, packed packages, READMEs)" scripts/verify-adopter.sh "$REPORTS/adopter.json"
fi

node scripts/summarize-tests.js "$REPORTS" "${failed_stages[@]}"
