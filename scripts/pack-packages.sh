#!/usr/bin/env bash
# Builds the publishable packages and packs one tarball each, as `npm publish`
# would upload them, into .cache/packages/ (or the folder given), then checks
# every tarball's manifest (scripts/check-packed-package.js).
#
# Usage: scripts/pack-packages.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/toolchain.sh
source scripts/toolchain.sh
roadmap_yarn_install

OUT="$(mkdir -p "${1:-.cache/packages}" && cd "${1:-.cache/packages}" && pwd)"
rm -f "$OUT"/*.tgz

# In dependency order: common ← node ← backend, scaffolder module, CLI; common ← frontend.
PACKAGES=(
  plugins/maturity-common
  plugins/maturity-node
  plugins/maturity-backend
  plugins/scaffolder-backend-module-maturity
  plugins/maturity
  packages/cli
)

# Type declarations are built from dist-types/. A type error is the type-check
# stage's to report (scripts/test.sh); tsc writes the declarations regardless.
echo "[pack] yarn tsc (declarations into dist-types/)"
yarn tsc >.cache/pack-tsc.log 2>&1 || echo "[pack] yarn tsc reported errors (see .cache/pack-tsc.log); packing what it emitted" >&2

for dir in "${PACKAGES[@]}"; do
  name="$(node -p "require('./$dir/package.json').name")"
  file="$OUT/$(echo "${name#@}" | tr / -).tgz"
  echo "[pack] $name"
  (cd "$dir" && yarn build >"$ROADMAP_ROOT/.cache/pack-build.log" 2>&1) || {
    tail -30 .cache/pack-build.log
    exit 1
  }
  (cd "$dir" && yarn pack --out "$file" >"$ROADMAP_ROOT/.cache/pack-pack.log" 2>&1) || {
    tail -30 .cache/pack-pack.log
    exit 1
  }
  node scripts/check-packed-package.js "$file"
done
echo "[pack] tarballs in $OUT"
