#!/usr/bin/env bash
# Everything `make test` runs, in order: install what is missing, build, format check, the Swift
# tests on SQLite, the persistence suite again on a private PostgreSQL, the courts registry check,
# the benchmark at a tiny scale, and the end-to-end suite (real server, real SMTP server, headless
# Chromium, PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

section() { printf '\n==== %s ====\n' "$*"; }

section "Installing what is missing"
scripts/install-deps.sh bench

section "Building (debug, with tests)"
# Progress lines are left out of the log; errors and the summary stay.
swift build --build-tests 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\] |found 1 file\(s\) which are unhandled|CMakeLists.txt' || true
swift build --build-tests >/dev/null  # fails loudly if the build above did

section "Format check (swift format, .swift-format)"
swift format lint --strict --recursive Sources Tests Package.swift
echo "formatting: clean"

section "Generated data matches its sources (courts-db and juriscraper; zxcvbn)"
.venv/bin/python scripts/generate_courts.py 2>/dev/null | diff -u Sources/ECFDomain/Courts/FederalCourts+Registry.swift -
echo "courts registry: current"
.venv/bin/python scripts/generate_common_passwords.py | diff -q Sources/ECFDomain/Accounts/CommonPasswords+List.swift -
echo "common passwords: current"

section "Swift tests on SQLite"
# Each web test runs a whole application (four demo courts, an outbox worker); eight at a time
# keep two cores answering within the tests' waits.
swift test --skip-build --experimental-maximum-parallelization-width 8

section "PostgreSQL: starting a private server on 127.0.0.1"
read -r PGDIR PGURL < <(scripts/start-test-postgres.sh ${OPENECF_TEST_PG_PORT:-})
trap '"$ROOT/scripts/stop-test-postgres.sh" "$PGDIR"' EXIT
export OPENECF_TEST_POSTGRES_URL="$PGURL"

section "Persistence suite on PostgreSQL ($PGURL)"
swift test --skip-build --filter ECFPersistenceTests

section "Benchmark smoke test (tiny scale, debug build: it must finish, not be fast)"
.venv/bin/python bench/run.py --scale tiny --fresh --openecf "$ROOT/.build/debug/openecf"

section "End-to-end suite (openecf serve + aiosmtpd + Chromium + axe-core)"
export OPENECF_BIN="$ROOT/.build/debug/openecf"
cd e2e && ../.venv/bin/python -m pytest -q -p no:cacheprovider
