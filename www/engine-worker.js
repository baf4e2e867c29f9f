// The wasm engine lives here, never on the page's thread: the page stays responsive,
// and a run that will not stop can be ended by terminating this worker.
import { MSG, errorToMessage } from './protocol.js';

let engine = null;
// The sink of the newest run: a superseded run's end must not remove a newer run's sink.
let liveSink = null;
const PROGRESS_INTERVAL_MS = 150;

// The threads build's pool: every run and benchmark waits for it (a parallel call made
// before it exists hangs). It starts after `ready`: its workers take ~30 ms each on a
// 2-core machine, and the page is usable meanwhile (choosing a demo, editing, validating).
let poolStarted = Promise.resolve();
// The run waiting for the pool, if any: a cancel ends the wait at once.
let waiting = null;

// The pool's Workers are created by the page, not here: Firefox ESR 153 can deadlock when a
// worker creates workers (about one fresh start in ten hung inside `new Worker` here, and
// the pool never started: issue 18). wasm-bindgen-rayon's startWorkers creates each pool
// Worker with this class where it exists (scripts/build-wasm.sh patches it to): the page
// starts the real Worker, posts it the init message, and reports back when it is ready.
const poolWorkers = new Map();
let poolWorkerIds = 0;
globalThis.PlaygroundPoolWorker = class PoolWorkerOnPage extends EventTarget {
  constructor(url, options) {
    super();
    this.id = ++poolWorkerIds;
    this.url = url;
    this.options = options;
    poolWorkers.set(this.id, this);
  }

  /** startWorkers posts one message, the init: the page creates the Worker with it. */
  postMessage(init) {
    postMessage({ type: MSG.POOL_SPAWN, id: this.id, url: this.url, options: this.options, init });
  }

  ready() {
    poolWorkers.delete(this.id);
    this.dispatchEvent(new MessageEvent('message', { data: { type: 'wasm_bindgen_worker_ready' } }));
  }
};

// The other Workers the engine starts, the processes of the process demos (started from
// Rust with `new Worker`), are created by the page for the same reason: in Firefox a
// process demo hung in about one run in twenty. This stands in for `Worker` here: the page
// starts the real one; messages go through a MessagePort between the two workers.
const pageWorkers = new Map();
let pageWorkerIds = 0;
class WorkerOnPage extends EventTarget {
  constructor(url, options = {}) {
    super();
    this.id = ++pageWorkerIds;
    this.onmessage = null;
    this.onerror = null;
    pageWorkers.set(this.id, this);
    self.postMessage({ type: MSG.WORKER_SPAWN, id: this.id, url: String(new URL(url, location.href)), options: { ...options } });
  }

  /** The page's MessageChannel to the worker (see ENGINE_PORT): from then on, no relay. */
  connect(port) {
    this.port = port;
    port.onmessage = ({ data }) => this.deliver(new MessageEvent('message', { data }));
  }

  postMessage(data, transfer = []) {
    if (!pageWorkers.has(this.id)) return;
    if (this.port) this.port.postMessage(data, transfer);
    else self.postMessage({ type: MSG.WORKER_POST, id: this.id, data }, transfer);
  }

  terminate() {
    this.port?.close();
    if (pageWorkers.delete(this.id)) self.postMessage({ type: MSG.WORKER_TERMINATE, id: this.id });
  }

  deliver(event) {
    this.dispatchEvent(event);
    (event.type === 'message' ? this.onmessage : this.onerror)?.call(this, event);
  }
}
globalThis.Worker = WorkerOnPage;

// The page names the build in this worker's address (www/api.js): its glue code is
// imported at once, while the page still downloads and compiles the wasm, rather than
// after the page hands the compiled module over with INIT.
const named = new URL(import.meta.url).searchParams.get('build');
const glueFor = { [named]: named && import(`./pkg/${named}/concurrency_playground.js`) };
glueFor[named]?.catch(() => {}); // a failure is reported by start(), which imports again

async function start({ build, threads, module }) {
  const mod = await (glueFor[build] ?? import(`./pkg/${build}/concurrency_playground.js`)).catch(() => import(`./pkg/${build}/concurrency_playground.js`));
  // `module`: the wasm the page compiled while this worker started (api.js), if it could.
  await mod.default(module ? { module_or_path: module } : undefined);
  mod.setCores(navigator.hardwareConcurrency || 1);
  engine = mod;
  engineBuild = build;
  return { build: mod.build(), threads: build === 'threads' ? threads : 1, demos: JSON.parse(mod.demos()) };
}

/**
 * Called right after `ready` is sent, in the same task: calibrates the CPU kernel (up to
 * about 140 ms), then asks for the threads build's pool. `ready` waits for neither, so
 * the page can draw meanwhile; a message that arrives meanwhile (a run, a validation) is
 * handled after both, since this worker does one thing at a time.
 */
function calibrateThenPool({ build, threads, debugStallPool, calibration }) {
  const mod = engine;
  // A speed measured by an earlier start on this device (api.js keeps it): nothing to
  // measure, so the pool starts at once.
  const remembered = calibration !== undefined && Boolean(mod.useCalibration?.(calibration));
  // Else measured before the pool starts: its workers starting would slow it down.
  const rate = remembered ? calibration : mod.calibrate();
  postMessage({ type: MSG.CALIBRATED, iterations_per_ms: rate, source: remembered ? 'remembered' : 'measured' });
  // `calibrate` with a speed set only warms the kernels up: on the threads build while the
  // pool starts (no run can start before it is up), on the single build at once.
  if (remembered && build === 'threads') setTimeout(() => mod.calibrate(), 0);
  else if (remembered) mod.calibrate();
  if (build === 'threads') {
    const asked = performance.now();
    // debugStallPool (tests, ?debug=1): a pool that never starts, as in issue 18.
    poolStarted = (debugStallPool ? new Promise(() => {}) : mod.initThreadPool(threads)).catch((e) => {
      throw new Error(`the thread pool did not start (${e?.message ?? e}): reload the page, or open it with ?build=single`);
    });
    // The page bounds the wait (api.js): a pool not up in time gets this engine replaced.
    poolStarted.then(
      () => postMessage({ type: MSG.POOL_STARTED, ms: performance.now() - asked }),
      (e) => postMessage({ type: MSG.POOL_FAILED, error: errorToMessage(e) }),
    );
  }
}

/** Waits for the pool; false (and the run's error sent) when the run cannot go ahead. */
async function poolFor(seq) {
  const cancelled = new Promise((resolve) => { waiting = { seq, cancel: () => resolve('cancelled') }; });
  let outcome;
  try {
    outcome = await Promise.race([poolStarted.then(() => 'started'), cancelled]);
  } catch (e) {
    postMessage({ type: MSG.ERROR, seq, error: errorToMessage(e), fatal: false });
    return false;
  } finally {
    waiting = null;
  }
  if (outcome === 'cancelled') {
    postMessage({ type: MSG.ERROR, seq, error: { name: 'AbortError', message: 'the run was cancelled' }, fatal: false });
    return false;
  }
  return true;
}

// The python demo's engine: its own build, fetched and compiled the first time a Python
// program runs, so the other demos never download it. Where the page has shared memory
// (the threads build), it is pkg/python-threads: each Python thread runs on a Worker of
// its own pool, under a real GIL. Elsewhere, or if that build cannot start (a device that
// refuses its 1 GiB shared memory), pkg/python: Python threads take turns on this Worker.
let engineBuild = null;
let python = null;
let pythonLoad = null;
// Each Python thread holds a pool Worker for its life, as an OS thread would.
const PYTHON_POOL_THREADS = Math.max(16, 2 * (navigator.hardwareConcurrency || 1));
function pythonEngine() {
  pythonLoad ??= (async () => {
    try {
      python = await loadPython(engineBuild === 'threads');
      return python;
    } catch (e) {
      pythonLoad = null;
      throw new Error(`the Python engine did not load (${e?.message ?? e}): check the connection and run again`);
    }
  })();
  return pythonLoad;
}

async function loadPython(threaded) {
  if (threaded) {
    try {
      const mod = await import('./pkg/python-threads/concurrency_playground.js');
      await mod.default();
      mod.setCores(navigator.hardwareConcurrency || 1);
      await mod.initThreadPool(PYTHON_POOL_THREADS);
      return mod;
    } catch (e) {
      console.warn(`the threaded Python build did not start (${e?.message ?? e}): Python threads take turns on one Worker`);
    }
  }
  const mod = await import('./pkg/python/concurrency_playground.js');
  await mod.default();
  mod.setCores(navigator.hardwareConcurrency || 1);
  return mod;
}

// A trap (RuntimeError) poisons a wasm instance: the page must replace this worker.
const isFatal = (e) => e instanceof WebAssembly.RuntimeError || e instanceof WebAssembly.LinkError;

/** A benchmark hook's reply: `measure()`'s result once the pool is up, or its error. */
async function benchmark(seq, measure) {
  if (!(await poolFor(seq))) return;
  try {
    postMessage({ type: MSG.RESULT, seq, result: await measure() });
  } catch (e) {
    postMessage({ type: MSG.ERROR, seq, error: errorToMessage(e), fatal: isFatal(e) });
  }
}

self.onmessage = async ({ data }) => {
  switch (data.type) {
    case MSG.INIT:
      try {
        postMessage({ type: MSG.READY, ...(await start(data)) });
        calibrateThenPool(data);
      } catch (e) {
        postMessage({ type: MSG.START_FAILED, error: errorToMessage(e) });
      }
      break;
    case MSG.RUN: {
      let eng = engine;
      if (data.id === 'python') {
        try {
          eng = await pythonEngine();
        } catch (e) {
          postMessage({ type: MSG.ERROR, seq: data.seq, error: errorToMessage(e), fatal: false });
          break;
        }
      } else if (!(await poolFor(data.seq))) break;
      // Send what the run has recorded, at most every PROGRESS_INTERVAL_MS: the page draws
      // the run as it goes. While the run awaits (timers, fetches, other threads) the
      // interval sends; while it computes on this thread no timer can fire, so the engine
      // calls the sink itself after each span or line it records here.
      const seen = { spans: 0, logs: 0 };
      let sentAt = -Infinity;
      const sendProgress = () => {
        sentAt = performance.now();
        const live = JSON.parse(eng.liveTrace(seen.spans, seen.logs));
        if (!live) return;
        seen.spans += live.spans.length;
        seen.logs += live.logs.length;
        postMessage({ type: MSG.PROGRESS, seq: data.seq, ...live });
      };
      const progress = setInterval(sendProgress, PROGRESS_INTERVAL_MS);
      const sink = () => {
        if (performance.now() - sentAt >= PROGRESS_INTERVAL_MS) sendProgress();
      };
      liveSink = sink;
      eng.setLiveSink(sink);
      try {
        const result = JSON.parse(await eng.run(data.id, data.params));
        postMessage({ type: MSG.RESULT, seq: data.seq, result });
      } catch (e) {
        postMessage({ type: MSG.ERROR, seq: data.seq, error: errorToMessage(e), fatal: isFatal(e) });
      } finally {
        clearInterval(progress);
        if (liveSink === sink) {
          liveSink = null;
          eng.setLiveSink(undefined);
        }
      }
      break;
    }
    case MSG.PREPARE:
      // The python demo is on the page: its build loads now, not at its first run. After
      // this engine's own pool, which the other demos' runs wait for. A failure is said
      // by the run, which loads again.
      if (data.id === 'python') poolStarted.catch(() => {}).then(pythonEngine).catch(() => {});
      break;
    case MSG.DEBUG_BENCH:
      await benchmark(data.seq, async () => ({ ms: await engine.benchKernel(data.n, data.threads) }));
      break;
    case MSG.DEBUG_POOL_BENCH:
      await benchmark(data.seq, async () => ({ us_per_task: await engine.benchProcessPool(data.tasks, data.processes) }));
      break;
    case MSG.DEBUG_MEMORY:
      postMessage({ type: MSG.RESULT, seq: data.seq, result: { wasmMemoryBytes: engine.memoryBytes() } });
      break;
    case MSG.DEBUG_TRAP:
      try {
        engine.debugTrap();
      } catch (e) {
        postMessage({ type: MSG.ERROR, seq: data.seq, error: errorToMessage(e), fatal: isFatal(e) });
      }
      break;
    case MSG.VALIDATE:
      try {
        postMessage({ type: MSG.VALIDATED, vseq: data.vseq, params: JSON.parse(engine.validate(data.id, data.params)) });
      } catch (e) {
        postMessage({ type: MSG.VALIDATED, vseq: data.vseq, error: errorToMessage(e), fatal: isFatal(e) });
      }
      break;
    case MSG.WORKER_MESSAGE:
      pageWorkers.get(data.id)?.deliver(new MessageEvent('message', { data: data.data }));
      break;
    case MSG.WORKER_PORT:
      pageWorkers.get(data.id)?.connect(data.port);
      break;
    case MSG.WORKER_ERROR:
      pageWorkers.get(data.id)?.deliver(new ErrorEvent('error', { message: data.message, cancelable: true }));
      break;
    case MSG.POOL_WORKER_READY:
      poolWorkers.get(data.id)?.ready();
      break;
    case MSG.CANCEL:
      if (waiting?.seq === data.seq) waiting.cancel();
      engine?.cancel();
      python?.cancel();
      break;
  }
};
