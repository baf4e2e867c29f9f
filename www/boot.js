// Decides once which wasm build this page runs: `threads` needs shared memory, which
// browsers grant only to cross-origin-isolated pages, and a wasm engine with threads.

// The smallest module that declares a shared memory: it validates only where wasm threads exist.
const SHARED_MEMORY_MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
  0x05, 0x04, 0x01, 0x03, 0x01, 0x01,             // memory section: 1 memory, shared, min 1, max 1
]);

export function wasmThreadsSupported() {
  try {
    return typeof SharedArrayBuffer === 'function' && WebAssembly.validate(SHARED_MEMORY_MODULE);
  } catch {
    return false;
  }
}

/** `{ build, reason }`: `?build=single` forces the single build, e.g. to compare the two. */
export function chooseBuild(search = location.search) {
  const asked = new URLSearchParams(search).get('build');
  if (asked === 'single') return { build: 'single', reason: 'asked for by ?build=single' };
  if (!self.crossOriginIsolated) {
    return { build: 'single', reason: 'the page is not cross-origin isolated (no COOP/COEP headers)' };
  }
  if (!wasmThreadsSupported()) {
    return { build: 'single', reason: 'this browser has no WebAssembly threads' };
  }
  return { build: 'threads', reason: 'cross-origin isolated, with WebAssembly threads' };
}

/** The pool must hold every thread a demo may start at once, and use every core. */
export const MIN_POOL_THREADS = 8;
export function poolThreads() {
  return Math.max(navigator.hardwareConcurrency || 1, MIN_POOL_THREADS);
}

/**
 * The service worker answers the I/O demos' simulated pages where no dev server does
 * (static hosts, offline). Without it (private browsing, file://) the dev server answers.
 */
export function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || !self.isSecureContext) return;
  navigator.serviceWorker
    .register(new URL('../sw.js', import.meta.url), { type: 'module' })
    .catch((e) => console.warn(`service worker not registered (${e.message}): simulated pages need the dev server`));
}
