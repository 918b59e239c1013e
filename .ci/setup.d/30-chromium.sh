#!/usr/bin/env bash
# CI setup: Debian's chromium and a CJK font for the web end-to-end tests (tests/test_web_e2e.py).
# Playwright drives this browser through executable_path; `playwright install` is never run.
# Idempotent: installs only what is missing.
set -euo pipefail

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
if ((${#missing[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
/usr/bin/chromium --version >/dev/null 2>&1  # Debian's wrapper script chatters on stderr
