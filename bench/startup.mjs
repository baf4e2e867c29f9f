#!/usr/bin/env node
// Start-up, side by side in one run: the page as it was before issue 16 (BASELINE, its
// sources as they were, served without compression as then), the page now from its
// sources (`make serve`), and now bundled and gzipped (what `make dist` ships). The same
// wasm builds serve all three, so the differences are the page's own. Loads alternate
// between the versions, so that a busy moment of the machine hits them alike.
//   node bench/startup.mjs [LOADS]     (make bench runs it too)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, startBrowser } from '../tests/e2e/support.mjs';
import { startServer } from '../scripts/serve.mjs';
import { bundle } from '../scripts/bundle.mjs';

export const BASELINE = '2bc60d8'; // main before issue 16

/** A copy of the site's pages in `dir`, from git at `commit` or from the working tree,
 *  sharing the built wasm and vendor files of this tree. */
export function site(dir, commit) {
  mkdirSync(dir, { recursive: true });
  if (commit) {
    execFileSync('sh', ['-c', `git archive ${commit} index.html sw.js www scripts/make-embed.mjs | tar -x -C "${dir}"`], { cwd: ROOT });
    execFileSync('node', [path.join(dir, 'scripts/make-embed.mjs')]); // its embed.html, made as make build made it then
  } else {
    for (const f of ['index.html', 'embed.html', 'sw.js', 'www']) cpSync(path.join(ROOT, f), path.join(dir, f), { recursive: true, filter: (src) => !/www\/(pkg|vendor)$/.test(src) });
  }
  for (const shared of ['www/pkg', 'www/vendor']) {
    rmSync(path.join(dir, shared), { recursive: true, force: true });
    symlinkSync(path.join(ROOT, shared), path.join(dir, shared));
  }
  return dir;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Loads the page `loads` times per version and build; the medians of `ready` and of a
 *  first tiny run, in ms from navigation. */
export async function measureStartup(loads = 7, { against = null, builds = ['threads', 'single'] } = {}) {
  const tmp = mkdtempSync(path.join(tmpdir(), 'playground-startup-'));
  // `against`: a commit, bundled as make dist bundles, in place of the page before issue 16.
  const versions = against
    ? { [against]: { root: site(path.join(tmp, 'against'), against), compression: true, bundle: true } }
    : { before: { root: site(path.join(tmp, 'before'), BASELINE), compression: false } };
  versions.sources = { root: ROOT, compression: true };
  versions.bundled = { root: site(path.join(tmp, 'bundled')), compression: true, bundle: true };
  for (const v of Object.values(versions).filter((v) => v.bundle)) {
    const out = path.join(v.root, 'app.bundle.js');
    await bundle(path.join(v.root, 'www'), out);
    renameSync(out, path.join(v.root, 'www/app.js'));
  }
  const servers = [];
  for (const v of Object.values(versions)) {
    const s = await startServer({ root: v.root, port: 0, compression: v.compression });
    servers.push(s);
    v.url = s.url;
  }
  const browser = await startBrowser();
  const figures = {};
  try {
    for (const build of builds) {
      const samples = Object.fromEntries(Object.keys(versions).map((k) => [k, []]));
      for (let i = 0; i < loads; i++) {
        for (const [name, v] of Object.entries(versions)) {
          const page = await browser.context.newPage();
          await page.goto(`${v.url}${build === 'single' ? '?build=single' : ''}`);
          const ready = await page.evaluate(() => playground.ready.then(() => performance.now()));
          const firstRun = await page.evaluate(async (id) => {
            await playground.run(id, id === 'threads' ? { threads: 2, steps: 1, delay_ms: 1 } : { tasks: 2, steps: 1, delay_ms: 1 });
            return performance.now();
          }, build === 'threads' ? 'threads' : 'asyncio');
          samples[name].push({ ready, firstRun });
          await page.close();
        }
      }
      for (const [name, list] of Object.entries(samples)) {
        figures[`${build}_${name}_ready_ms`] = median(list.map((s) => s.ready));
        figures[`${build}_${name}_first_run_ms`] = median(list.map((s) => s.firstRun));
      }
    }
  } finally {
    await browser.close();
    await Promise.all(servers.map(({ server }) => new Promise((r) => server.close(r))));
    rmSync(tmp, { recursive: true, force: true });
  }
  return figures;
}

/** How long a reader who has had the python demo open for `idleMs` waits for the first
 *  run of a one-line program (ms, medians of `loads` loads per version, threads build):
 *  the python build and its pool load at the first run, or, since they are prepared
 *  when the demo is opened, before it. */
export async function measurePythonFirstRun(loads = 5, { against = '979ed60', idleMs = 3000 } = {}) {
  const tmp = mkdtempSync(path.join(tmpdir(), 'playground-python-'));
  const versions = { [against]: { root: site(path.join(tmp, 'against'), against) }, now: { root: site(path.join(tmp, 'now')) } };
  for (const v of Object.values(versions)) {
    const out = path.join(v.root, 'app.bundle.js');
    await bundle(path.join(v.root, 'www'), out);
    renameSync(out, path.join(v.root, 'www/app.js'));
    const s = await startServer({ root: v.root, port: 0, compression: true });
    v.server = s.server;
    v.url = s.url;
  }
  const browser = await startBrowser();
  const samples = Object.fromEntries(Object.keys(versions).map((k) => [k, []]));
  try {
    for (let i = 0; i < loads; i++) {
      for (const [name, v] of Object.entries(versions)) {
        const page = await browser.context.newPage();
        await page.goto(`${v.url}?demo=python`);
        const wait = await page.evaluate(async (idle) => {
          await playground.ready;
          await new Promise((r) => setTimeout(r, idle));
          const t0 = performance.now();
          const r = await playground.run('python', { code: 'print(1)' });
          if (r.value.stdout !== '1\n') throw new Error(`python printed ${JSON.stringify(r.value)}`);
          return performance.now() - t0;
        }, idleMs);
        samples[name].push(wait);
        await page.close();
      }
    }
  } finally {
    await browser.close();
    for (const v of Object.values(versions)) await new Promise((r) => v.server.close(r));
    rmSync(tmp, { recursive: true, force: true });
  }
  return Object.fromEntries(Object.entries(samples).map(([k, list]) => [k, { median: median(list), all: list.map(Math.round) }]));
}

/** The table rows make bench prints: [name, value, note]. */
export function startupRows(f, loads, r, from = 'before') {
  const row = (build, what, key, target) => [
    `  ${what}, ${build} build (ms from navigation, median of ${loads} loads)`,
    `${r(f[`${build}_${from}_${key}`])} → ${r(f[`${build}_sources_${key}`])} → ${r(f[`${build}_bundled_${key}`])}`,
    target,
  ];
  return [
    [`Start-up: ${from === 'before' ? `before (${BASELINE})` : `${from}, bundled`} → now, sources → now, bundled as make dist`, '', ''],
    row('threads', 'engine ready', 'ready_ms', 'target < 250'),
    row('threads', 'first tiny run done', 'first_run_ms', 'target < 400'),
    row('single', 'engine ready', 'ready_ms', 'target < 250'),
    row('single', 'first tiny run done', 'first_run_ms', ''),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // node bench/startup.mjs [LOADS] [--against COMMIT] [--threads] [--python]
  //   --against: compare with that commit (bundled) instead of the page before issue 16;
  //   --threads: the threads build only; --python: the python demo's first run instead,
  //   3 s after the page opened on it, against COMMIT (default 979ed60).
  const args = process.argv.slice(2);
  const i = args.indexOf('--against');
  const against = i >= 0 ? args[i + 1] : null;
  const loads = Number(args.find((a, k) => /^\d+$/.test(a) && args[k - 1] !== '--against') ?? 7);
  const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`load average at start: ${load()}`);
  if (args.includes('--python')) {
    const f = await measurePythonFirstRun(loads, against ? { against } : {});
    for (const [name, { median: m, all }] of Object.entries(f)) console.log(`python demo, first run of print(1) 3 s after opening it, ${name}: ${m.toFixed(0)} ms (median of ${all.length}: ${all.join(', ')})`);
    console.log(`load average at end: ${load()}`);
    process.exit(0);
  }
  const f = await measureStartup(loads, { against, builds: args.includes('--threads') ? ['threads'] : ['threads', 'single'] });
  const r = (x) => (Number.isFinite(x) ? x.toFixed(0) : '–');
  for (const [name, value, note] of startupRows(f, loads, r, against ?? 'before')) {
    if (!value.includes('–') || !name.includes('single')) console.log(`${name.padEnd(80)} ${value.padStart(20)}  ${note}`);
  }
  console.log(`load average at end: ${load()}`);
}
