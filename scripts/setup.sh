#!/usr/bin/env bash
# Installs what a fresh machine lacks, and nothing when everything is there (so it is quick).
#   scripts/setup.sh          build tools: wasm target, rust-src, wasm-pack, wasm-bindgen-cli, npm packages
#   scripts/setup.sh test     the same, plus Debian's Chromium, Firefox ESR and WebKitGTK for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
say() { echo "setup: $*"; }

WASM_PACK_VERSION=0.15.1

# Root on CI machines; sudo elsewhere.
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
# The threads build rebuilds std with atomics, from source.
if ! rustup component list --installed | grep -q '^rust-src'; then
  say "adding rust-src"
  rustup component add rust-src
fi

if ! wasm-pack --version 2>/dev/null | grep -q "$WASM_PACK_VERSION"; then
  say "installing wasm-pack $WASM_PACK_VERSION (about 2.5 minutes)"
  cargo install wasm-pack --version "$WASM_PACK_VERSION"
fi

# wasm-bindgen-cli must be exactly the wasm-bindgen version in Cargo.lock.
[ -f Cargo.lock ] || cargo generate-lockfile
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $bindgen_version\$\| $bindgen_version "; then
  say "installing wasm-bindgen-cli $bindgen_version (about 2 minutes)"
  # Not --locked: its lock file does not resolve against this registry mirror.
  cargo install wasm-bindgen-cli --version "$bindgen_version"
fi

# npm ci only when package-lock.json changed since the last install.
if [ ! -f node_modules/.setup-stamp ] || [ package-lock.json -nt node_modules/.setup-stamp ]; then
  say "installing npm packages"
  # A worktree may link node_modules to another checkout's: npm ci would empty that one.
  if [ -L node_modules ]; then rm node_modules; fi
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules/.setup-stamp
fi

# The browsers come from Debian (browser downloads are not possible here): Chromium driven
# by playwright-core, Firefox ESR by puppeteer-core over WebDriver BiDi, WebKitGTK's MiniBrowser
# by webdriverio through WebKitWebDriver (classic WebDriver).
if [ "${1:-}" = test ]; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
  # WebKit: WebKitWebDriver (webkit2gtk-driver, which brings libwebkit2gtk-4.1-0 and its
  # MiniBrowser) under a virtual display (xvfb-run).
  [ -x /usr/bin/WebKitWebDriver ] || missing+=(webkit2gtk-driver)
  [ -x /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser ] || missing+=(libwebkit2gtk-4.1-0)
  [ -x /usr/bin/xvfb-run ] || missing+=(xvfb)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian's ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
  fi
fi
exit 0
