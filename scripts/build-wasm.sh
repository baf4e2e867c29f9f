#!/usr/bin/env bash
# Builds one wasm variant into www/pkg/<variant>: `single` (no atomics), `threads`
# (shared memory + wasm-bindgen-rayon) or `python` (single, plus the Python engine: loaded
# by the engine worker when the python demo first runs, so other demos never fetch it). Both use the same stable compiler; the threads
# build needs nightly-only flags, unlocked with RUSTC_BOOTSTRAP (see ../shared/TOOLCHAIN.md).
set -euo pipefail
variant=${1:?usage: build-wasm.sh single|threads|python}
cd "$(dirname "$0")/.."
out="www/pkg/$variant"
export PATH="$HOME/.cargo/bin:$PATH"

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
  threads)
    # Since a late-2025 nightly, +atomics no longer implies a shared memory
    # (rust-lang/rust#147225): the link arguments ask for it explicitly. Its maximum is
    # 256 MiB: Safari on iPhones and iPads refuses shared memories of 1-2 GiB, and the
    # largest run measured (asyncio, 1000 coroutines x 50 steps: 50,000 spans and lines)
    # peaks at 62 MB, the largest picture (pool-map 800 px, 256 chunks) at 26 MB.
    RUSTFLAGS='-C target-feature=+atomics,+bulk-memory
      -C link-arg=--shared-memory -C link-arg=--max-memory=268435456 -C link-arg=--import-memory
      -C link-arg=--export=__wasm_init_tls -C link-arg=--export=__tls_size
      -C link-arg=--export=__tls_align -C link-arg=--export=__tls_base' \
    RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR=target/wasm-threads \
      wasm-pack --log-level warn build --target web --release --no-typescript --no-pack \
      --out-dir "$out" -- --features threads -Z build-std=panic_abort,std
    if ! grep -q 'shared: *true' "$out/concurrency_playground.js"; then
      echo "build-wasm: the threads build did not get a shared memory" >&2
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
    ;;
  *) echo "build-wasm: unknown variant '$variant' (single, threads or python)" >&2; exit 2 ;;
esac

# No wasm-opt pass: wasm-pack cannot download one here, and Debian's binaryen 108 saved
# nothing measurable on this crate (182,933 -> 182,950 bytes).
rm -f "$out/.gitignore" "$out/package.json"
echo "build-wasm: $variant -> $out ($(du -k "$out/concurrency_playground_bg.wasm" | cut -f1) KB)"
