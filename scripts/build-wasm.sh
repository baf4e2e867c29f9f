#!/usr/bin/env bash
# Builds one wasm variant into www/pkg/<variant>: `single` (no atomics), `threads`
# (shared memory + wasm-bindgen-rayon), `python` (single, plus the Python engine: loaded
# by the engine worker when the python demo first runs, so other demos never fetch it) or
# `python-threads` (threads, plus the Python engine: each Python thread a Worker). All use
# the same stable compiler; the threads builds need nightly-only flags, unlocked with
# RUSTC_BOOTSTRAP (see ../shared/TOOLCHAIN.md).
set -euo pipefail
variant=${1:?usage: build-wasm.sh single|threads|python|python-threads}
cd "$(dirname "$0")/.."
out="www/pkg/$variant"
export PATH="$HOME/.cargo/bin:$PATH"

threads_build() {
    local features=$1 max_memory=$2
    # Since a late-2025 nightly, +atomics no longer implies a shared memory
    # (rust-lang/rust#147225): the link arguments ask for it explicitly. The threads build's
    # maximum is 256 MiB: Safari on iPhones and iPads refuses shared memories of 1-2 GiB,
    # and the largest run measured (asyncio, 1000 coroutines x 50 steps: 50,000 spans and
    # lines) peaks at 62 MB, the largest picture (pool-map 800 px, 256 chunks) at 26 MB.
    RUSTFLAGS="-C target-feature=+atomics,+bulk-memory
      -C link-arg=--shared-memory -C link-arg=--max-memory=$max_memory -C link-arg=--import-memory
      -C link-arg=--export=__wasm_init_tls -C link-arg=--export=__tls_size
      -C link-arg=--export=__tls_align -C link-arg=--export=__tls_base" \
    RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR=target/wasm-$variant \
      wasm-pack --log-level warn build --target web --release --no-typescript --no-pack \
      --out-dir "$out" -- --features "$features" -Z build-std=panic_abort,std
    if ! grep -q 'shared: *true' "$out/concurrency_playground.js"; then
      echo "build-wasm: the $variant build did not get a shared memory" >&2
      exit 1
    fi
    # wasm-bindgen-rayon 1.3's pool workers initialise with the positional form that
    # wasm-bindgen 0.2.130 deprecates: one console warning per worker on every page load.
    # Same call, in the object form (only if the line is still there).
    helpers=$(find "$out/snippets" -name 'workerHelpers.no-bundler.js')
    sed -i 's/await pkg\.default(data\.module, data\.memory);/await pkg.default({ module_or_path: data.module, memory: data.memory });/' $helpers
    # Firefox (ESR 153) can deadlock when a worker creates workers: about one fresh start
    # in ten hung in `new Worker` inside the engine worker and the pool never started
    # (issue 18). The pool's Workers are created by the page instead, through
    # `PlaygroundPoolWorker` (www/engine-worker.js); and the helper script is fetched once,
    # not once per pool thread. The build fails if either line has changed upstream.
    sed -i \
      -e 's/const worker = new Worker(url, {/const worker = new (globalThis.PlaygroundPoolWorker ?? Worker)(url, {/' \
      -e 's/let scriptBlob = await fetch(import\.meta\.url)\.then(r => r\.blob());/let scriptBlob = await (startWorkers.script ??= fetch(import.meta.url).then(r => r.blob()));/' \
      $helpers
    for patched in 'globalThis.PlaygroundPoolWorker ?? Worker' 'startWorkers.script ??='; do
      if ! grep -qF "$patched" $helpers; then
        echo "build-wasm: could not patch wasm-bindgen-rayon's workerHelpers ($patched): see issue 18" >&2
        exit 1
      fi
    done
}

case "$variant" in
  single)
    CARGO_TARGET_DIR=target/wasm-single \
      wasm-pack --log-level warn build --target web --release --no-typescript --no-pack \
      --out-dir "$out"
    ;;
  python)
    CARGO_TARGET_DIR=target/wasm-python \
      wasm-pack --log-level warn build --target web --release --no-typescript --no-pack \
      --out-dir "$out" -- --features python
    ;;
  threads) threads_build threads 268435456 ;;
  # Python programs may hold up to 512 MB (crates/python/src/memory.rs): a shared memory
  # cannot grow past its maximum, so this one's is larger. A device that refuses it gets
  # the single python build (www/engine-worker.js).
  python-threads) threads_build "threads python" 1073741824 ;;
  *) echo "build-wasm: unknown variant '$variant' (single, threads, python or python-threads)" >&2; exit 2 ;;
esac

# No wasm-opt pass: wasm-pack cannot download one here, and Debian's binaryen 108 saved
# nothing measurable on this crate (182,933 -> 182,950 bytes).
rm -f "$out/.gitignore" "$out/package.json"
echo "build-wasm: $variant -> $out ($(du -k "$out/concurrency_playground_bg.wasm" | cut -f1) KB)"
