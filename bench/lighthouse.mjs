#!/usr/bin/env node
// Lighthouse (npm `lighthouse`, pinned for Node 20) on the page and an embed, as a
// figure, not a test: its scores move between runs. Debian's Chromium, headless; the site
// as `make dist` ships it (bundled) and as it was before issue 16 (BASELINE), both served
// by scripts/serve.mjs with the isolation headers, the new one gzipped.
//   node bench/lighthouse.mjs        (make bench runs it too)
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from '../tests/e2e/support.mjs';
import { startServer } from '../scripts/serve.mjs';
import { bundle } from '../scripts/bundle.mjs';
import { BASELINE, site } from './startup.mjs';

const LIGHTHOUSE = path.join(ROOT, 'node_modules/.bin/lighthouse');
const CHROME_FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

// Asynchronous: the servers answering Lighthouse's Chromium run in this process.
const run = promisify(execFile);

/** One Lighthouse run: the performance score (0-100) and the metrics behind it. */
async function lighthouse(url, formFactor) {
  const profile = mkdtempSync(path.join(tmpdir(), 'playground-lighthouse-'));
  try {
    const { stdout: json } = await run(LIGHTHOUSE, [
      url, '--quiet', '--output=json', '--output-path=stdout', '--only-categories=performance',
      ...(formFactor === 'desktop' ? ['--preset=desktop'] : []), // else Lighthouse's default: a phone, throttled
      `--chrome-flags=${[...CHROME_FLAGS, `--user-data-dir=${profile}`].join(' ')}`,
    ], { encoding: 'utf8', env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, maxBuffer: 64 << 20 });
    const { categories, audits } = JSON.parse(json);
    const metric = (id) => audits[id]?.numericValue;
    return {
      score: Math.round(categories.performance.score * 100),
      cls: metric('cumulative-layout-shift'),
      lcp_ms: metric('largest-contentful-paint'),
      fcp_ms: metric('first-contentful-paint'),
      tbt_ms: metric('total-blocking-time'),
    };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The site at `commit` (or the working tree), bundled as `make dist` bundles it. */
async function bundledSite(dir, commit) {
  site(dir, commit);
  const out = path.join(dir, 'app.bundle.js');
  await bundle(path.join(dir, 'www'), out);
  renameSync(out, path.join(dir, 'www/app.js'));
  return dir;
}

/**
 * `runs` Lighthouse runs per version, page and form factor, alternating between the
 * versions; each figure is the run with the median score. Versions: before issue 16
 * (BASELINE, as it was served then), `against` (a commit, bundled and gzipped as now) if
 * given, and now (the working tree, as `make dist` ships it).
 */
export async function measureLighthouse({ runs = 1, against = null, formFactors = ['mobile', 'desktop'], baseline = true } = {}) {
  const tmp = mkdtempSync(path.join(tmpdir(), 'playground-lh-site-'));
  const versions = {};
  if (baseline) versions.before = { root: site(path.join(tmp, 'before'), BASELINE), compression: false };
  if (against) versions[against] = { root: await bundledSite(path.join(tmp, 'against'), against), compression: true };
  versions.now = { root: await bundledSite(path.join(tmp, 'now')), compression: true };
  const servers = [];
  const samples = {};
  try {
    for (const v of Object.values(versions)) {
      const s = await startServer({ root: v.root, port: 0, compression: v.compression });
      servers.push(s);
      v.url = s.url;
    }
    for (let i = 0; i < runs; i++) {
      for (const page of ['index.html', 'embed.html']) {
        for (const formFactor of formFactors) {
          for (const [name, v] of Object.entries(versions)) {
            const key = `${name} ${page} ${formFactor}`;
            (samples[key] ??= []).push(await lighthouse(v.url + page, formFactor));
            if (process.env.LH_VERBOSE) console.error(key, JSON.stringify(samples[key].at(-1)));
          }
        }
      }
    }
  } finally {
    await Promise.all(servers.map(({ server }) => new Promise((r) => server.close(r))));
    rmSync(tmp, { recursive: true, force: true });
  }
  const figures = {};
  for (const [key, list] of Object.entries(samples)) {
    const sorted = [...list].sort((a, b) => a.score - b.score);
    const median = (m) => [...list.map((r) => r[m])].sort((a, b) => a - b)[Math.floor(list.length / 2)];
    figures[key] = { ...sorted[Math.floor(list.length / 2)], lcp_ms: median('lcp_ms'), fcp_ms: median('fcp_ms'), tbt_ms: median('tbt_ms'), scores: list.map((r) => r.score), runs: list.length };
  }
  return figures;
}

/** Rows for make bench's table: [name, value, note]. `from`: the version compared with now. */
export function lighthouseRows(f, from = 'before') {
  const label = from === 'before' ? `before ${BASELINE}` : from;
  const rows = [[`Lighthouse 12.2.3, performance (${label} → now): score, CLS`, '', '']];
  for (const key of Object.keys(f).filter((k) => k.startsWith('now '))) {
    const [, page, formFactor] = key.split(' ');
    const b = f[`${from} ${page} ${formFactor}`];
    const n = f[key];
    const runs = n.runs > 1 ? `, medians of ${n.runs} runs (scores ${b.scores.join('/')} → ${n.scores.join('/')})` : '';
    rows.push([`  ${page}, ${formFactor}`, `${b.score} → ${n.score}`, `CLS ${b.cls.toFixed(3)} → ${n.cls.toFixed(3)}, LCP ${Math.round(b.lcp_ms)} → ${Math.round(n.lcp_ms)} ms, FCP ${Math.round(b.fcp_ms)} → ${Math.round(n.fcp_ms)} ms, TBT ${Math.round(b.tbt_ms)} → ${Math.round(n.tbt_ms)} ms${runs} (target ≥ 95, CLS < 0.05)`]);
  }
  return rows;
}

// node bench/lighthouse.mjs [--runs N] [--against COMMIT] [--mobile]
//   --against: compare now with that commit (bundled and gzipped as now) instead of the
//   page before issue 16; --mobile: mobile emulation only.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  const against = opt('--against') ?? null;
  const runs = Number(opt('--runs') ?? 1);
  const formFactors = args.includes('--mobile') ? ['mobile'] : ['mobile', 'desktop'];
  const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`load average at start: ${load()}`);
  const f = await measureLighthouse({ runs, against, formFactors, baseline: !against });
  for (const [name, value, note] of lighthouseRows(f, against ?? 'before')) console.log(`${name.padEnd(40)} ${value.padStart(10)}  ${note}`);
  console.log(`load average at end: ${load()}`);
}
