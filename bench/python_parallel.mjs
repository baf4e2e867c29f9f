#!/usr/bin/env node
// make bench, the Python engine's parallelism (issue 14): the same pure-Python CPU program
// run sequentially, on 2 threads under the GIL, on 2 threads without it (free-threaded:
// the engine only; CPython 3.11 has no such build) and on 2 processes (a spawn Pool),
// in CPython, in the engine natively and in the engine in Chromium, side by side in one
// run; then what a process costs to start and a task to send to a process pool. Each
// program times itself with time.perf_counter. Prints a table; never fails on slowness.
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, startServers, startBrowser, openPlayground } from '../tests/e2e/support.mjs';

const N = 2_000_000; // iterations per half of the work: CPython takes about 0.2 s for it, so a process start (about 60 ms) does not hide the speed-up

const cpu = (mode) => `import multiprocessing, threading, time

def work(n):
    total = 0
    for i in range(n):
        total += i * i
    return total

N = ${N}

if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    mode = "${mode}"
    t = time.perf_counter()
    if mode == "sequential":
        work(N)
        work(N)
    elif mode == "threads":
        ts = [threading.Thread(target=work, args=(N,)) for _ in range(2)]
        for x in ts:
            x.start()
        for x in ts:
            x.join()
    else:
        with multiprocessing.Pool(2) as pool:
            pool.map(work, [N, N])
    print((time.perf_counter() - t) * 1000)
`;

const DISPATCH = `import multiprocessing, time
from concurrent.futures import ProcessPoolExecutor

def square(x):
    return x * x

if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    t = time.perf_counter()
    p = multiprocessing.Process(target=square, args=(1,))
    p.start()
    p.join()
    start_ms = (time.perf_counter() - t) * 1000
    with ProcessPoolExecutor(2) as ex:
        list(ex.map(square, range(10)))
        per_task_us = []
        for _ in range(5):
            t = time.perf_counter()
            list(ex.map(square, range(2000)))
            per_task_us.append((time.perf_counter() - t) * 1e6 / 2000)
    print(start_ms, min(per_task_us))
`;

const MODES = [
  ['sequential', 'sequential', true],
  ['2 threads, GIL', 'threads', true],
  ['2 threads, free-threaded', 'threads', false],
  ['2 processes (Pool, start included)', 'processes', true],
];
const best = (xs) => Math.min(...xs);
const tmp = path.join(os.tmpdir(), 'playground-parallel.py');
const numbers = (out) => out.trim().split(/\s+/).map(Number);

function cpython(code) {
  writeFileSync(tmp, code);
  return numbers(execFileSync('python3', [tmp], { encoding: 'utf8', env: { ...process.env, PYTHONUNBUFFERED: '1' } }));
}
function native(code, gil) {
  writeFileSync(tmp, code);
  return numbers(execFileSync(path.join(ROOT, 'target/release/examples/pyrun'), [tmp], { encoding: 'utf8', env: { ...process.env, PYRUN_GIL: gil ? '1' : '0' } }));
}

const figures = { cpython: {}, native: {}, wasm: {} };
for (const [label, mode, gil] of MODES) {
  if (gil) figures.cpython[label] = best([0, 1, 2].map(() => cpython(cpu(mode))[0]));
  figures.native[label] = best([0, 1, 2].map(() => native(cpu(mode), gil)[0]));
}
const dispatch = { cpython: cpython(DISPATCH), native: native(DISPATCH, true) };

const servers = await startServers();
const browser = await startBrowser();
try {
  const { page } = await openPlayground(browser.context, `${servers.isolated}?demo=python`);
  const run = (code, gil) => page.evaluate(([code, gil]) => playground.run('python', { code, gil }).then((r) => r.value.stdout), [code, gil]);
  await run('print(1)', true); // loads the Python build and its pool
  for (const [label, mode, gil] of MODES) {
    const xs = [];
    for (let i = 0; i < 3; i++) xs.push(numbers(await run(cpu(mode), gil))[0]);
    figures.wasm[label] = best(xs);
  }
  dispatch.wasm = numbers(await run(DISPATCH, true));
} finally {
  await browser.close();
  servers.close();
}

const r = (x) => (x === undefined || Number.isNaN(x) ? 'n/a' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const rows = [['', 'CPython 3.11', 'engine, native', 'engine, wasm (Chromium)']];
for (const [label] of MODES) {
  rows.push([label, r(figures.cpython[label]), r(figures.native[label]), r(figures.wasm[label])]);
}
const speedup = (where, label) => figures[where].sequential / figures[where][label];
for (const [label] of MODES.slice(1)) {
  rows.push([`  speed-up, ${label}`, figures.cpython[label] ? `x${speedup('cpython', label).toFixed(2)}` : 'n/a', `x${speedup('native', label).toFixed(2)}`, `x${speedup('wasm', label).toFixed(2)}`]);
}
rows.push(['process start + join (ms)', r(dispatch.cpython[0]), r(dispatch.native[0]), r(dispatch.wasm[0])]);
rows.push(['ProcessPoolExecutor, per task (us, best of 5 x 2000)', r(dispatch.cpython[1]), r(dispatch.native[1]), r(dispatch.wasm[1])]);

const width = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
console.log(`\nPure-Python CPU work (${2 * N} iterations), ms, best of 3, on ${os.cpus().length} cores:`);
for (const row of rows) console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(width[c]) : cell.padStart(width[c]))).join('   '));
mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(path.join(ROOT, 'bench/results/python-parallel.json'), JSON.stringify({ date: new Date().toISOString(), cores: os.cpus().length, iterations: 2 * N, figures, dispatch }, null, 2));
