// The embed page inside another page's iframe: chromeless, driven by the address,
// isolated on its own where the browser allows it (Document-Isolation-Policy).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { useServersAndBrowser, openPlayground } from './support.mjs';

const env = useServersAndBrowser(before, after);

// A blog's page: another origin on this machine (browsers keep public pages from framing
// loopback ones), no isolation headers, one iframe whose address comes in ?src=.
let blog;
before(async () => {
  blog = createServer((req, res) => {
    const query = new URL(req.url, 'http://x').searchParams;
    // ?html=: the snippet an author pasted, below the blog's own text.
    if (query.has('html')) {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><input id="host-input"><div id="above" style="height:500px">The post's text.</div>${query.get('html')}<div style="height:3000px"></div>`);
      return;
    }
    const safe = (query.get('src') ?? '').replace(/[<>"]/g, '');
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><input id="host-input"><iframe src="${safe}" width="900" height="1200"></iframe>`);
  });
  await new Promise((resolve) => blog.listen(0, '127.0.0.1', resolve));
});
after(() => {
  blog.closeAllConnections(); // Chromium keeps them open: close() would wait for their timeout
  return new Promise((resolve) => blog.close(resolve));
});

/** The blog's page holding `src` (or the pasted `html`), with the blog's input focused. */
async function host(src, { html = null } = {}) {
  const page = await env.browser.context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(`http://127.0.0.1:${blog.address().port}/?${html ? `html=${encodeURIComponent(html)}` : `src=${encodeURIComponent(src)}`}`);
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

test('the Embed code dialog\'s element snippet, pasted into a blog, runs the demo and fits its content', async () => {
  const { page: playground, problems: ours } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=asyncio&tasks=4&steps=1&delay_ms=5`);
  await playground.click('#embed-code');
  const iframeSnippet = await playground.inputValue('#embed-snippet');
  const iframeSrc = new URL(iframeSnippet.match(/src="([^"]+)"/)[1].replaceAll('&amp;', '&'));
  assert.equal(iframeSrc.pathname, '/embed.html');
  assert.deepEqual([iframeSrc.searchParams.get('demo'), iframeSrc.searchParams.get('tasks'), iframeSrc.searchParams.get('steps')], ['asyncio', '4', '1']);
  await playground.check('input[name="embed-kind"][value="element"]');
  await playground.uncheck('#embed-panels input[value="controls"]');
  await playground.uncheck('#embed-panels input[value="code"]');
  await playground.check('#embed-autorun');
  const snippet = await playground.inputValue('#embed-snippet');
  assert.match(snippet, /^<script type="module" src="[^"]+\/www\/embed\.js"><\/script>\n<concurrency-playground demo="asyncio" tasks="4" steps="1" delay_ms="5" panels="figures,timeline,output" autorun height="(\d+)" style="display:block;min-height:\1px"><\/concurrency-playground>$/);
  assert.deepEqual(ours, []);
  await playground.close();

  const { page, problems } = await host(null, { html: snippet });
  const frame = await (await page.waitForSelector('concurrency-playground iframe')).contentFrame();
  await frame.waitForFunction(() => document.querySelectorAll('#output li').length === 4, null, { timeout: 20000 });
  assert.equal(await frame.isHidden('#controls'), true);
  assert.equal(await frame.evaluate(() => playground.ready.then((r) => r.build)), 'threads', 'Document-Isolation-Policy isolates the embed');
  // The element follows the embed's height (no inner scrollbar), and the blog did not move.
  await page.waitForFunction(() => {
    const iframe = document.querySelector('concurrency-playground iframe');
    return iframe.style.height !== '640px';
  });
  const inner = Math.ceil(await frame.evaluate(() => document.documentElement.getBoundingClientRect().height));
  await page.waitForFunction((h) => Math.abs(parseFloat(document.querySelector('concurrency-playground iframe').style.height) - h) <= 1, inner);
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the embed scrolled the blog');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'host-input', 'the embed took the focus');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the Embed code dialog\'s iframe snippet is as tall as the demo after a run: nothing hidden under an inner scrollbar', async () => {
  const { page: playground, problems: ours } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=asyncio&tasks=6&steps=2&delay_ms=5`);
  await playground.click('#run');
  await playground.waitForFunction(() => /^Done/.test(document.getElementById('status').textContent));
  await playground.click('#embed-code');
  await playground.check('#embed-autorun');
  const snippet = await playground.inputValue('#embed-snippet');
  const height = Number(snippet.match(/ height="(\d+)"/)[1]);
  assert.deepEqual(ours, []);
  await playground.close();

  const { page, problems } = await host(null, { html: snippet.replace('loading="lazy"', '') });
  await page.setViewportSize({ width: 900, height: 800 });
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await frame.waitForFunction(() => /^Done/.test(document.getElementById('status').textContent), null, { timeout: 20000 });
  const content = await frame.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(content <= height, `the embed's content is ${content} px, the iframe ${height} px`);
  assert.ok(height < content + 300, `the iframe (${height} px) leaves a gap under the content (${content} px)`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the element only listens to its own frame: another frame cannot resize it', async () => {
  const html = `<script type="module" src="${env.servers.isolated}www/embed.js"></script><concurrency-playground demo="asyncio" height="500"></concurrency-playground>`;
  const { page, problems } = await host(null, { html });
  await page.waitForSelector('concurrency-playground iframe');
  await page.evaluate((type) => window.postMessage({ type, height: 9999 }, '*'), 'concurrency-playground:height');
  await page.waitForTimeout(200);
  const height = await page.evaluate(() => document.querySelector('concurrency-playground iframe').style.height);
  assert.notEqual(height, '9999px');
  assert.deepEqual(problems, []);
  await page.close();
});
