// The page draws the chosen demo before its engine has loaded, from www/pkg/demos.js, a
// snapshot of demos() taken from the wasm at build time (scripts/snapshot-demos.mjs).
// The snapshot must equal the engine's live demos() on both builds; the page without
// the wasm shows the demo's lesson, controls and code, with Run disabled and saying it
// is loading; and where the snapshot is wrong, the engine's answer wins.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useServersAndBrowser, recordProblems, assertNoProblems } from './support.mjs';

const env = useServersAndBrowser(before, after);

for (const build of ['threads', 'single']) {
  test(`the snapshot equals the live demos() on the ${build} build`, async () => {
    const page = await env.browser.context.newPage();
    const problems = await recordProblems(page);
    await page.goto(build === 'threads' ? env.servers.isolated : env.servers.plain);
    const { ready, live, snapshot } = await page.evaluate(async () => {
      const ready = await playground.ready;
      const { snapshotDemos } = await import('./www/demos-snapshot.js');
      return { ready, live: playground.demos(), snapshot: snapshotDemos() };
    });
    assert.equal(ready.build, build);
    assert.ok(live.length >= 11, `${live.length} demos`);
    assert.deepEqual(snapshot, live, 'www/pkg/demos.js differs from the engine: make build makes it again');
    assertNoProblems(problems);
    await page.close();
  });
}

/** A page whose wasm requests are held until `release()` is called. */
async function pageWithoutWasm(url) {
  const page = await env.browser.context.newPage();
  const problems = await recordProblems(page);
  const held = [];
  let released = false;
  await page.route('**/*_bg.wasm', (route) => (released ? route.continue() : held.push(route)));
  await page.goto(url);
  return {
    page,
    problems,
    release: async () => {
      released = true;
      for (const route of held.splice(0)) await route.continue();
    },
  };
}

for (const [name, query] of [['the page', ''], ['an embed', 'embed.html?demo=gil']]) {
  test(`${name} shows the demo's lesson, controls and code before the wasm has loaded; Run waits for it`, async () => {
    const { page, problems, release } = await pageWithoutWasm(`${env.servers.isolated}${query}`);
    await page.waitForFunction(() => !document.getElementById('main').hasAttribute('data-starting'));
    const shown = await page.evaluate(async () => {
      const { snapshotDemos } = await import('./www/demos-snapshot.js');
      const id = new URLSearchParams(location.search).get('demo') ?? snapshotDemos().sort((a, b) => a.chapter - b.chapter)[0].id;
      const demo = snapshotDemos().find((d) => d.id === id);
      const run = document.getElementById('run');
      return {
        demo,
        title: document.getElementById('demo-title').textContent,
        lesson: document.getElementById('demo-lesson').textContent,
        controls: [...document.querySelectorAll('#params [name]')].map((c) => c.name),
        python: document.querySelector('[data-code="python"]').textContent,
        rust: document.querySelector('[data-code="rust"]').textContent,
        runDisabled: run.disabled,
        runSays: run.innerText.trim(),
        ready: document.getElementById('engine')?.textContent,
      };
    });
    assert.equal(shown.title, shown.demo.title);
    assert.equal(shown.lesson, shown.demo.lesson);
    for (const p of shown.demo.params) assert.ok(shown.controls.includes(p.name), `no control for ${p.name}: ${shown.controls}`);
    assert.ok(shown.python.includes(shown.demo.python.program.split('\n')[0]), 'the Python panel is drawn');
    assert.ok(shown.rust.length > 100, 'the Rust panel is drawn');
    assert.equal(shown.runDisabled, true);
    assert.match(shown.runSays, /^Loading/);
    if (shown.ready !== undefined) assert.match(shown.ready, /Starting/);
    // The engine arrives: Run is enabled and says so.
    await release();
    await page.evaluate(() => playground.ready);
    await page.waitForFunction(() => !document.getElementById('run').disabled);
    assert.equal(await page.locator('#run').innerText(), 'Run');
    assert.equal(await page.getByRole('button', { name: 'Run', exact: true }).count(), 1);
    assertNoProblems(problems);
    await page.close();
  });
}

test('where the snapshot differs from the engine, the engine wins', async () => {
  const page = await env.browser.context.newPage();
  const problems = await recordProblems(page);
  // A stale snapshot: another title for the first demo. The wasm is held until the page
  // has drawn from it.
  await page.route('**/www/pkg/demos.js', async (route) => {
    const body = (await (await route.fetch()).text()).replace('"title":"Concurrency vs parallelism"', '"title":"A stale title"');
    await route.fulfill({ body, contentType: 'text/javascript' });
  });
  const held = [];
  await page.route('**/*_bg.wasm', (route) => held.push(route));
  await page.goto(`${env.servers.isolated}?demo=concurrency-vs-parallelism`);
  await page.waitForFunction(() => !document.getElementById('main').hasAttribute('data-starting'));
  assert.equal(await page.locator('#demo-title').textContent(), 'A stale title');
  await page.unroute('**/*_bg.wasm');
  for (const route of held) await route.continue();
  await page.evaluate(() => playground.ready);
  await page.waitForFunction(() => !document.getElementById('run').disabled);
  assert.equal(await page.locator('#demo-title').textContent(), 'Concurrency vs parallelism');
  assert.equal(await page.locator('#demo-list a[data-demo="concurrency-vs-parallelism"]').getAttribute('title'), 'Concurrency vs parallelism');
  assertNoProblems(problems);
  await page.close();
});
