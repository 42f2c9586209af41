#!/usr/bin/env bash
# The e2e tests drive Debian's Chromium and need a CJK font to draw Chinese. Install both when
# missing and this user can (root with apt-get); otherwise say what is needed.
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi 'wenquanyi\|wqy\|noto sans cjk' || need+=(fonts-wqy-microhei)
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing for the browser tests: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
else
  echo "The browser tests need: ${need[*]} (Debian: sudo apt-get install ${need[*]})" >&2
  exit 1
fi
