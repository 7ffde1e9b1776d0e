# Curbside: `make site` builds the sample site offline; `make test` runs the whole test suite.
SWIFT ?= swift
CONFIGURATION ?= debug
BIN = .build/$(CONFIGURATION)/curbside
# System libraries the package links (see Package.swift's apt providers).
APT_PACKAGES = pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libcurl4-openssl-dev libsqlite3-dev libzstd-dev

.PHONY: site test test-fast deps build lint format clean fuzz test-tsan test-asan

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
	$(SWIFT) format lint --strict --recursive Sources Tests Fuzz

format:
	$(SWIFT) format format --in-place --recursive Sources Tests Fuzz

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

## fuzz: build the libFuzzer targets in Fuzz/ and run each for FUZZ_SECONDS (default 60); fails on a finding.
fuzz: deps
	SWIFT=$(SWIFT) scripts/fuzz.sh

## test-tsan, test-asan: the whole test suite under the thread or the address sanitizer, each in its own build folder.
SANITIZER_JOBS ?= 1
test-tsan: deps
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan -j $(SANITIZER_JOBS)
	$(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan

test-asan: deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan -j $(SANITIZER_JOBS)
	@# Leak checking off: Swift keeps flag bits in the spare bits of String and Data references, so LeakSanitizer
	@# takes live storage for leaked (docs/fuzzing.md). The fuzz targets check for leaks input by input.
	ASAN_OPTIONS="detect_leaks=0 $(ASAN_OPTIONS)" $(SWIFT) test --skip-build --sanitize=address \
	  --scratch-path .build-asan

clean:
	rm -rf .build .build-fuzz .build-tsan .build-asan site/index.html site/versions.json site/latest site/v site/health data/*.sqlite*
