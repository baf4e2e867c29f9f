// Static hosting: `make dist` served by a plain server that sets no headers and has no
// simulated pages. The service worker supplies isolation (after one reload), the
// simulated pages, and, after the first visit, the whole site offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
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

// A blog page with one iframe (same site as the playground: 127.0.0.1 on another port;
// another site: localhost).
async function blogWithEmbed(src, on = browser) {
  const blog = createServer((req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><iframe src="${src}" width="900" height="900"></iframe>`));
  await new Promise((resolve) => blog.listen(0, '127.0.0.1', resolve));
  const page = await on.context.newPage();
  const embedLoads = []; // each time the embed's document loaded
  page.on('framenavigated', (frame) => frame !== page.mainFrame() && embedLoads.push(frame.url()));
  await page.goto(`http://127.0.0.1:${blog.address().port}/`);
  return {
    page,
    embedLoads,
    close: async () => {
      await page.close();
      // Chromium keeps its connections open: close them, or close() waits for their timeout.
      blog.closeAllConnections();
      await new Promise((resolve) => blog.close(resolve));
    },
  };
}

/** Polls `fn` in the page's embed (which may reload meanwhile) until it returns something truthy. */
async function inEmbed(page, fn, timeoutMs = 20000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await page.frames()[1]?.evaluate(fn);
      if (value) return value;
    } catch {
      // navigating: try again
    }
    if (Date.now() > end) throw new Error(`the embed never satisfied ${fn}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('dist on a host without headers: an embed on the same site gets threads from the service worker (Document-Isolation-Policy)', async () => {
  // A fresh profile: the embed is the first page of the site this browser sees.
  const fresh = await startBrowser();
  const { page, close, embedLoads } = await blogWithEmbed(`${host.url}embed.html?demo=threads&threads=3`, fresh);
  try {
    assert.equal(await page.evaluate(() => window.crossOriginIsolated), false);
    // The embed registers the service worker, reloads once, and is then isolated.
    await inEmbed(page, () => window.crossOriginIsolated && Boolean(window.playground));
    assert.equal(embedLoads.length, 2, `the embed loaded ${embedLoads.length} times, not once and once more under the service worker`);
    const frame = page.frames()[1];
    const ready = await frame.evaluate(() => playground.ready);
    assert.equal(ready.build, 'threads');
    const r = await run(frame, 'threads', { threads: 3, steps: 1, delay_ms: 10 });
    assert.equal(r.lanes.filter((l) => l.kind === 'thread').length, 3);
  } finally {
    await close();
    await fresh.close();
  }
});

test('dist embedded by another site: no service worker is allowed there, and the page says so', async () => {
  const other = host.url.replace('127.0.0.1', 'localhost');
  const { page, close } = await blogWithEmbed(`${other}embed.html?demo=threads`);
  try {
    const ready = await inEmbed(page, () => window.playground?.ready);
    assert.equal(ready.build, 'single');
    assert.match(ready.reason, /refuses a service worker to a page embedded in another site/);
    const frame = page.frames()[1];
    await frame.waitForSelector('#demo-notice:not([hidden])');
    assert.match(await frame.textContent('#demo-notice'), /refuses a service worker/);
    // The simulated pages come from that service worker too: the scraper says why they fail.
    await frame.goto(`${other}embed.html?demo=scraper&urls=2&latency_ms=0&autorun=1`);
    await frame.waitForSelector('#error:not([hidden])', { timeout: 20000 });
    assert.match(await frame.textContent('#error'), /2 simulated pages could not be fetched \(HTTP 404\).*refuse to a page embedded in another site/);
  } finally {
    await close();
  }
});

test('the service worker keeps one copy per file, whatever the permalink, and drops its old versions', async () => {
  // A fresh profile, with what an older version left behind and a cache that is not ours.
  const fresh = await startBrowser();
  try {
    const page = await fresh.context.newPage();
    await page.goto(`${host.url}www/favicon.svg`);
    await page.evaluate(async () => {
      await (await caches.open('playground-v1')).put('/?demo=gil&threads=4', new Response('old'));
      await (await caches.open('another-app')).put('/theirs', new Response('theirs'));
    });
    const links = ['?demo=gil&threads=4', '?demo=threads&threads=2', '?demo=asyncio&tasks=5', '?demo=threads&threads=2&steps=3'];
    for (const link of links) {
      await page.goto(host.url + link);
      await page.waitForFunction(() => window.crossOriginIsolated && window.playground, null, { timeout: 15000 });
      await page.evaluate(() => playground.ready);
    }
    // Copies are written as responses arrive: wait for the page's, then read the cache.
    const state = await page.waitForFunction(async () => {
      const names = await caches.keys();
      if (!names.includes('playground-v2')) return null;
      const keys = (await (await caches.open('playground-v2')).keys()).map((r) => r.url);
      return keys.some((u) => new URL(u).pathname === '/') && { names, keys };
    }, null, { timeout: 10000 }).then((h) => h.jsonValue());
    assert.deepEqual(state.names.sort(), ['another-app', 'playground-v2'], 'the old version is dropped, the other site\'s cache kept');
    assert.deepEqual(state.keys.filter((u) => new URL(u).search), [], 'no copy is kept under a query');
    const paths = state.keys.map((u) => new URL(u).pathname);
    assert.equal(new Set(paths).size, paths.length, 'one copy per path');
    assert.equal(paths.filter((p) => p === '/').length, 1, `four permalinks, one page: ${paths.join(' ')}`);

    // Offline, a permalink never opened before still loads, and its parameters apply.
    await fresh.context.setOffline(true);
    try {
      await page.goto(`${host.url}?demo=threads&threads=5`);
      await page.waitForFunction(() => window.playground);
      await page.evaluate(() => playground.ready);
      await page.waitForSelector('#param-threads');
      assert.equal(await page.inputValue('#param-threads'), '5');
    } finally {
      await fresh.context.setOffline(false);
    }
  } finally {
    await fresh.close();
  }
});

test('dist serves the page as one bundled module, and what its modules load by address still loads', async () => {
  const page = await browser.context.newPage();
  try {
    await page.goto(`${host.url}?demo=threads&threads=3`);
    await page.waitForFunction(() => window.crossOriginIsolated && window.playground, null, { timeout: 15000 });
    await page.evaluate(() => playground.ready);
    // The code panel (a demo's module, bundled) and its colours (Prism, a vendor file).
    await page.waitForSelector('[data-code="python"] .tok-keyword');
    // The embed dialog's addresses come from a module of www/ui/: they must still point at this site.
    await page.click('#embed-code');
    assert.match(await page.inputValue('#embed-snippet'), new RegExp(`src="${host.url}embed\\.html\\?demo=threads`));
    await page.keyboard.press('Escape');
    await page.goto(`${host.url}?demo=python`);
    await page.waitForSelector('[data-editor="ready"]'); // the editor, a vendor file imported on demand
    const modules = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.js')));
    assert.deepEqual(modules.filter((p) => p.startsWith('/www/ui/')), [], 'a module of the page was fetched on its own');
    assert.ok(modules.includes('/www/app.js') && modules.includes('/www/vendor/editor/editor.js'), modules.join(' '));
  } finally {
    await page.close();
  }
});
