// Messages between the page and the engine worker: `{ type, seq, ... }`.
// `seq` ties a reply to its run, so a reply from a cancelled run is recognised and dropped.
export const MSG = Object.freeze({
  // page -> engine
  INIT: 'init',       // { build, threads, module?, calibration? }
  RUN: 'run',         // { seq, id, params }
  CANCEL: 'cancel',   // { seq }
  VALIDATE: 'validate', // { vseq, id, params }: answered at once, even during a run
  PREPARE: 'prepare', // { id }: load what demo `id` runs on before its first run (the python demo's build)
  DEBUG_TRAP: 'debug-trap', // { seq }: the engine traps on purpose (crash-recovery tests)
  DEBUG_BENCH: 'debug-bench', // { seq, n, threads }: replies with a result { ms } (make bench)
  DEBUG_POOL_BENCH: 'debug-pool-bench', // { seq, tasks, processes }: replies with a result { us_per_task } (make bench)
  DEBUG_MEMORY: 'debug-memory', // { seq }: replies with a result { wasmMemoryBytes } (soak test)
  POOL_WORKER_READY: 'pool-worker-ready', // { id }: the page's pool Worker `id` is up (see POOL_SPAWN)
  WORKER_MESSAGE: 'worker-message', // { id, data }: page Worker `id` (see WORKER_SPAWN) posted `data`
  WORKER_ERROR: 'worker-error', // { id, message }: page Worker `id` failed
  WORKER_PORT: 'worker-port', // { id, port }: a MessagePort straight to page Worker `id` (see ENGINE_PORT)
  // engine -> page
  READY: 'ready',     // { build, threads, demos }
  START_FAILED: 'start-failed', // { error }
  RESULT: 'result',   // { seq, result }
  PROGRESS: 'progress', // { seq, t_ms, lanes, spans, logs }: what a run recorded since the last one
  ERROR: 'error',     // { seq, error: { name, message }, fatal }
  VALIDATED: 'validated', // { vseq, params } or { vseq, error }
  // The thread pool's Workers are created by the page, not the engine (Firefox can
  // deadlock when a worker creates workers: issue 18).
  POOL_SPAWN: 'pool-spawn', // { id, url, options, init }: start a pool Worker and post it `init`
  POOL_STARTED: 'pool-started', // { ms }: the pool is up, `ms` after the engine asked for it
  POOL_FAILED: 'pool-failed', // { error }: the pool could not start
  CALIBRATED: 'calibrated', // { iterations_per_ms, source: 'measured' | 'remembered' }: the CPU kernel's speed
  // Every other Worker the engine starts (the processes) is created by the page as well.
  WORKER_SPAWN: 'worker-spawn', // { id, url, options }: start a Worker for the engine
  WORKER_POST: 'worker-post', // { id, data }: post `data` to that Worker
  WORKER_TERMINATE: 'worker-terminate', // { id }
});

/**
 * The first message a Worker started for the engine gets from the page: `{ type:
 * ENGINE_PORT, port }`, a MessagePort whose other end the engine holds, where tasks and
 * replies then go worker to worker (in Chromium: 40-50 us a process-pool task, against
 * 65-75 relayed); or `port: null` where the page relays them (Firefox and WebKit, whose
 * channels between workers are slower than the relay; see directWorkerPorts in api.js).
 */
export const ENGINE_PORT = 'engine-port';

/** An Error that survives postMessage: name and message travel as plain fields. */
export function errorToMessage(e) {
  return { name: e?.name || 'Error', message: String(e?.message ?? e) };
}

export function messageToError({ name, message }) {
  const e = new Error(message);
  e.name = name;
  return e;
}

// The one message an embedded page (embed.html, www/app.js) posts to the page that holds
// it, and www/embed.js listens for: `{ type: SIZE_MESSAGE, height }`, its content's height.
export const SIZE_MESSAGE = 'concurrency-playground:height';
