// The wasm engine lives here, never on the page's thread: the page stays responsive,
// and a run that will not stop can be ended by terminating this worker.
import { MSG, errorToMessage } from './protocol.js';

let engine = null;
// The sink of the newest run: a superseded run's end must not remove a newer run's sink.
let liveSink = null;
const PROGRESS_INTERVAL_MS = 150;

async function start({ build, threads }) {
  const mod = await import(`./pkg/${build}/concurrency_playground.js`);
  await mod.default();
  if (build === 'threads') {
    // The pool must exist before the first parallel call, or the call hangs.
    await mod.initThreadPool(threads);
  }
  mod.setCores(navigator.hardwareConcurrency || 1);
  mod.calibrate();
  engine = mod;
  return { build: mod.build(), threads: build === 'threads' ? mod.poolSize() : 1, demos: JSON.parse(mod.demos()) };
}

// A trap (RuntimeError) poisons a wasm instance: the page must replace this worker.
const isFatal = (e) => e instanceof WebAssembly.RuntimeError || e instanceof WebAssembly.LinkError;

self.onmessage = async ({ data }) => {
  switch (data.type) {
    case MSG.INIT:
      try {
        postMessage({ type: MSG.READY, ...(await start(data)) });
      } catch (e) {
        postMessage({ type: MSG.START_FAILED, error: errorToMessage(e) });
      }
      break;
    case MSG.RUN: {
      // Send what the run has recorded, at most every PROGRESS_INTERVAL_MS: the page draws
      // the run as it goes. While the run awaits (timers, fetches, other threads) the
      // interval sends; while it computes on this thread no timer can fire, so the engine
      // calls the sink itself after each span or line it records here.
      const seen = { spans: 0, logs: 0 };
      let sentAt = -Infinity;
      const sendProgress = () => {
        sentAt = performance.now();
        const live = JSON.parse(engine.liveTrace(seen.spans, seen.logs));
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
      engine.setLiveSink(sink);
      try {
        const result = JSON.parse(await engine.run(data.id, data.params));
        postMessage({ type: MSG.RESULT, seq: data.seq, result });
      } catch (e) {
        postMessage({ type: MSG.ERROR, seq: data.seq, error: errorToMessage(e), fatal: isFatal(e) });
      } finally {
        clearInterval(progress);
        if (liveSink === sink) {
          liveSink = null;
          engine.setLiveSink(undefined);
        }
      }
      break;
    }
    case MSG.DEBUG_BENCH:
      try {
        postMessage({ type: MSG.RESULT, seq: data.seq, result: { ms: await engine.benchKernel(data.n, data.threads) } });
      } catch (e) {
        postMessage({ type: MSG.ERROR, seq: data.seq, error: errorToMessage(e), fatal: isFatal(e) });
      }
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
    case MSG.CANCEL:
      engine?.cancel();
      break;
  }
};
