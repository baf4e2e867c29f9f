// Messages between the page and the engine worker: `{ type, seq, ... }`.
// `seq` ties a reply to its run, so a reply from a cancelled run is recognised and dropped.
export const MSG = Object.freeze({
  // page -> engine
  INIT: 'init',       // { build, threads }
  RUN: 'run',         // { seq, id, params }
  CANCEL: 'cancel',   // { seq }
  VALIDATE: 'validate', // { vseq, id, params }: answered at once, even during a run
  DEBUG_TRAP: 'debug-trap', // { seq }: the engine traps on purpose (crash-recovery tests)
  DEBUG_BENCH: 'debug-bench', // { seq, n, threads }: replies with a result { ms } (make bench)
  DEBUG_MEMORY: 'debug-memory', // { seq }: replies with a result { wasmMemoryBytes } (soak test)
  // engine -> page
  READY: 'ready',     // { build, threads, demos }
  START_FAILED: 'start-failed', // { error }
  RESULT: 'result',   // { seq, result }
  PROGRESS: 'progress', // { seq, t_ms, lanes, spans, logs }: what a run recorded since the last one
  ERROR: 'error',     // { seq, error: { name, message }, fatal }
  VALIDATED: 'validated', // { vseq, params } or { vseq, error }
});

/** An Error that survives postMessage: name and message travel as plain fields. */
export function errorToMessage(e) {
  return { name: e?.name || 'Error', message: String(e?.message ?? e) };
}

export function messageToError({ name, message }) {
  const e = new Error(message);
  e.name = name;
  return e;
}
