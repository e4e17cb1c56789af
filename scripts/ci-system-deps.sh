#!/usr/bin/env bash
# System packages the browser tests need (called by .ci/run before `make test`).
# Idempotent: returns at once when everything is already installed.
#   - Debian's chromium at /usr/bin/chromium (Playwright drives it; no browser downloads)
#   - fonts so that pages render text (screenshots, axe-core contrast checks)
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core fontconfig)
if [ ${#need[@]} -eq 0 ]; then
  echo "system deps: present (chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'))"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
echo "system deps: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
/usr/bin/chromium --version
