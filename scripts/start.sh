#!/usr/bin/env bash
# Brings up the demo portal: frontend on :3000, backend on :7007, SQLite in
# memory, guest sign-in, the demo catalog from examples/.
# Installs Node 22 and Yarn into .toolchain/ and the workspace on first run.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/toolchain.sh
source scripts/toolchain.sh
roadmap_yarn_install
exec yarn start "$@"
