// `window.playground`: the JS API that the page, tests and embedding pages drive.
// EngineBridge is the only code that talks to the engine worker.
import { ENGINE_PORT, MSG, messageToError } from './protocol.js';
import { chooseBuild, poolThreads, startServiceWorker } from './boot.js';
import { afterFirstPaint } from './paint.js';

// How long a cancelled run may take to stop by itself before its worker is terminated.
const CANCEL_GRACE_MS = 400;
// No run may take longer than this: every demo's ranges keep it well below (see README).
export const RUN_TIME_LIMIT_MS = 10 * 60 * 1000;
// The threads build's pool must be up this long after `ready` (it takes well under a
// second on 2 cores, in Chromium and Firefox): if not, the engine is replaced and a run
// waiting for it fails with an EngineError, rather than wait without end (issue 18).
export const POOL_START_LIMIT_MS = 15_000;
// Engines replaced in a row because their pool did not start, before giving up.
const POOL_START_TRIES = 3;

function namedError(name, message) {
  const e = new Error(message);
  e.name = name;
  return e;
}

/** Structured clone drops prototypes: a class instance would reach the engine as a plain
 *  `{}` and run with the defaults. Refuse it here, where its kind is still visible. */
function plainParams(params) {
  if (params === undefined || params === null || typeof params !== 'object') return;
  const proto = Object.getPrototypeOf(params);
  if (proto !== Object.prototype && proto !== null && !Array.isArray(params) && !(params instanceof Map) && !(params instanceof Date)) {
    throw namedError('ParamError', `parameters must be a plain object such as {"threads": 3}, got an instance of ${proto?.constructor?.name || 'a class'}`);
  }
}

class EngineBridge {
  /** `debug`: test hooks ({ stallPool, poolStartLimitMs }), from the address with ?debug=1. */
  /** `compiled`: a promise of this build's WebAssembly.Module (compileEngine), or null. */
  constructor(build, threads, debug = {}, compiled = null) {
    this.build = build;
    this.threads = threads;
    this.compiled = compiled;
    this.seq = 0;
    this.pending = null; // { seq, resolve, reject, graceTimer }
    this.listeners = new Set();
    this.runTimeLimitMs = RUN_TIME_LIMIT_MS;
    this.validations = new Map(); // vseq -> { resolve, reject }
    this.vseq = 0;
    this.poolStartLimitMs = POOL_START_LIMIT_MS;
    this.poolFailures = 0; // in a row
    this.pool = { state: 'none', ms: null }; // state: none (single build) | starting | up | failed
    // Test hooks for the first engine only: its pool never starts (as in issue 18), its
    // wait is shorter; the engines that replace it start theirs as usual.
    this.debugStallPool = debug.stallPool === true;
    this.debugPoolStartLimitMs = debug.poolStartLimitMs;
    this.start();
  }

  /** Starts a fresh engine worker; `this.engineReady` resolves with its `ready` message. */
  start() {
    const worker = new Worker(new URL(`./engine-worker.js?build=${this.build}`, import.meta.url), { type: 'module' });
    this.worker = worker;
    this.poolWorkers = [];
    this.engineWorkers = new Map(); // id -> the Workers it asked for (see spawnWorker)
    this.pool = { state: 'none', ms: null };
    this.engineReady = new Promise((resolve, reject) => {
      worker.onmessage = ({ data }) => {
        if (data.type === MSG.READY) {
          if (data.build === 'threads') this.poolStarting(worker);
          resolve(data);
        } else if (data.type === MSG.POOL_SPAWN) this.spawnPoolWorker(worker, data);
        else if (data.type === MSG.WORKER_SPAWN) this.spawnWorker(worker, data);
        else if (data.type === MSG.WORKER_POST) this.engineWorkers.get(data.id)?.postMessage(data.data);
        else if (data.type === MSG.WORKER_TERMINATE) {
          this.engineWorkers.get(data.id)?.terminate();
          this.engineWorkers.delete(data.id);
        }
        else if (data.type === MSG.CALIBRATED) this.calibrated(data);
        else if (data.type === MSG.POOL_STARTED) this.poolStarted(worker, data.ms);
        else if (data.type === MSG.POOL_FAILED) this.poolFailed(worker, data.error.message);
        else if (data.type === MSG.VALIDATED) this.onValidated(data);
        else if (data.type === MSG.START_FAILED) reject(messageToError(data.error));
        else this.onReply(data);
      };
      worker.onerror = (event) => {
        event.preventDefault?.();
        const error = namedError('Error', `the engine failed: ${event.message || 'worker error'}`);
        reject(error);
        this.failPending(error, true);
      };
    });
    // Swallow here; callers see the rejection through their own await.
    this.engineReady.catch(() => {});
    const init = { type: MSG.INIT, build: this.build, threads: this.threads, debugStallPool: this.debugStallPool, calibration: rememberedCalibration(this.build) };
    // The Worker starts up meanwhile; a restarted engine gets the same module at once.
    Promise.resolve(this.compiled).then((module) => worker.postMessage({ ...init, module: module ?? undefined }));
    this.debugStallPool = false;
    this.engineLimitMs = this.debugPoolStartLimitMs ?? this.poolStartLimitMs;
    this.debugPoolStartLimitMs = undefined;
  }

  /** The engine knows its CPU kernel's speed: kept for the next start (see rememberedCalibration). */
  calibrated({ iterations_per_ms: rate, source }) {
    this.calibration = { iterations_per_ms: rate, source };
    if (source === 'measured') rememberCalibration(this.build, rate);
  }

  /** The engine asked for its pool: it must be up within poolStartLimitMs. */
  poolStarting(worker) {
    this.pool = { state: 'starting', ms: null };
    clearTimeout(this.poolTimer);
    const limit = this.engineLimitMs;
    this.poolTimer = setTimeout(() => this.poolFailed(worker, `it was not up ${limit / 1000} s after the engine started`), limit);
  }

  poolStarted(worker, ms) {
    if (worker !== this.worker) return;
    clearTimeout(this.poolTimer);
    this.pool = { state: 'up', ms };
    this.poolFailures = 0;
  }

  /** The pool did not start: replace the engine (a few times in a row at most) and fail the run waiting for it. */
  poolFailed(worker, why) {
    if (worker !== this.worker || this.pool.state !== 'starting') return;
    clearTimeout(this.poolTimer);
    this.poolFailures++;
    const again = this.poolFailures < POOL_START_TRIES;
    const error = namedError('EngineError', `the thread pool did not start (${why}); ${again
      ? 'the engine has been restarted and the next run will work'
      : `it failed ${this.poolFailures} times in a row: reload the page, or open it with ?build=single`}`);
    console.warn(error.message);
    if (again) this.restart();
    else this.pool = { state: 'failed', ms: null, error };
    this.failPending(error, false);
  }

  /**
   * Starts one of the pool's Workers for the engine (see MSG.POOL_SPAWN): they belong to
   * the page, so a restart terminates them with the engine.
   */
  spawnPoolWorker(owner, { id, url, options, init }) {
    if (owner !== this.worker) return;
    let poolWorker;
    try {
      poolWorker = new Worker(url, options);
    } catch (e) {
      this.poolFailed(owner, `a pool worker could not be created: ${e.message}`);
      return;
    }
    this.poolWorkers.push(poolWorker);
    poolWorker.onmessage = ({ data }) => {
      if (data?.type === 'wasm_bindgen_worker_ready') owner.postMessage({ type: MSG.POOL_WORKER_READY, id });
    };
    poolWorker.onerror = (event) => {
      event.preventDefault?.();
      if (owner !== this.worker) return;
      const why = `a pool thread failed: ${event.message || 'worker error'}`;
      if (this.pool.state === 'starting') return this.poolFailed(owner, why);
      // A thread that traps poisons the shared wasm instance: replace the engine.
      const error = namedError('EngineError', `the engine crashed (${why}); it has been restarted and the next run will work`);
      if (this.pending) this.failPending(error, true);
      else this.restart();
    };
    poolWorker.postMessage(init);
  }

  /**
   * Starts a Worker the engine asked for (a process of the process demos: see
   * MSG.WORKER_SPAWN), hands the two of them the ends of a MessageChannel (ENGINE_PORT),
   * and relays its errors to the engine.
   */
  spawnWorker(owner, { id, url, options }) {
    if (owner !== this.worker) return;
    let worker;
    try {
      worker = new Worker(url, options);
    } catch (e) {
      owner.postMessage({ type: MSG.WORKER_ERROR, id, message: `the worker could not be created: ${e.message}` });
      return;
    }
    this.engineWorkers.set(id, worker);
    if (!directWorkerPorts()) {
      worker.postMessage({ type: ENGINE_PORT, port: null });
    } else {
      const channel = new MessageChannel();
      worker.postMessage({ type: ENGINE_PORT, port: channel.port1 }, [channel.port1]);
      owner.postMessage({ type: MSG.WORKER_PORT, id, port: channel.port2 }, [channel.port2]);
    }
    // What the worker posts to itself rather than to the port still reaches the engine.
    worker.onmessage = ({ data }) => owner.postMessage({ type: MSG.WORKER_MESSAGE, id, data });
    worker.onerror = (event) => {
      event.preventDefault?.();
      owner.postMessage({ type: MSG.WORKER_ERROR, id, message: event.message || 'worker error' });
    };
  }

  restart() {
    this.worker.terminate();
    for (const poolWorker of this.poolWorkers) poolWorker.terminate();
    for (const worker of this.engineWorkers.values()) worker.terminate();
    clearTimeout(this.poolTimer);
    for (const waiting of this.validations.values()) waiting.reject(namedError('EngineError', 'the engine restarted'));
    this.validations.clear();
    this.start();
  }

  onValidated(data) {
    const waiting = this.validations.get(data.vseq);
    if (!waiting) return;
    this.validations.delete(data.vseq);
    if (data.error && data.fatal) {
      // A trap poisons the instance whatever call caused it: replace the engine.
      this.restart();
      waiting.reject(namedError('EngineError', `the engine crashed (${data.error.name}: ${data.error.message}); it has been restarted`));
    } else if (data.error) waiting.reject(messageToError(data.error));
    else waiting.resolve(data.params);
  }

  /** Checks parameters in the engine (declared and validated once, in Rust). */
  async validate(id, params) {
    plainParams(params);
    await this.engineReady;
    const vseq = ++this.vseq;
    const answer = new Promise((resolve, reject) => this.validations.set(vseq, { resolve, reject }));
    try {
      this.worker.postMessage({ type: MSG.VALIDATE, vseq, id, params });
    } catch (e) {
      this.validations.delete(vseq);
      throw namedError('ParamError', `parameters must be plain data (numbers, booleans, strings): ${e.message}`);
    }
    return answer;
  }

  onReply(data) {
    const p = this.pending;
    if (!p || data.seq !== p.seq) return; // a late reply from a run already given up on
    if (data.type === MSG.PROGRESS) {
      if (!p.stopReason) p.onProgress?.({ t_ms: data.t_ms, lanes: data.lanes, spans: data.spans, logs: data.logs });
    } else if (data.type === MSG.RESULT) this.settle(p, () => p.resolve(data.result));
    else if (data.type === MSG.ERROR) {
      let error = messageToError(data.error);
      if (data.fatal) {
        // A trap poisons the wasm instance: replace the engine; the page keeps its settings.
        this.restart();
        error = namedError('EngineError', `the engine crashed (${data.error.name}: ${data.error.message}); it has been restarted and the next run will work`);
      } else if (error.name === 'AbortError' && p.stopReason) {
        error = p.stopReason;
      }
      this.settle(p, () => p.reject(error));
    }
  }

  settle(p, action) {
    clearTimeout(p.graceTimer);
    clearTimeout(p.limitTimer);
    this.pending = null;
    action();
    this.emit();
  }

  failPending(error, restart) {
    const p = this.pending;
    if (!p) return;
    if (restart) this.restart();
    this.settle(p, () => p.reject(error));
  }

  async run(id, params, onProgress) {
    return this.send({ type: MSG.RUN, id, params }, onProgress);
  }

  /** Asks the engine to load what demo `id` runs on, ahead of its first run. */
  prepare(id) {
    this.engineReady.then(() => this.worker.postMessage({ type: MSG.PREPARE, id }), () => {});
  }

  /** Debug hook: makes the engine trap, to prove that a crash is survived. */
  async debugTrap() {
    return this.send({ type: MSG.DEBUG_TRAP });
  }

  /** Benchmark hook: times the sum-of-squares kernel in the engine. */
  async debugBench(n, threads) {
    return this.send({ type: MSG.DEBUG_BENCH, n, threads });
  }

  /** Benchmark hook: the demos' process pool, wall time per tiny task. */
  async debugPoolBench(tasks, processes) {
    return this.send({ type: MSG.DEBUG_POOL_BENCH, tasks, processes });
  }

  /** Debug hook: the engine's wasm memory size. */
  async debugMemory() {
    return this.send({ type: MSG.DEBUG_MEMORY });
  }

  async send(message, onProgress = null) {
    plainParams(message.params);
    if (this.pending) {
      throw namedError('InvalidStateError', 'a run is already in progress: call playground.cancel() first');
    }
    if (this.pool.state === 'failed') throw this.pool.error;
    const p = { seq: ++this.seq, onProgress };
    const settled = new Promise((resolve, reject) => Object.assign(p, { resolve, reject }));
    this.pending = p;
    this.emit();
    try {
      await this.engineReady;
    } catch (e) {
      this.settle(p, () => p.reject(e));
      return settled;
    }
    if (this.pending !== p) return settled; // cancelled while the engine was starting
    try {
      this.worker.postMessage({ ...message, seq: p.seq });
      p.posted = true;
    } catch (e) {
      // postMessage cannot clone functions, symbols or DOM nodes.
      const error = namedError('ParamError', `parameters must be plain data (numbers, booleans, strings): ${e.message}`);
      this.settle(p, () => p.reject(error));
      return settled;
    }
    p.limitTimer = setTimeout(() => {
      const minutes = this.runTimeLimitMs / 60000;
      const limit = minutes >= 1 ? `${minutes} minutes` : `${this.runTimeLimitMs} ms`;
      this.stop(p, namedError('TimeoutError', `the run took longer than the time limit (${limit}) and was stopped`));
    }, this.runTimeLimitMs);
    return settled;
  }

  cancel() {
    if (this.pending) this.stop(this.pending, namedError('AbortError', 'the run was cancelled'));
  }

  /** Stops run `p`, rejecting it with `reason`: cooperatively, else by replacing the engine. */
  stop(p, reason) {
    if (p.graceTimer || this.pending !== p) return;
    p.stopReason = reason;
    if (!p.posted) {
      // Still waiting for the engine to start: there is nothing to stop yet.
      this.settle(p, () => p.reject(reason));
      return;
    }
    this.worker.postMessage({ type: MSG.CANCEL, seq: p.seq });
    // The run stops cooperatively; if it does not (a long computation that never checks), end its worker.
    p.graceTimer = setTimeout(() => {
      if (this.pending !== p) return;
      this.restart();
      this.settle(p, () => p.reject(reason));
    }, CANCEL_GRACE_MS);
  }

  get running() {
    return this.pending !== null;
  }

  emit() {
    for (const listener of this.listeners) listener(this.running);
  }
}

let currentBridge = () => null;

/**
 * Test hooks for the thread pool, only with ?debug=1: `stall-pool=1` makes the first
 * engine's pool never start, `pool-start-limit-ms=N` shortens the wait for that one.
 */
function debugEngineOptions() {
  const query = new URLSearchParams(location.search);
  if (query.get('debug') !== '1') return {};
  const limit = Number(query.get('pool-start-limit-ms'));
  return {
    stallPool: query.get('stall-pool') === '1',
    poolStartLimitMs: Number.isFinite(limit) && limit > 0 ? limit : undefined,
  };
}

// The CPU kernel's speed, measured at an engine's start (up to about 140 ms, before the
// threads build's pool may start), is kept for a day, for this build, browser and
// number of cores: a later start takes it and starts its pool at once.
const CALIBRATION_KEY = 'playground-calibration';
const CALIBRATION_DAYS = 1;
const calibrationFor = (build) => `${build} ${navigator.hardwareConcurrency} ${navigator.userAgent}`;

/** What is kept: { "<build> <cores> <browser>": { iterations_per_ms, at } }, or {} when
 *  there is nothing, it is unreadable, or storage is refused (an embed in another site). */
function keptCalibrations() {
  try {
    const kept = JSON.parse(localStorage.getItem(CALIBRATION_KEY));
    return kept && typeof kept === 'object' && !Array.isArray(kept) ? kept : {};
  } catch {
    return {};
  }
}

/** The speed an earlier start measured here, or undefined (none, or older than a day). */
function rememberedCalibration(build) {
  const kept = keptCalibrations()[calibrationFor(build)];
  const fresh = kept && Date.now() - kept.at < CALIBRATION_DAYS * 86400000;
  return fresh && Number.isFinite(kept.iterations_per_ms) ? kept.iterations_per_ms : undefined;
}

function rememberCalibration(build, rate) {
  // One entry per build: a new browser version replaces the old one's.
  const kept = Object.fromEntries(Object.entries(keptCalibrations()).filter(([key]) => !key.startsWith(`${build} `)));
  kept[calibrationFor(build)] = { iterations_per_ms: rate, at: Date.now() };
  try {
    localStorage.setItem(CALIBRATION_KEY, JSON.stringify(kept));
  } catch {
    // not kept: the next start measures again
  }
}

/**
 * Fetches and compiles `build`'s wasm on the page, from the start: the engine's Worker
 * then instantiates it, instead of beginning the download only once it is up and has
 * imported its glue code. Resolves with null where that fails (the Worker fetches the
 * wasm itself then, and reports what goes wrong).
 */
function compileEngine(build) {
  const url = new URL(`./pkg/${build}/concurrency_playground_bg.wasm`, import.meta.url);
  return WebAssembly.compileStreaming(fetch(url)).catch(() => null);
}

function createPlayground() {
  let choice = null;
  let bridge = null;
  currentBridge = () => bridge;
  let demos = null;
  const startingRuns = new Set();
  const listeners = new Set(); // shared by every engine bridge this page starts

  const ready = (async () => {
    // The build the page will run is known before the service worker is ready: its wasm
    // downloads and compiles meanwhile, from just after the page's first paint (which
    // draws the chosen demo without the engine: www/paint.js says why not before).
    const likely = chooseBuild().build;
    await afterFirstPaint();
    const compiled = compileEngine(likely);
    // A `make dist` page without headers may reload once into isolation: start nothing then.
    if (await startServiceWorker()) return new Promise(() => {});
    choice = chooseBuild();
    bridge = new EngineBridge(choice.build, poolThreads(), debugEngineOptions(), choice.build === likely ? compiled : null);
    bridge.listeners = listeners;
    let info;
    try {
      info = await bridge.engineReady;
    } catch (e) {
      if (choice.build !== 'threads') throw e;
      // The threads build could not start (e.g. a memory limit): the single build still can.
      console.warn(`threads build failed to start, using the single build: ${e.message}`);
      bridge = new EngineBridge('single', 1);
      bridge.listeners = listeners;
      // A device that cannot give the shared memory (iOS refuses large ones) says so.
      choice.reason = /memory/i.test(e.message)
        ? `this device could not give the threads build its shared memory (${e.message}), so Python threads and the thread demos run on the single build`
        : `the threads build failed to start: ${e.message}`;
      info = await bridge.engineReady;
    }
    demos = info.demos;
    return Object.freeze({
      build: info.build,
      threads: info.threads,
      cores: navigator.hardwareConcurrency || 1,
      crossOriginIsolated: self.crossOriginIsolated === true,
      reason: choice.reason,
    });
  })();

  return Object.freeze({
    ready,
    demos() {
      if (!demos) throw namedError('InvalidStateError', 'the engine is not ready yet: await playground.ready first');
      return structuredClone(demos);
    },
    /** `options.onProgress({ t_ms, lanes, spans, logs })`: called while the run goes with
     *  what it recorded since the last call (spans when they end), for drawing it live. */
    async run(id, params, options = {}) {
      if (options?.onProgress != null && typeof options.onProgress !== 'function') {
        throw namedError('TypeError', 'run(id, params, options): options.onProgress must be a function');
      }
      // Until the engine is ready the run exists only here: cancel() must still reach it.
      const waiting = { cancelled: false };
      startingRuns.add(waiting);
      try {
        await ready;
      } finally {
        startingRuns.delete(waiting);
      }
      if (waiting.cancelled) throw namedError('AbortError', 'the run was cancelled before it started');
      return bridge.run(id, params, options?.onProgress ?? null);
    },
    /** Starts loading what demo `id` runs on, so that its first run does not wait for it:
     *  the python demo's own build (several MB, and its pool of Workers). Other demos
     *  need nothing. Returns at once; a failure is reported by the run. */
    prepare(id) {
      ready.then(() => bridge.prepare(String(id)), () => {});
    },
    /** Resolves with the parameters after defaults, or rejects as run() would; runs nothing. */
    async validate(id, params) {
      await ready;
      return bridge.validate(id, params);
    },
    cancel() {
      for (const waiting of startingRuns) waiting.cancelled = true;
      bridge?.cancel();
    },
    /** Milliseconds a run may take before it is stopped with a TimeoutError. */
    get runTimeLimitMs() {
      return bridge?.runTimeLimitMs ?? RUN_TIME_LIMIT_MS;
    },
    /** Calls `listener(running)` whenever a run starts or ends (for the page's own UI). */
    onRunningChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
}

/**
 * Whether the engine and its process Workers talk through a MessageChannel of their own, or
 * through this page, which relays their messages. Measured with `playgroundDebug.poolBench(1000,
 * 2)`, microseconds per task, channel vs relayed: Chromium 39-52 vs 64-76; Firefox ESR 153
 * 133-157 vs 88-105; WebKitGTK 193-529 vs 121-243 (their channels between workers are slower
 * than two hops through the page). So a channel where the browser is Chromium's engine
 * (`navigator.userAgentData` is Blink's); `?relay=1` or `?relay=0` forces one way (measuring).
 */
function directWorkerPorts() {
  const forced = new URLSearchParams(location.search).get('relay');
  if (forced === '1' || forced === '0') return forced === '0';
  return 'userAgentData' in navigator;
}

export const playground = createPlayground();
window.playground = playground;

// Test hooks, only with ?debug=1 in the address: crash the engine, shorten the time limit.
if (new URLSearchParams(location.search).get('debug') === '1') {
  window.playgroundDebug = {
    trap: () => playground.ready.then(() => currentBridge().debugTrap()),
    setRunTimeLimit: (ms) => { currentBridge().runTimeLimitMs = ms; },
    memory: () => playground.ready.then(() => currentBridge().debugMemory()),
    bench: (n, threads) => playground.ready.then(() => currentBridge().debugBench(n, threads)),
    poolBench: (tasks, processes) => playground.ready.then(() => currentBridge().debugPoolBench(tasks, processes)),
    // { iterations_per_ms, source: 'measured' | 'remembered' } once the engine knows it.
    calibration: () => currentBridge()?.calibration ?? null,
    /** The thread pool: { state: none | starting | up | failed, ms: how long it took to start }. */
    pool: () => ({ ...currentBridge()?.pool, error: undefined }),
  };
}
