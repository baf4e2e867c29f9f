#!/usr/bin/env node
// The long-session check: 200 consecutive runs across every demo, some of them cancelled,
// must leave no extra workers and no steady growth in memory. Prints the figures and exits
// non-zero on a leak.   make soak   (RUNS=... to change the count)
import { startServers, startBrowser, openPlayground } from '../e2e/support.mjs';

const RUNS = Number(process.env.RUNS ?? 200);
const servers = await startServers();
const browser = await startBrowser();
let failed = false;
try {
  const { page, problems } = await openPlayground(browser.context, `${servers.isolated}?debug=1`);
  const cdp = await browser.context.newCDPSession(page);
  const browserCdp = await browser.context.browser()?.newBrowserCDPSession?.();
  const workers = async () => {
    const session = browserCdp ?? cdp;
    const { targetInfos } = await session.send('Target.getTargets');
    return targetInfos.filter((t) => t.type === 'worker').length;
  };
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const { wasmMemoryBytes } = await page.evaluate(() => window.playgroundDebug.memory());
    return { workers: await workers(), heapMB: usedSize / 2 ** 20, wasmMB: wasmMemoryBytes / 2 ** 20 };
  };
  const demos = await page.evaluate(() => playground.demos().map((d) => d.id));
  const quick = {
    'concurrency-vs-parallelism': { tasks: 3, work_ms: 5, slice_ms: 1 },
    gil: { threads: 3, work_ms: 10, switch_interval_ms: 1 },
    'io-vs-cpu': { tasks: 3, io_ms: 5, cpu_ms: 5 },
    threads: { threads: 3, steps: 3, delay_ms: 2 },
    asyncio: { tasks: 50, steps: 3, delay_ms: 2 },
    scraper: { urls: 5, latency_ms: 5, mode: 'async' },
    processes: { processes: 2, n: 1000 },
    'pool-map': { workers: 2, chunks: 4, size: 32 },
    executors: { kind: 'process', max_workers: 2, tasks: 4, delay_ms: 2 },
    choosing: { workload: 'mixed', tasks: 2, work_ms: 2, workers: 2, sweep: false },
  };
  // Warm up once per demo so that first-use allocations are not counted as growth.
  for (const id of demos) await page.evaluate(([id, p]) => playground.run(id, p), [id, quick[id] ?? {}]);
  const before = await measure();
  const middle = [];
  let cancelled = 0;
  for (let i = 0; i < RUNS; i++) {
    const id = demos[i % demos.length];
    const cancel = i % 10 === 9;
    const outcome = await page.evaluate(async ([id, p, cancel]) => {
      const pending = playground.run(id, p).then(() => 'ok', (e) => e.name);
      if (cancel) {
        await new Promise((r) => setTimeout(r, 1));
        playground.cancel();
      }
      // Every run here takes well under a second: one still going after a minute is stuck.
      const stuck = new Promise((r) => setTimeout(() => r('still running after 60 s'), 60000));
      return Promise.race([pending, stuck]);
    }, [id, quick[id] ?? {}, cancel]);
    if (outcome === 'AbortError') cancelled++;
    else if (outcome !== 'ok') throw new Error(`run ${i} (${id}) failed: ${outcome}`);
    if (i === Math.floor(RUNS / 2)) middle.push(await measure());
  }
  const after = await measure();
  const row = (name, m) => `${name.padEnd(8)} workers ${String(m.workers).padStart(3)}   JS heap ${m.heapMB.toFixed(1).padStart(6)} MB   wasm memory ${m.wasmMB.toFixed(1).padStart(6)} MB`;
  console.log(`soak: ${RUNS} runs across ${demos.length} demos (${cancelled} cancelled), threads build`);
  console.log(row('before', before));
  console.log(row('middle', middle[0]));
  console.log(row('after', after));
  const leaks = [];
  if (after.workers > before.workers) leaks.push(`workers grew from ${before.workers} to ${after.workers}`);
  // Steady growth: the second half grows as much as the first, beyond a slack for caches.
  const heapSteady = after.heapMB - middle[0].heapMB > 2 && middle[0].heapMB - before.heapMB > 2;
  if (heapSteady) leaks.push(`JS heap grew steadily: ${before.heapMB.toFixed(1)} -> ${middle[0].heapMB.toFixed(1)} -> ${after.heapMB.toFixed(1)} MB`);
  const wasmSteady = after.wasmMB > middle[0].wasmMB && middle[0].wasmMB > before.wasmMB;
  if (wasmSteady) leaks.push(`wasm memory grew steadily: ${before.wasmMB} -> ${middle[0].wasmMB} -> ${after.wasmMB} MB`);
  if (problems.length) leaks.push(`page problems: ${problems.join('; ')}`);
  if (leaks.length) {
    failed = true;
    console.error(`soak FAILED: ${leaks.join('; ')}`);
  } else {
    console.log('soak: no growth in workers, no steady growth in memory');
  }
} finally {
  await browser.close();
  await servers.close();
}
process.exit(failed ? 1 : 0);
