// Start-up: the CPU kernel's speed, measured by an engine's first start on a device, is
// kept (localStorage, a day, per build and browser) so that later starts need not measure
// it before the threads build's pool can start. What is kept must be used, and what is
// unusable (unreadable, implausible, old, another build's) measured again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServers, startBrowser, recordProblems, run, assertResult, assertNoProblems } from './support.mjs';

let servers;
let browser;
before(async () => {
  servers = await startServers();
  browser = await startBrowser();
});
after(async () => {
  await browser?.close();
  await servers?.close();
});

const KEY = 'playground-calibration';

/** Opens `query` on the isolated server and resolves with the engine's calibration. */
async function start(page, query = '') {
  await page.goto(`${servers.isolated}?debug=1${query}`);
  await page.evaluate(() => playground.ready);
  return (await page.waitForFunction(() => window.playgroundDebug.calibration())).jsonValue();
}

const kept = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key)), KEY);
const keep = (page, value) => page.evaluate(([key, v]) => localStorage.setItem(key, typeof v === 'string' ? v : JSON.stringify(v)), [KEY, value]);

test('the first start measures and keeps the speed; the next start uses it, and its runs work', async () => {
  const page = await browser.context.newPage();
  const problems = await recordProblems(page);
  const first = await start(page);
  assert.equal(first.source, 'measured');
  assert.ok(first.iterations_per_ms >= 1, JSON.stringify(first));
  const entries = Object.entries(await kept(page));
  assert.equal(entries.length, 1);
  assert.match(entries[0][0], /^threads \d+ Mozilla/);
  assert.equal(entries[0][1].iterations_per_ms, first.iterations_per_ms);

  const second = await start(page);
  assert.deepEqual(second, { iterations_per_ms: first.iterations_per_ms, source: 'remembered' });
  const r = assertResult(await run(page, 'concurrency-vs-parallelism', { tasks: 2, work_ms: 5, threads: 2, slice_ms: 1 }));
  assert.equal(r.stats.matches_sequential, true);
  // The single build keeps its own speed: measured on its first start.
  assert.equal((await start(page, '&build=single')).source, 'measured');
  assert.deepEqual(Object.keys(await kept(page)).map((k) => k.split(' ')[0]).sort(), ['single', 'threads']);
  assertNoProblems(problems);
  await page.close();
});

test('what cannot be used is measured again: unreadable, implausible, a day old', async () => {
  const page = await browser.context.newPage();
  const problems = await recordProblems(page);
  const { iterations_per_ms: rate } = await start(page);
  const [key] = Object.keys(await kept(page)).filter((k) => k.startsWith('threads '));
  const cases = {
    unreadable: '{not json',
    'not a speed': { [key]: { iterations_per_ms: 'fast', at: Date.now() } },
    implausible: { [key]: { iterations_per_ms: 0.5, at: Date.now() } },
    'a day old': { [key]: { iterations_per_ms: rate, at: Date.now() - 25 * 3600 * 1000 } },
  };
  for (const [what, value] of Object.entries(cases)) {
    await keep(page, value);
    assert.equal((await start(page)).source, 'measured', what);
    // And kept afresh, readable.
    assert.equal(typeof (await kept(page))[key].iterations_per_ms, 'number', what);
  }
  assertNoProblems(problems);
  await page.close();
});
