SHELL := /bin/bash
# Everyday verbs. The README's two commands are `make run` and `make test`.
.PHONY: run build test test-swift test-postgres e2e format lint courts bench

DATA_DIR ?= ./data

run:
	scripts/install-deps.sh run
	swift build --product openecf
	swift build --product ECFToolServer
	.build/debug/openecf serve --demo --data-dir $(DATA_DIR)

build:
	swift build --build-tests

test:
	scripts/test-all.sh

test-swift:
	swift test --experimental-maximum-parallelization-width 8

test-postgres:
	scripts/install-deps.sh test
	swift build --build-tests
	@set -e; read -r D URL < <(scripts/start-test-postgres.sh); \
	trap 'scripts/stop-test-postgres.sh "$$D"' EXIT; \
	OPENECF_TEST_POSTGRES_URL="$$URL" swift test --skip-build --filter ECFPersistenceTests

e2e:
	scripts/install-deps.sh test
	swift build --product openecf
	swift build --product ECFToolServer
	cd e2e && OPENECF_BIN=$(CURDIR)/.build/debug/openecf ../.venv/bin/python -m pytest -q

# Benchmarks against the hardware's own limits (BENCHMARKS.md): `make bench`, or
# `make bench SCALE=full` for 1,000,000 cases in 94 courts. Never fails on speed.
SCALE ?= small
bench:
	scripts/install-deps.sh bench
	swift build -c release --product openecf
	swift build -c release --product ECFToolServer
	.venv/bin/python bench/run.py --scale $(SCALE) $(BENCH_ARGS)

format:
	swift format format --in-place --recursive Sources Tests Package.swift

lint:
	swift format lint --strict --recursive Sources Tests Package.swift

# Regenerates the courts registry from courts-db and juriscraper (then review the diff).
courts:
	scripts/install-deps.sh test
	.venv/bin/python scripts/generate_courts.py > Sources/ECFDomain/Courts/FederalCourts+Registry.swift
