#!/usr/bin/env node
// make bench: the same work, side by side, in one run on this machine. Prints a table of
// figures and ratios and writes bench/results/latest.json. It reports; it never fails on
// slowness. Native Rust and CPython run as processes; wasm and JS in headless Chromium.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import os from 'node:os';
import { ROOT, startServers, startBrowser, openPlayground } from '../tests/e2e/support.mjs';
import { measureStartup, startupRows } from './startup.mjs';
import { measureLighthouse, lighthouseRows } from './lighthouse.mjs';

const N = 200_000_000; // numbers for the compiled kernels
const N_PY = 5_000_000; // CPython is ~50x slower: fewer numbers, compared per number
const ns = (ms, n) => (ms * 1e6) / n;

const native = JSON.parse(execFileSync(path.join(ROOT, 'target/release/examples/bench_native'), [String(N)], { encoding: 'utf8' }));
const python = JSON.parse(execFileSync('python3', [path.join(ROOT, 'bench/python_bench.py'), String(N_PY)], { encoding: 'utf8' }));

function gzipBytes(files) {
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(ROOT, f))).length, 0);
}
function filesUnder(dir, pattern) {
  return readdirSync(path.join(ROOT, dir), { recursive: true })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(path.join(ROOT, f)).isFile() && pattern.test(f));
}
// The python demo's editor and engine load when that demo is first opened, not on first load.
const pageFiles = ['index.html', 'www/style.css', ...filesUnder('www', /^www\/(?!pkg\/|vendor\/editor\/).*\.js$/)];
const firstLoad = {
  threads: gzipBytes([...pageFiles, ...filesUnder('www/pkg/threads', /\.(js|wasm)$/)]),
  single: gzipBytes([...pageFiles, ...filesUnder('www/pkg/single', /\.(js|wasm)$/)]),
};

// The Python engine against CPython: the same programs, each timing itself with
// time.perf_counter (so process start-up is left out), best of 3.
const PY_PROGRAMS = {
  loop: 'import time\nt = time.perf_counter()\ns = 0\nfor i in range(1000000):\n    s += i * i\nprint(time.perf_counter() - t)\n',
  calls: 'import time\ndef fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nt = time.perf_counter()\nfib(24)\nprint(time.perf_counter() - t)\n',
  threads: 'import threading, time\ndef work():\n    s = 0\n    for i in range(250000):\n        s += i\nt = time.perf_counter()\nts = [threading.Thread(target=work) for _ in range(4)]\nfor th in ts: th.start()\nfor th in ts: th.join()\nprint(time.perf_counter() - t)\n',
};
const bestOf3 = (f) => Math.min(f(), f(), f());
const pyTmp = path.join(os.tmpdir(), 'playground-bench.py');
const pythonEngine = {};
for (const [name, code] of Object.entries(PY_PROGRAMS)) {
  writeFileSync(pyTmp, code);
  pythonEngine[`cpython_${name}_ms`] = bestOf3(() => 1000 * Number(execFileSync('python3', [pyTmp], { encoding: 'utf8' })));
  pythonEngine[`native_${name}_ms`] = bestOf3(() => 1000 * Number(execFileSync(path.join(ROOT, 'target/release/examples/pyrun'), [pyTmp], { encoding: 'utf8' })));
}
const pythonFirstLoad = gzipBytes(filesUnder('www/pkg/python', /\.(js|wasm)$/));

// Start-up before and after issue 16, side by side (bench/startup.mjs): first, on a quiet machine.
const STARTUP_LOADS = 7;
const startup = await measureStartup(STARTUP_LOADS);
const lighthouse = await measureLighthouse();

const servers = await startServers();
const browser = await startBrowser();
const browserFigures = {};
try {
  for (const build of ['threads', 'single']) {
    // Start-up, over LOADS loads (the first one cold): the median, which one slow load does not move.
    const LOADS = 5;
    const loads = [];
    let page;
    for (let i = 0; i < LOADS; i++) {
      await page?.close();
      page = await browser.context.newPage();
      await page.goto(`${servers.isolated}?debug=1${build === 'single' ? '&build=single' : ''}`);
      const ready = await page.evaluate(() => playground.ready.then(() => performance.now()));
      // A first tiny run also waits for the threads build's pool, which starts after ready.
      const firstRun = await page.evaluate(async (id) => {
        await playground.run(id, id === 'threads' ? { threads: 2, steps: 1, delay_ms: 1 } : { tasks: 2, steps: 1, delay_ms: 1 });
        return performance.now();
      }, build === 'threads' ? 'threads' : 'asyncio');
      loads.push({ ready, firstRun });
    }
    const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    browserFigures[`${build}_ready_ms`] = median(loads.map((l) => l.ready));
    browserFigures[`${build}_first_run_ms`] = median(loads.map((l) => l.firstRun));
    await page.evaluate(() => window.playgroundDebug.bench(2_000_000, 1)); // warm up
    const best = async (threads) => {
      let b = Infinity;
      for (let i = 0; i < 3; i++) b = Math.min(b, (await page.evaluate(([n, t]) => window.playgroundDebug.bench(n, t), [N, threads])).ms);
      return b;
    };
    browserFigures[`wasm_${build}_1_thread_ms`] = await best(1);
    if (build === 'threads') {
      for (let t = 2; t <= os.cpus().length; t++) browserFigures[`wasm_threads_${t}_threads_ms`] = await best(t);
      // The same loop in plain JavaScript, on the page's thread.
      browserFigures.js_1_thread_ms = await page.evaluate((n) => {
        const run = () => { let acc = 0; for (let i = 0; i < n; i++) { const x = i; acc += x * x; } return acc; };
        run();
        let b = Infinity;
        for (let k = 0; k < 3; k++) { const t = performance.now(); run(); b = Math.min(b, performance.now() - t); }
        return b;
      }, N);
      for (const [name, code] of Object.entries(PY_PROGRAMS)) {
        let b = Infinity;
        for (let k = 0; k < 3; k++) {
          const out = await page.evaluate((code) => playground.run('python', { code }).then((r) => r.value.stdout), code);
          b = Math.min(b, 1000 * Number(out));
        }
        browserFigures[`wasm_python_${name}_ms`] = b;
      }
      const waits = await page.evaluate(() => playground.run('asyncio', { tasks: 1000, steps: 1, delay_ms: 100 }));
      browserFigures.async_1000_waits_overhead_ms = waits.wall_ms - 100;
      const threadPool = await page.evaluate(() => playground.run('executors', { kind: 'thread', max_workers: 2, tasks: 64, delay_ms: 0 }));
      browserFigures.thread_pool_dispatch_us = (threadPool.stats.pool_ms * 1000) / 64;
      const procPool = await page.evaluate(() => playground.run('executors', { kind: 'process', max_workers: 2, tasks: 64, delay_ms: 0 }));
      const moves = procPool.spans.filter((s) => s.kind === 'overhead' && !s.label.startsWith('start'));
      browserFigures.process_pool_dispatch_us = (moves.reduce((t, s) => t + s.end_ms - s.start_ms, 0) * 1000) / 64;
      // Measured as python_bench.py measures CPython's: the wall time of 2000 tiny tasks
      // mapped over a warmed-up pool of one process per core, best of 3.
      browserFigures.process_pool_wall_us = (await page.evaluate((n) => window.playgroundDebug.poolBench(2000, n), os.cpus().length)).us_per_task;
      const proc = await page.evaluate(() => playground.run('processes', { processes: 1, n: 1000 }));
      const start = proc.spans.find((s) => s.label.startsWith('start process'));
      browserFigures.process_start_ms = start.end_ms - start.start_ms;
      // Timeline: draw and pan 100,000 spans.
      browserFigures.timeline = await page.evaluate(async () => {
        const { Timeline } = await import('/www/ui/timeline.js');
        const box = document.createElement('div');
        box.style.width = '1200px';
        const canvas = document.createElement('canvas');
        box.append(canvas);
        document.body.append(box);
        const lanes = Array.from({ length: 8 }, (_, id) => ({ id, label: `thread ${id + 1}`, kind: 'thread' }));
        const kinds = ['cpu', 'io', 'sleep', 'wait', 'overhead'];
        const spans = Array.from({ length: 100000 }, (_, i) => ({ lane: i % 8, kind: kinds[i % 5], start_ms: i / 10, end_ms: i / 10 + 0.08, task: i % 4, label: 'x' }));
        const timeline = new Timeline(canvas, document.createElement('ul'), document.createElement('p'));
        const t0 = performance.now();
        timeline.show({ lanes, spans, logs: [], wall_ms: 10000 });
        const first = performance.now() - t0;
        const frames = [];
        for (let k = 0; k < 20; k++) {
          const t = performance.now();
          timeline.setView(k * 100, k * 100 + 5000);
          frames.push(performance.now() - t);
        }
        box.remove();
        frames.sort((a, b) => a - b);
        return { first_draw_ms: first, pan_frame_median_ms: frames[10], pan_frame_max_ms: frames[19] };
      });
    }
    await page.close();
  }
} finally {
  await browser.close();
  await servers.close();
}

const cores = os.cpus().length;
const f = browserFigures;
const perNumber = {
  native_1: ns(native.native_1_thread_ms, N),
  native_all: ns(native.native_all_cores_ms, N),
  wasm_single: ns(f.wasm_single_1_thread_ms, N),
  wasm_threads_1: ns(f.wasm_threads_1_thread_ms, N),
  wasm_threads_all: ns(f[`wasm_threads_${cores}_threads_ms`] ?? f.wasm_threads_1_thread_ms, N),
  js_1: ns(f.js_1_thread_ms, N),
  python_seq: ns(python.python_sequential_ms, N_PY),
  python_pool: ns(python.python_pool_ms, N_PY),
};
const r = (x) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const rows = [
  ['CPU kernel: sum of squares, ns per number', '', ''],
  ['  native Rust, 1 thread', r(perNumber.native_1), ''],
  [`  native Rust, ${cores} threads (rayon)`, r(perNumber.native_all), `speedup ×${r(perNumber.native_1 / perNumber.native_all)}`],
  ['  wasm single build', r(perNumber.wasm_single), `×${r(perNumber.wasm_single / perNumber.native_1)} native (target ≤ 1.15)`],
  ['  wasm threads build, 1 thread', r(perNumber.wasm_threads_1), `×${r(perNumber.wasm_threads_1 / perNumber.native_1)} native`],
  [`  wasm threads build, ${cores} threads`, r(perNumber.wasm_threads_all), `efficiency ${r(perNumber.wasm_threads_1 / perNumber.wasm_threads_all / cores)} (target ≥ 0.9)`],
  ['  plain JavaScript, 1 thread', r(perNumber.js_1), `×${r(perNumber.js_1 / perNumber.native_1)} native`],
  [`  CPython ${python.python}, sequential`, r(perNumber.python_seq), ''],
  [`  CPython multiprocessing.Pool(${cores})`, r(perNumber.python_pool), `wasm threads is ×${r(perNumber.python_pool / perNumber.wasm_threads_all)} faster (target ≥ 50)`],
  ['Python engine vs CPython, ms (each program times itself; best of 3)', '', ''],
  ...Object.keys(PY_PROGRAMS).flatMap((name) => [
    [`  ${name}: CPython ${python.python}`, r(pythonEngine[`cpython_${name}_ms`]), ''],
    [`  ${name}: engine, native`, r(pythonEngine[`native_${name}_ms`]), `×${r(pythonEngine[`native_${name}_ms`] / pythonEngine[`cpython_${name}_ms`])} CPython`],
    [`  ${name}: engine, wasm in Chromium`, r(f[`wasm_python_${name}_ms`]), `×${r(f[`wasm_python_${name}_ms`] / pythonEngine[`cpython_${name}_ms`])} CPython (goal ≤ 1)`],
  ]),
  ['  Python build, fetched on first use (KB gzip)', r(pythonFirstLoad / 1024), ''],
  ['Dispatch, µs per tiny task', '', ''],
  ['  thread pool (executors demo, 64 empty tasks, traced)', r(f.thread_pool_dispatch_us), `CPython ThreadPoolExecutor ${r(python.python_thread_pool_dispatch_us)} (target < 10)`],
  [`  process pool, ${cores} processes, 2000 tasks: wall time per task`, r(f.process_pool_wall_us), `CPython ProcessPoolExecutor ${r(python.python_process_pool_dispatch_us)} (target ≤ CPython)`],
  ['  process pool in a demo run (64 tasks, send + receive spans per task)', r(f.process_pool_dispatch_us), ''],
  ['Async: 1000 waits of 100 ms gathered, overhead ms', r(f.async_1000_waits_overhead_ms), `CPython asyncio ${r(python.python_asyncio_1000_waits_of_100ms_ms - 100)} (target < 50)`],
  ...startupRows(startup, STARTUP_LOADS, (x) => (Number.isFinite(x) ? x.toFixed(0) : '–')),
  ['  one process start (ms)', r(f.process_start_ms), ''],
  ['  first load, threads build (KB gzip)', r(firstLoad.threads / 1024), 'target < 400'],
  ['  first load, single build (KB gzip)', r(firstLoad.single / 1024), ''],
  ...lighthouseRows(lighthouse),
  ['Timeline, 100,000 spans', '', ''],
  ['  first draw (ms)', r(f.timeline.first_draw_ms), ''],
  ['  pan frame, median / max (ms)', `${r(f.timeline.pan_frame_median_ms)} / ${r(f.timeline.pan_frame_max_ms)}`, 'target < 16'],
];
const width = Math.max(...rows.map((row) => row[0].length));
console.log(`make bench: ${os.cpus()[0]?.model ?? 'cpu'}, ${cores} cores, ${new Date().toISOString().slice(0, 10)}`);
for (const [name, value, note] of rows) console.log(`${name.padEnd(width)}  ${String(value).padStart(9)}  ${note}`);
mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(path.join(ROOT, 'bench/results/latest.json'), JSON.stringify({ date: new Date().toISOString(), cores, native, python, python_engine: pythonEngine, browser: f, startup, lighthouse, first_load_gzip_bytes: firstLoad, ns_per_number: perNumber }, null, 2));
console.log('written: bench/results/latest.json');
