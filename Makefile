# Curbside: `make site` builds the sample site offline; `make test` runs the whole test suite.
SWIFT ?= swift
CONFIGURATION ?= debug
BIN = .build/$(CONFIGURATION)/curbside
# System libraries the package links (see Package.swift's apt providers).
APT_PACKAGES = pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libcurl4-openssl-dev libsqlite3-dev libzstd-dev

.PHONY: site test test-fast deps build lint format clean

## deps: install the missing Debian packages (with sudo when not root).
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing system libraries:$$missing"; \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build -c $(CONFIGURATION) --product curbside

## site: build the site from the bundled real sample, offline, into site/.
site: build
	$(BIN) build --sample
	@echo
	@echo "The site is in $(CURDIR)/site: open site/index.html, or run '$(BIN) preview'."

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests

format:
	$(SWIFT) format format --in-place --recursive Sources Tests

## test: lint, then every test (Swift Testing).
test: deps lint
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## test-fast: every test but the end-to-end suites (whole builds, ingests through the simulator, browsers, the
## Pushgateway): under a minute on two cores, for the edit-build-test loop. `make test` runs them all.
END_TO_END = CurbsideCommandsTests\.|ChicagoIngestorTests|FaultIngestTests|NYCIngestorTests|SyntheticChicago|SchemaDriftTests
test-fast: deps lint
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --skip '$(END_TO_END)'

clean:
	rm -rf .build site/index.html site/versions.json site/latest site/v site/health data/*.sqlite*
