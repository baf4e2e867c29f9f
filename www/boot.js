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
    let why = 'the page is not cross-origin isolated (no COOP/COEP headers)';
    if (isolationBySW() && serviceWorkerProblem) why = `the page is not cross-origin isolated: this host sends no COOP/COEP headers, and ${serviceWorkerProblem}`;
    return { build: 'single', reason: why };
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

// Why no service worker could help, when none could: said by chooseBuild.
let serviceWorkerProblem = null;

/** Whether this copy of the site asks the service worker for isolation (`make dist` does). */
function isolationBySW() {
  return document.querySelector('meta[name="playground-isolation"]')?.content === 'service-worker';
}

// How long the first visit waits for the service worker before starting the engine.
const SERVICE_WORKER_WAIT_MS = 2000;

/**
 * Resolves once the service worker is active (at once on later visits), or after `ms`.
 * The engine worker is created after it, so the worker's fetches go through the service
 * worker: its simulated pages all answer together, where the dev server's share the
 * browser's six connections to one HTTP/1.1 host (8 pages fetched at once took two
 * rounds of latency, not one).
 */
function activeWithin(ms) {
  let timer;
  const late = new Promise((resolve) => { timer = setTimeout(resolve, ms); });
  return Promise.race([navigator.serviceWorker.ready, late]).finally(() => clearTimeout(timer));
}

/**
 * The service worker answers the I/O demos' simulated pages where no dev server does
 * (static hosts, offline), and on `make dist` sites supplies cross-origin isolation.
 * Resolves `true` when the page is about to reload to become isolated (once a session).
 */
export async function startServiceWorker() {
  if (!('serviceWorker' in navigator) || !self.isSecureContext) {
    serviceWorkerProblem = 'this browser offers no service worker here (private browsing, or not https)';
    return false;
  }
  const wantIsolation = isolationBySW();
  const script = new URL(`../sw.js${wantIsolation ? '?isolate=1' : ''}`, import.meta.url);
  try {
    await navigator.serviceWorker.register(script, { type: 'module' });
  } catch (e) {
    // Inside another site's page (an embed), browsers that block third-party storage
    // refuse service workers: Chromium says "The user denied permission".
    serviceWorkerProblem = window.top !== window
      ? 'this browser refuses a service worker to a page embedded in another site'
      : `the service worker could not start (${e.message})`;
    console.warn(`service worker not registered (${e.message}): simulated pages need the dev server`);
    return false;
  }
  if (!wantIsolation || self.crossOriginIsolated || sessionStorage.getItem('playground-isolation-reload')) {
    await activeWithin(SERVICE_WORKER_WAIT_MS);
    return false;
  }
  // The service worker adds the headers to what it serves: this page was not served by it
  // yet, so load it once more (only once: if that does not isolate, the single build runs).
  await navigator.serviceWorker.ready;
  sessionStorage.setItem('playground-isolation-reload', '1');
  location.reload();
  return true;
}
