// The python demo runs on a build of its own (several MB and, on the threads build, a pool
// of Workers): it loads when the demo is opened, not at its first run, and only then:
// other demos' pages never fetch it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useServersAndBrowser, recordProblems, assertNoProblems, run, assertResult } from './support.mjs';

const env = useServersAndBrowser(before, after);

/** Opens `url`; resolves with the page, its problems and the python wasm requests so far (live). */
async function open(url) {
  const page = await env.browser.context.newPage();
  const problems = await recordProblems(page);
  const python = [];
  page.on('request', (r) => {
    if (/\/pkg\/python(-threads)?\/concurrency_playground_bg\.wasm$/.test(r.url())) python.push(r.url());
  });
  await page.goto(url);
  await page.evaluate(() => playground.ready);
  return { page, problems, python };
}

for (const [build, server, pkg] of [['threads', 'isolated', 'python-threads'], ['single', 'plain', 'python']]) {
  test(`opening the python demo loads its ${build} engine before the first run`, async () => {
    const { page, problems, python } = await open(`${env.servers[server]}?demo=python`);
    const deadline = Date.now() + 20000;
    while (!python.length && Date.now() < deadline) await page.waitForTimeout(100);
    assert.equal(python.length, 1, 'the python build was not fetched after the demo was opened');
    assert.match(python[0], new RegExp(`/pkg/${pkg}/`));
    const r = assertResult(await run(page, 'python', { code: 'print(6 * 7)' }));
    assert.equal(r.value.stdout, '42\n');
    assert.equal(python.length, 1, 'fetched once');
    assertNoProblems(problems);
    await page.close();
  });
}

test('another demo does not load the python engine; choosing the python demo then does', async () => {
  const { page, problems, python } = await open(`${env.servers.isolated}?demo=threads`);
  assertResult(await run(page, 'threads', { threads: 2, steps: 1, delay_ms: 1 }));
  await page.waitForTimeout(1000);
  assert.deepEqual(python, [], 'the python build was fetched by the threads demo');
  await page.click('#demo-list a[data-demo="python"]');
  const deadline = Date.now() + 20000;
  while (!python.length && Date.now() < deadline) await page.waitForTimeout(100);
  assert.equal(python.length, 1);
  assertNoProblems(problems);
  await page.close();
});
