// The embed page inside another page's iframe: chromeless, driven by the address,
// isolated on its own where the browser allows it (Document-Isolation-Policy).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { useServersAndBrowser } from './support.mjs';

const env = useServersAndBrowser(before, after);

// A blog's page: another origin on this machine (browsers keep public pages from framing
// loopback ones), no isolation headers, one iframe whose address comes in ?src=.
let blog;
before(async () => {
  blog = createServer((req, res) => {
    const src = new URL(req.url, 'http://x').searchParams.get('src') ?? '';
    const safe = src.replace(/[<>"]/g, '');
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><input id="host-input"><iframe src="${safe}" width="900" height="1200"></iframe>`);
  });
  await new Promise((resolve) => blog.listen(0, '127.0.0.1', resolve));
});
after(() => new Promise((resolve) => blog.close(resolve)));

/** The blog's page holding `src`, with the blog's input focused. */
async function host(src) {
  const page = await env.browser.context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`http://127.0.0.1:${blog.address().port}/?src=${encodeURIComponent(src)}`);
  await page.focus('#host-input');
  const frame = page.frames()[1];
  await frame.waitForFunction(() => window.playground);
  return { page, frame, problems };
}

test('embedded from a server that sends Document-Isolation-Policy, the demo gets real threads', async () => {
  const { page, frame, problems } = await host(`${env.servers.isolated}embed.html?demo=threads&threads=3&delay_ms=10`);
  assert.equal(await page.evaluate(() => window.crossOriginIsolated), false, 'the host is not isolated');
  const ready = await frame.evaluate(() => playground.ready);
  assert.equal(ready.crossOriginIsolated, true);
  assert.equal(ready.build, 'threads');
  const r = await frame.evaluate(() => playground.run('threads', { threads: 3, steps: 2, delay_ms: 10 }));
  assert.equal(r.lanes.filter((l) => l.kind === 'thread').length, 3);
  assert.equal(await frame.locator('.lessons').count(), 0, 'no navigation in an embed');
  assert.deepEqual(problems, []);
  await page.close();
});

test('embedded from a host with no headers: asyncio runs, threads says why, with a link that keeps the parameters', async () => {
  const { page, frame, problems } = await host(`${env.servers.plain}embed.html?demo=asyncio&tasks=7&delay_ms=5&autorun=1&panels=timeline,output`);
  const ready = await frame.evaluate(() => playground.ready);
  assert.equal(ready.build, 'single');
  await frame.waitForSelector('#output li');
  assert.equal(await frame.locator('#output li').count(), 7 * 3, 'autorun used the parameters from the link');
  assert.equal(await frame.isHidden('#controls'), true, 'panels=timeline,output hides the controls');
  assert.equal(await frame.isHidden('#code-panel'), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'host-input', 'the embed took the focus');
  const full = new URL(await frame.getAttribute('#open-full', 'href'));
  assert.equal(full.pathname.endsWith('/index.html'), true);
  assert.equal(full.searchParams.get('tasks'), '7');
  assert.equal(full.searchParams.has('autorun'), false);

  await frame.goto(`${env.servers.plain}embed.html?demo=threads&threads=4`);
  await frame.waitForSelector('#demo-notice:not([hidden]) a');
  assert.equal(await frame.isDisabled('#run'), true);
  const link = new URL(await frame.getAttribute('#demo-notice a', 'href'));
  assert.equal(link.searchParams.get('threads'), '4');
  assert.deepEqual(problems, []);
  await page.close();
});
