#!/usr/bin/env node
// Lighthouse (npm `lighthouse`, pinned for Node 20) on the page and an embed, as a
// figure, not a test: its scores move between runs. Debian's Chromium, headless; the site
// as `make dist` ships it (bundled) and as it was before issue 16 (BASELINE), both served
// by scripts/serve.mjs with the isolation headers, the new one gzipped.
//   node bench/lighthouse.mjs        (make bench runs it too)
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
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

export async function measureLighthouse() {
  const tmp = mkdtempSync(path.join(tmpdir(), 'playground-lh-site-'));
  const versions = {
    before: { root: site(path.join(tmp, 'before'), BASELINE), compression: false },
    now: { root: site(path.join(tmp, 'now')), compression: true },
  };
  await bundle(path.join(ROOT, 'www'), path.join(versions.now.root, 'www/app.js'));
  const servers = [];
  const figures = {};
  try {
    for (const [name, v] of Object.entries(versions)) {
      const s = await startServer({ root: v.root, port: 0, compression: v.compression });
      servers.push(s);
      for (const page of ['index.html', 'embed.html']) {
        for (const formFactor of ['mobile', 'desktop']) figures[`${name} ${page} ${formFactor}`] = await lighthouse(s.url + page, formFactor);
      }
    }
  } finally {
    await Promise.all(servers.map(({ server }) => new Promise((r) => server.close(r))));
    rmSync(tmp, { recursive: true, force: true });
  }
  return figures;
}

/** Rows for make bench's table: [name, value, note]. */
export function lighthouseRows(f) {
  const rows = [[`Lighthouse 12.2.3, performance (before ${BASELINE} → now): score, CLS`, '', '']];
  for (const key of Object.keys(f).filter((k) => k.startsWith('now '))) {
    const [, page, formFactor] = key.split(' ');
    const b = f[`before ${page} ${formFactor}`];
    const n = f[key];
    rows.push([`  ${page}, ${formFactor}`, `${b.score} → ${n.score}`, `CLS ${b.cls.toFixed(3)} → ${n.cls.toFixed(3)}, LCP ${Math.round(b.lcp_ms)} → ${Math.round(n.lcp_ms)} ms, TBT ${Math.round(b.tbt_ms)} → ${Math.round(n.tbt_ms)} ms (target ≥ 95, CLS < 0.05)`]);
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const f = await measureLighthouse();
  for (const [name, value, note] of lighthouseRows(f)) console.log(`${name.padEnd(40)} ${value.padStart(10)}  ${note}`);
}
