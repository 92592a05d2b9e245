#!/usr/bin/env bash
# Installs the system programs the tests drive for real, when missing:
#   chromium    headless browser for the end-to-end test (Debian package)
#   prometheus  real Prometheus server + promtool for collector and rule tests
#   golang-go   builds tools/helm-template-check (Go's text/template, Helm's engine)
#   kubernetes-client  kubectl kustomize, which validates generated kustomizations
# Uses apt-get only as root; otherwise prints what to install and returns 1.
set -uo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
command -v go >/dev/null 2>&1 || missing+=(golang-go)
command -v kubectl >/dev/null 2>&1 || missing+=(kubernetes-client)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "[system-deps] missing: ${missing[*]} (install them with your package manager)" >&2
  exit 1
fi
echo "[system-deps] apt-get install ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null 2>&1 || true
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || {
  echo "[system-deps] apt-get install ${missing[*]} failed" >&2
  exit 1
}
exit 0
