#!/usr/bin/env bash
# The adopter test: what a platform team does with our packages, from zero.
#
#  1. packs every publishable package (scripts/pack-packages.sh), as npm
#     would publish it;
#  2. creates a fresh Backstage app with the registry's @backstage/create-app
#     (non-interactive, in a temporary folder) and installs it;
#  3. follows the install steps of the plugin READMEs literally
#     (scripts/adopter/applyReadmeSteps.js: only blocks marked `adopter`), for
#     the new backend system and the new frontend system;
#  4. type-checks and builds the app, starts it, and checks in headless
#     Chromium (scripts/adopter/adopter.spec.ts) that a Component whose
#     backstage.io/source-location is a local example repository shows its
#     card with the real score, the roadmap tab and the overview.
#
# The only changes not taken from a README are this machine's (registry gaps:
# the same resolutions as our root package.json; the packed tarballs stand in
# for the registry through resolutions) and the test's own (ports, the
# example entity, an early first refresh). Writes a Playwright JSON report to
# $1 (default .cache/test-reports/adopter.json), which
# scripts/summarize-tests.js counts.
#
# Env: CREATE_APP_VERSION (default: the registry's latest), ADOPTER_PORT
# (7027), ADOPTER_KEEP=1 keeps the app folder for a look afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
# shellcheck source=scripts/toolchain.sh
source scripts/toolchain.sh
roadmap_yarn_install
# The fresh app has no lockfile to keep: Yarn's immutable installs (its
# default when CI is set) would refuse to write one.
export YARN_ENABLE_IMMUTABLE_INSTALLS=false
command -v chromium >/dev/null 2>&1 || scripts/system-deps.sh

REPORT="${1:-$ROOT/.cache/test-reports/adopter.json}"
mkdir -p "$(dirname "$REPORT")" .cache/adopter
LOGS="$ROOT/.cache/adopter"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/roadmap-adopter.XXXXXX")"
APP="$WORK/app"
export ADOPTER_PORT="${ADOPTER_PORT:-7027}"
cleanup() {
  if [ "${ADOPTER_KEEP:-0}" = 1 ]; then
    echo "[adopter] kept $APP"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
started=$SECONDS
step() { printf '[adopter] %s (%ss)\n' "$*" "$((SECONDS - started))"; }
# Runs a command with its output in a log; on failure shows the log's end.
logged() {
  local log="$LOGS/$1.log"
  shift
  if ! "$@" >"$log" 2>&1; then
    echo "[adopter] failed: $* (last lines of $log)" >&2
    tail -40 "$log" >&2
    return 1
  fi
}

step "packing our packages"
logged pack scripts/pack-packages.sh "$WORK/packages"

version="${CREATE_APP_VERSION:-latest}"
step "creating an app with @backstage/create-app@$version"
# Its yarn.lock seed download fails here; harmless (the install resolves).
BACKSTAGE_APP_NAME=adopter-app logged create-app \
  npx -y "@backstage/create-app@$version" --skip-install --path "$APP" </dev/null
echo "[adopter] $(grep -o 'create-app@[0-9.]*' "$LOGS/create-app.log" | head -1 || true) → $(node -p "require('$APP/backstage.json').version") release line"

# This machine's registry gaps (README: "Why these resolutions pins exist"),
# and our tarballs in place of the registry.
node - "$APP/package.json" "$ROOT/package.json" "$WORK/packages" <<'EOF'
const fs = require('node:fs');
const path = require('node:path');
const [appManifest, ourManifest, packed] = process.argv.slice(2);
const app = JSON.parse(fs.readFileSync(appManifest, 'utf8'));
const ours = JSON.parse(fs.readFileSync(ourManifest, 'utf8'));
app.resolutions = { ...ours.resolutions, ...app.resolutions };
for (const file of fs.readdirSync(packed).filter(f => f.endsWith('.tgz'))) {
  const name = `@${file.replace(/\.tgz$/, '').replace('-', '/')}`;
  app.resolutions[name] = `file:${path.join(packed, file)}`;
}
fs.writeFileSync(appManifest, `${JSON.stringify(app, null, 2)}\n`);
EOF

cd "$APP"
step "yarn install (the stock app)"
logged app-install yarn install

# The example repository the README's local-folder section points at.
mkdir -p examples/repos
cp -R "$ROOT/examples/repos/payments-api" examples/repos/
# A bare one for `maturity fix` (planned, not written: the portal shows payments-api).
cp -R "$ROOT/examples/repos/hobby-recommender" examples/repos/

step "following the READMEs"
ROADMAP_MATURITY="$ROOT" \
  ROADMAP_PACKAGE_RANGE="^$(node -p "require('$ROOT/plugins/maturity-common/package.json').version")" \
  logged readme-steps node "$ROOT/scripts/adopter/applyReadmeSteps.js" "$APP" \
  "$ROOT/plugins/maturity-backend/README.md" \
  "$ROOT/plugins/scaffolder-backend-module-maturity/README.md" \
  "$ROOT/plugins/maturity/README.md" \
  "$ROOT/packages/cli/README.md"
grep '^\[adopter\]' "$LOGS/readme-steps.log" || true

# The example entity joins the README's catalog locations in app-config.yaml
# itself: a later config file would replace the whole list (Backstage merges
# objects, not arrays), dropping the templates' location.
node -e '
const fs = require("node:fs");
const YAML = require(process.argv[1]);
const config = YAML.parse(fs.readFileSync("app-config.yaml", "utf8"));
config.catalog.locations.push({
  type: "file",
  target: "../../examples/repos/payments-api/catalog-info.yaml",
});
fs.writeFileSync("app-config.yaml", YAML.stringify(config));
' "$ROOT/node_modules/yaml"

# The test's own settings: one port for the backend serving the built
# frontend, and a first refresh soon after start.
cat >app-config.adopter-test.yaml <<EOF
app:
  baseUrl: http://localhost:$ADOPTER_PORT
backend:
  baseUrl: http://localhost:$ADOPTER_PORT
  listen:
    port: $ADOPTER_PORT
  cors:
    origin: http://localhost:$ADOPTER_PORT
maturity:
  schedule:
    frequency: { minutes: 10 }
    timeout: { minutes: 5 }
    initialDelay: { seconds: 2 }
EOF

step "yarn tsc (the app with our packages' types)"
logged app-tsc yarn tsc
step "the CLI from its tarball"
logged cli yarn maturity score examples/repos/payments-api --min-level bronze --quiet
logged cli-fix yarn maturity fix examples/repos/hobby-recommender --checks docs.codeowners,obs.alerts --quiet
step "building the frontend"
logged app-build yarn --cwd packages/app build \
  --config ../../app-config.yaml --config ../../app-config.adopter-test.yaml

step "starting the app and checking it in headless Chromium"
cd "$ROOT"
status=0
ADOPTER_APP="$APP" PLAYWRIGHT_JSON_OUTPUT_NAME="$REPORT" \
  yarn playwright test --config scripts/adopter/playwright.config.ts || status=$?
step "done (exit $status)"
exit "$status"
