# jingkai: `make` installs what is missing and builds; `make demo` runs the demo zone;
# `make test` runs every test. CMake and npm do the work; this file only strings them.
BUILD ?= build
WEB_SOURCES := $(shell find web/src web/public -type f 2>/dev/null) web/index.html \
               web/vite.config.js web/package-lock.json

.PHONY: all setup native web demo test bench format clean

all: native web

setup:
	@scripts/setup.sh

native: setup
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD)

web: $(BUILD)/web/index.html

$(BUILD)/web/index.html: $(WEB_SOURCES) | setup
	@cd web && npm run build --silent

demo: all
	@echo "jingkai demo: open the URL below in a browser; Ctrl-C stops the server"
	@$(BUILD)/jingkai serve --db $(BUILD)/demo.db --demo --host $${HOST:-127.0.0.1} --port $${PORT:-8080}

test: all
	@scripts/run-tests $(BUILD)

bench: all
	@bench/run $(BUILD)

format:
	@scripts/check-format --fix

clean:
	rm -rf $(BUILD)
