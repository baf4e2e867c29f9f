// Static hosting: `make dist` served by a plain server that sets no headers and has no
// simulated pages. The service worker supplies isolation (after one reload), the
// simulated pages, and, after the first visit, the whole site offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, startBrowser, run } from './support.mjs';
import { startServer } from '../../scripts/serve.mjs';

let host;
let browser;
before(async () => {
  execFileSync('make', ['--no-print-directory', 'dist'], { cwd: ROOT, stdio: 'ignore' });
  host = await startServer({ root: path.join(ROOT, 'dist'), port: 0, isolation: false, sim: false });
  browser = await startBrowser();
});
after(async () => {
  await browser?.close();
  await new Promise((resolve) => host?.server.close(resolve));
});

test('dist on a host without headers ends up isolated with the threads build, after one reload', async () => {
  const page = await browser.context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(host.url);
  await page.waitForFunction(() => window.crossOriginIsolated === true && window.playground, null, { timeout: 15000 });
  const ready = await page.evaluate(() => playground.ready);
  assert.equal(ready.build, 'threads');
  const r = await run(page, 'threads', { threads: 3, steps: 2, delay_ms: 20 });
  assert.equal(r.error, undefined, JSON.stringify(r.error));
  assert.equal(r.lanes.filter((l) => l.kind === 'thread').length, 3);
  // The simulated pages come from the service worker: this server has none.
  const s = await run(page, 'scraper', { urls: 3, latency_ms: 20, mode: 'threads', workers: 3 });
  assert.equal(s.stats.failures, 0, JSON.stringify(s.value?.urls));
  assert.deepEqual(problems, []);

  // Offline, after that first visit: the same page still loads and runs.
  await browser.context.setOffline(true);
  try {
    await page.reload();
    await page.waitForFunction(() => window.playground);
    const again = await page.evaluate(() => playground.ready);
    assert.equal(again.build, 'threads');
    const o = await run(page, 'asyncio', { tasks: 3, steps: 1, delay_ms: 10 });
    assert.equal(o.error, undefined, JSON.stringify(o.error));
  } finally {
    await browser.context.setOffline(false);
  }
  await page.close();
});

test('no request leaves the origin during a session of every demo', async () => {
  const page = await browser.context.newPage();
  const origin = new URL(host.url).origin;
  const elsewhere = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['blob:', 'data:'].includes(url.protocol) && url.origin !== origin) elsewhere.push(r.url());
  });
  await page.goto(host.url);
  await page.waitForFunction(() => window.crossOriginIsolated === true && window.playground, null, { timeout: 15000 });
  const demos = await page.evaluate(() => playground.ready.then(() => playground.demos()));
  for (const demo of demos) {
    await page.goto(`${host.url}?demo=${demo.id}`);
    await page.evaluate(() => playground.ready);
    const quick = Object.fromEntries(demo.params.filter((p) => p.type === 'int').map((p) => [p.name, p.name.endsWith('_ms') ? Math.max(p.min, 1) : p.min]));
    const r = await run(page, demo.id, quick);
    assert.equal(r.error, undefined, `${demo.id}: ${JSON.stringify(r.error)}`);
  }
  assert.deepEqual(elsewhere, []);
  await page.close();
});
