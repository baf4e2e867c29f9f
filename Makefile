# The workflow's table of contents.
#   make serve   build what changed and serve the playground (PORT=8080)
#   make test    native Rust tests + browser tests in Chromium, Firefox and WebKit
#   make soak    200 runs in a row: no leaked workers, no steady memory growth (part of make test)
#   make bench   the same work in native Rust, wasm, JS and CPython, side by side (prints figures)
#   make dist    the static site in dist/ (embed.html is generated from index.html)
.PHONY: all setup build serve test test-native test-e2e soak bench dist clean

PORT ?= 8080
RUST_SOURCES := $(shell find src crates/gil/src -name '*.rs') Cargo.toml Cargo.lock crates/gil/Cargo.toml
PYTHON_SOURCES := $(shell find crates/python/src -name '*.rs' -o -name '*.py') crates/python/Cargo.toml
SINGLE := www/pkg/single/concurrency_playground_bg.wasm
THREADS := www/pkg/threads/concurrency_playground_bg.wasm
PYTHON := www/pkg/python/concurrency_playground_bg.wasm
PYTHON_THREADS := www/pkg/python-threads/concurrency_playground_bg.wasm
# What demos() answers, taken from the single build's wasm at build time: the page draws
# from it before the engine has loaded (scripts/snapshot-demos.mjs, www/demos-snapshot.js).
SNAPSHOT := www/pkg/demos.js
# What the page serves from npm packages (same origin, no CDN): copied, gitignored.
PRISM := $(addprefix www/vendor/prism/,prism-core.min.js prism-python.min.js prism-rust.min.js LICENSE)
# The python demo's editor (CodeMirror 6) and lz-string: bundled by esbuild into one ES module
# each, loaded by the page only when a demo with a text parameter is shown.
EDITOR := www/vendor/editor/editor.js
LZSTRING := www/vendor/lz-string/lz-string.js
ESBUILD := node_modules/.bin/esbuild --bundle --format=esm --minify --target=es2020 --log-level=warning

all: build

setup:
	@scripts/setup.sh

build: setup
	@$(MAKE) --no-print-directory $(SINGLE) $(SNAPSHOT) $(THREADS) $(PYTHON) $(PYTHON_THREADS) $(PRISM) $(EDITOR) $(LZSTRING) embed.html

www/vendor/prism/%.js: node_modules/prismjs/components/%.js
	@mkdir -p $(@D) && cp $< $@

www/vendor/prism/LICENSE: node_modules/prismjs/LICENSE
	@mkdir -p $(@D) && cp $< $@

$(EDITOR): scripts/editor-entry.js package-lock.json
	@mkdir -p $(@D) && $(ESBUILD) --legal-comments=none $< --outfile=$@
	@for p in @codemirror/view @codemirror/state @codemirror/language @codemirror/commands @codemirror/lang-python @codemirror/autocomplete @codemirror/streamparser @lezer/common @lezer/lr @lezer/highlight @lezer/python style-mod w3c-keyname @marijn/find-cluster-break; do \
	  echo "== $$p"; cat node_modules/$$p/LICENSE* 2>/dev/null || echo "(MIT, see its package)"; done > $(@D)/LICENSES.txt

$(LZSTRING): scripts/lz-string-entry.js package-lock.json
	@mkdir -p $(@D) && $(ESBUILD) $< --outfile=$@ && cp node_modules/lz-string/LICENSE $(@D)/LICENSE

embed.html: index.html scripts/make-embed.mjs
	node scripts/make-embed.mjs

$(SINGLE): $(RUST_SOURCES) scripts/build-wasm.sh
	scripts/build-wasm.sh single

$(SNAPSHOT): $(SINGLE) scripts/snapshot-demos.mjs
	node scripts/snapshot-demos.mjs

$(THREADS): $(RUST_SOURCES) scripts/build-wasm.sh
	scripts/build-wasm.sh threads

$(PYTHON): $(RUST_SOURCES) $(PYTHON_SOURCES) scripts/build-wasm.sh
	scripts/build-wasm.sh python

$(PYTHON_THREADS): $(RUST_SOURCES) $(PYTHON_SOURCES) scripts/build-wasm.sh
	scripts/build-wasm.sh python-threads

serve: build
	PORT=$(PORT) node scripts/serve.mjs

test: build
	@scripts/setup.sh test
	@$(MAKE) --no-print-directory test-native test-e2e soak

# Deadlines are several times the stages' usual length (about 1, 4 and 1 min here).
test-native:
	scripts/with-deadline.sh 1200 test-native cargo test --quiet --workspace --features python

test-e2e:
	scripts/with-deadline.sh 2400 test-e2e node --test --test-concurrency=1 --test-timeout=300000 tests/e2e/

soak: build
	scripts/with-deadline.sh 1200 soak node tests/soak/soak.mjs

bench: build
	@scripts/setup.sh test
	cargo build --release --quiet --example bench_native
	cargo build --release --quiet -p python-engine --example pyrun
	node bench/run.mjs
	node bench/python_parallel.mjs

dist: build
	rm -rf dist && mkdir -p dist
	cp -r index.html embed.html sw.js www dist/
	# dist may be served without headers: its pages ask the service worker for isolation.
	sed -i 's|<meta charset="utf-8">|<meta charset="utf-8">\n  <meta name="playground-isolation" content="service-worker">|' dist/index.html dist/embed.html
	# The page's modules as one file (the sources stay readable in www/), then FILE.gz
	# beside each text and wasm file, for hosts that serve precompressed files.
	node scripts/bundle.mjs www dist/www/app.js
	node scripts/compress.mjs dist
	@echo "dist/ is ready: serve it with any static server (the service worker supplies isolation)"

clean:
	rm -rf dist www/pkg www/vendor target
