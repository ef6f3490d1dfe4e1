#!/usr/bin/env bash
# Installs what OpenECF needs on Debian/Ubuntu, only what is missing.
#   scripts/install-deps.sh run    – to run the server (qpdf, poppler-utils)
#   scripts/install-deps.sh test   – also PostgreSQL, Chromium + driver, a Python virtualenv in .venv
#   scripts/install-deps.sh bench  – the test tools and the benchmark's drivers (wrk, nginx)
set -euo pipefail
cd "$(dirname "$0")/.."
MODE="${1:-run}"

if ! command -v swift >/dev/null 2>&1; then
  echo "OpenECF needs Swift 6 (swift.org/install); 'swift' is not on PATH." >&2
  exit 1
fi

missing=()
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
if [ "$MODE" = bench ]; then
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  [ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || missing+=(nginx)
fi
if [ "$MODE" = test ] || [ "$MODE" = bench ]; then
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
  python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
fi
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  echo "installing Debian packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q >&2
  # No package may start a service of its own (nginx would listen on port 80): the benchmark
  # starts its own nginx on 127.0.0.1 and stops it.
  policy=/usr/sbin/policy-rc.d
  placed=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null && $SUDO chmod +x "$policy" && placed=1
  fi
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
  [ -z "$placed" ] || $SUDO rm -f "$policy"
fi

if [ "$MODE" = test ] || [ "$MODE" = bench ]; then
  if [ ! -x .venv/bin/python ] || ! cmp -s e2e/requirements.txt .venv/requirements.installed; then
    echo "setting up the Python virtualenv in .venv" >&2
    python3 -m venv .venv
    .venv/bin/pip install -q --disable-pip-version-check -r e2e/requirements.txt >&2
    # Only for its current axe-core (axe.min.js 4.x); axe-selenium-python ships axe 3.1 from 2018.
    .venv/bin/pip install -q --disable-pip-version-check --no-deps axe-playwright-python==0.1.8 >&2
    cp e2e/requirements.txt .venv/requirements.installed
  fi
fi
