// One "process": a dedicated worker with its own instance of the single-thread build,
// sharing no memory with anyone. Tasks arrive as JSON text and leave as JSON text, through
// the MessagePort to the engine that the page sends first (ENGINE_PORT in protocol.js).
import init, { processTask } from './pkg/single/concurrency_playground.js';
import { ENGINE_PORT } from './protocol.js';

const now = () => performance.timeOrigin + performance.now();

// Not awaited at the top level: the port's message must be taken while the wasm loads.
const loaded = init();
// A failed load is an uncaught error here, which the page reports to the engine.
loaded.catch((e) => setTimeout(() => { throw e; }));

self.onmessage = ({ data }) => {
  if (data?.type !== ENGINE_PORT) return;
  // No port: the page relays this worker's messages (the first message said so).
  const port = data.port ?? self;
  const run = async (task) => {
    const got = now();
    try {
      const output = await processTask(task.task, task.input);
      port.postMessage({ type: 'done', output, got, done: now() });
    } catch (e) {
      port.postMessage({ type: 'failed', error: String(e?.message ?? e), got, done: now() });
    }
  };
  // One task at a time, as a process of a pool runs them: the pool queues the next one
  // here before this one is done, and a task that waits must not let it start.
  let previous = Promise.resolve();
  port.onmessage = ({ data: task }) => {
    previous = previous.then(() => run(task));
  };
  loaded.then(() => port.postMessage({ type: 'ready' }));
};
