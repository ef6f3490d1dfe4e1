SHELL := /bin/bash
# Everyday verbs. The README's two commands are `make run` and `make test`.
.PHONY: run build test test-swift test-postgres e2e format lint courts

DATA_DIR ?= ./data

run:
	scripts/install-deps.sh run
	swift build --product openecf
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
	cd e2e && OPENECF_BIN=$(CURDIR)/.build/debug/openecf ../.venv/bin/python -m pytest -q

format:
	swift format format --in-place --recursive Sources Tests Package.swift

lint:
	swift format lint --strict --recursive Sources Tests Package.swift

# Regenerates the courts registry from courts-db and juriscraper (then review the diff).
courts:
	scripts/install-deps.sh test
	.venv/bin/python scripts/generate_courts.py > Sources/ECFDomain/Courts/FederalCourts+Registry.swift
