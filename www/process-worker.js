// One "process": a dedicated worker with its own instance of the single-thread build,
// sharing no memory with anyone. Tasks arrive as JSON text and leave as JSON text.
import init, { processTask } from './pkg/single/concurrency_playground.js';

const now = () => performance.timeOrigin + performance.now();

await init();
self.onmessage = async ({ data }) => {
  const got = now();
  try {
    const output = await processTask(data.task, data.input);
    postMessage({ type: 'done', output, got, done: now() });
  } catch (e) {
    postMessage({ type: 'failed', error: String(e?.message ?? e), got, done: now() });
  }
};
postMessage({ type: 'ready' });
