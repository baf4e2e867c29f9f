// The browser tests in Firefox (Debian's firefox-esr over WebDriver BiDi, see
// firefox-support.mjs): many fresh starts each running a threads demo at once after
// `ready` (issue 18: one fresh start in ten or so hung there), the JS API and every demo
// on both builds, a pool that does not start (the run fails with an EngineError and the
// next one works), and the page's Run and Stop buttons.
//
// Every test fails on a page error, console error or warning, or CSP violation.
// Assertions are invariants (answers, lanes, builds, error names), never speeds: the
// deadlines only bound hangs on a busy 2-core machine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServers,
  runOutcome,
  assertResult,
  assertNoProblems,
  assertTraceInvariants,
  cheapestParams,
} from './support.mjs';
import { firefoxInstalled, startFirefox, openFirefoxPlayground, recordFirefoxProblems, withDeadline } from './firefox-support.mjs';

let servers;
before(async () => {
  assert.ok(firefoxInstalled(), 'Firefox ESR is missing: run scripts/setup.sh test');
  servers = await startServers();
});
after(() => servers?.close());

/** One Firefox for the tests that need no fresh start, closed after the test. */
async function firefoxFor(t) {
  const firefox = await startFirefox();
  t.after(() => firefox.close());
  return firefox;
}

// What thread t prints at step s (src/demos/threads.rs), written here independently.
const threadsAnswer = (threads, steps) =>
  Array.from({ length: threads }, (_, t) => Array.from({ length: steps }, (_, s) => [String(s + 1), 'abcdefghij'[s], 'ABCDEFGHIJ'[s]][t]));

function checkThreads(r, params) {
  assertResult(r, `threads ${JSON.stringify(params)}`);
  assert.equal(r.build, 'threads');
  assert.deepEqual(r.value.printed, threadsAnswer(params.threads, params.steps));
  assert.equal(r.lanes.filter((l) => l.kind === 'thread').length, params.threads);
  assertTraceInvariants(r);
}

// Fresh starts: as many as fit the time (at least MIN_LAUNCHES), each a new browser and profile.
const LAUNCH_BUDGET_MS = 140_000;
const MAX_LAUNCHES = 40;
const MIN_LAUNCHES = 10;

test('fresh starts: a threads run sent at once after ready always finishes, with the right answer', { timeout: 300_000 }, async () => {
  const params = { threads: 3, steps: 3, delay_ms: 30 };
  const started = Date.now();
  const poolMs = [];
  let launches = 0;
  while (launches < MAX_LAUNCHES && (Date.now() - started < LAUNCH_BUDGET_MS || launches < MIN_LAUNCHES)) {
    launches++;
    const firefox = await startFirefox();
    try {
      const page = await firefox.browser.newPage();
      const problems = await recordFirefoxProblems(page);
      await page.goto(`${servers.isolated}?debug=1`);
      // In one evaluation: nothing between `ready` and the run.
      const outcome = await withDeadline(
        page.evaluate(async (params) => {
          const info = await playground.ready;
          const r = await playground.run('threads', params).then((r) => r, (e) => ({ error: { name: e?.name, message: String(e?.message ?? e) } }));
          return { info, r, pool: playgroundDebug.pool() };
        }, params),
        45_000,
        `fresh start ${launches}: the threads run sent at once after ready`,
      );
      assert.equal(outcome.info.build, 'threads', `fresh start ${launches}: ${outcome.info.reason}`);
      checkThreads(outcome.r, params);
      assert.equal(outcome.pool.state, 'up');
      poolMs.push(outcome.pool.ms);
      assertNoProblems(await problems());
    } finally {
      await firefox.close();
    }
  }
  assert.ok(launches >= MIN_LAUNCHES, `only ${launches} fresh starts`);
  poolMs.sort((a, b) => a - b);
  console.log(`firefox: ${launches} fresh starts in ${((Date.now() - started) / 1000).toFixed(0)} s, none hung; ` +
    `pool start median ${poolMs[poolMs.length >> 1].toFixed(0)} ms (${poolMs[0].toFixed(0)} to ${poolMs.at(-1).toFixed(0)})`);
});

test('a thread pool that does not start: the waiting run fails with an EngineError, the engine is replaced, the next run works', { timeout: 120_000 }, async (t) => {
  const firefox = await firefoxFor(t);
  const opened = await openFirefoxPlayground(firefox.browser, `${servers.isolated}?debug=1&stall-pool=1&pool-start-limit-ms=2000`);
  assert.equal(opened.ready.build, 'threads');
  const params = { threads: 3, steps: 2, delay_ms: 10 };
  const first = await withDeadline(runOutcome(opened.page, 'threads', params), 30_000, 'the run waiting for a stalled pool');
  assert.equal(first.error?.name, 'EngineError', JSON.stringify(first).slice(0, 300));
  assert.equal(first.error.isError, true);
  assert.match(first.error.message, /thread pool did not start/);
  assert.match(first.error.message, /restarted/);
  const second = await withDeadline(runOutcome(opened.page, 'threads', params), 30_000, 'the run after the engine was replaced');
  checkThreads(second, params);
  assert.equal((await opened.page.evaluate(() => playgroundDebug.pool())).state, 'up');
  // The one expected warning: the page says why it replaced the engine.
  const problems = (await opened.collect()).filter((p) => !/console warning: the thread pool did not start/.test(p));
  assertNoProblems(problems);
});

test('the JS API on both builds: ready, demos(), validate, runs with the sequential answer, cancel and the next run', { timeout: 120_000 }, async (t) => {
  const firefox = await firefoxFor(t);
  for (const [build, url] of [['threads', servers.isolated], ['single', servers.plain]]) {
    const { page, ready, collect } = await openFirefoxPlayground(firefox.browser, url);
    assert.equal(ready.build, build);
    assert.equal(ready.crossOriginIsolated, build === 'threads');
    const demos = await page.evaluate(() => playground.demos());
    assert.ok(demos.length >= 10, `demos: ${demos.map((d) => d.id)}`);
    for (const d of demos) assert.ok(d.id && Array.isArray(d.params) && Array.isArray(d.timings), JSON.stringify(d).slice(0, 200));

    const refused = await runOutcome(page, 'threads', { threads: 99 });
    assert.equal(refused.error?.name, 'ParamError');
    assert.match(refused.error.message, /threads/);
    const checked = await page.evaluate(() => playground.validate('asyncio', { tasks: 2 }).then((p) => p, (e) => ({ error: e.name })));
    assert.equal(checked.tasks, 2);

    const asyncio = assertResult(await runOutcome(page, 'asyncio', { tasks: 3, steps: 2, delay_ms: 20 }));
    assert.equal(asyncio.build, build);
    assert.deepEqual(asyncio.value.printed, [1, 2, 3].map((task) => [1, 2].map((step) => `task ${task} step ${step}`)));
    assertTraceInvariants(asyncio);
    if (build === 'threads') checkThreads(await runOutcome(page, 'threads', { threads: 3, steps: 2, delay_ms: 20 }), { threads: 3, steps: 2 });
    else assert.equal((await runOutcome(page, 'threads', { threads: 2 })).error?.name, 'IsolationError');

    // Cancel a long run: it rejects with an AbortError, and the next run works.
    const cancelled = await page.evaluate(async () => {
      const pending = playground.run('asyncio', { tasks: 2, steps: 20, delay_ms: 200 }).then(() => 'resolved', (e) => e.name);
      await new Promise((r) => setTimeout(r, 300));
      playground.cancel();
      return pending;
    });
    assert.equal(cancelled, 'AbortError');
    assertResult(await runOutcome(page, 'asyncio', { tasks: 1, steps: 1, delay_ms: 1 }), 'the run after a cancel');
    assertNoProblems(await collect());
    await page.close();
  }
});

test('every demo runs once on both builds (those that need threads are refused on the single build)', { timeout: 240_000 }, async (t) => {
  const firefox = await firefoxFor(t);
  for (const [build, url] of [['threads', servers.isolated], ['single', servers.plain]]) {
    const { page, ready, collect } = await openFirefoxPlayground(firefox.browser, url);
    assert.equal(ready.build, build);
    const demos = await page.evaluate(() => playground.demos());
    let ran = 0;
    for (const demo of demos) {
      let params = cheapestParams(demo);
      let r = await withDeadline(runOutcome(page, demo.id, params), 90_000, `${build}: ${demo.id}`);
      if (build === 'single' && demo.needsThreads) {
        assert.equal(r.error?.name, 'IsolationError', `${demo.id}: ${JSON.stringify(r.error ?? {})}`);
        continue;
      }
      // On the single build a choice may need threads (executors' kind "thread"): another value runs.
      const others = demo.params.filter((p) => p.type === 'choice').flatMap((p) => p.options.map((o) => ({ ...params, [p.name]: o })));
      while (build === 'single' && r.error?.name === 'IsolationError' && others.length > 0) {
        params = others.shift();
        r = await withDeadline(runOutcome(page, demo.id, params), 90_000, `${build}: ${demo.id}`);
      }
      assertResult(r, `${build}: ${demo.id} ${JSON.stringify(params)}`);
      assert.equal(r.demo, demo.id);
      // (A demo may run on a build of its own, as python does; one that needs threads runs on them.)
      assert.ok(['threads', 'single'].includes(r.build), `${demo.id}: build ${r.build}`);
      if (demo.needsThreads) assert.equal(r.build, 'threads', `${demo.id} ran on the ${r.build} build`);
      assertTraceInvariants(r);
      if ('matches_sequential' in r.stats) assert.equal(r.stats.matches_sequential, true, `${build}: ${demo.id} differs from the sequential answer`);
      ran++;
    }
    assert.ok(ran >= (build === 'threads' ? demos.length : 3), `${build}: only ${ran} demos ran`);
    assertNoProblems(await collect());
    await page.close();
  }
});

test('the page: Run draws the lanes and the output, Stop (Escape) stops a long run', { timeout: 120_000 }, async (t) => {
  const firefox = await firefoxFor(t);
  const { page, collect } = await openFirefoxPlayground(firefox.browser, `${servers.isolated}?demo=threads`);
  await page.locator('#param-threads').fill('3');
  await page.locator('#param-delay_ms').fill('20');
  await page.waitForSelector('#run:not([disabled])');
  await page.click('#run');
  await page.waitForSelector('#output li');
  await page.waitForFunction(() => document.querySelector('#run') && !document.querySelector('#run').disabled);
  const lanes = await page.$$eval('#timeline-lanes li', (items) => items.map((li) => li.textContent.split(' (')[0]));
  assert.deepEqual(lanes, ['main thread', 'thread 1', 'thread 2', 'thread 3']);
  assert.equal(await page.$$eval('#output li', (items) => items.length), 3 * 5 + 2);
  assert.match(await page.$eval('[data-stat="wall_ms"] dd', (dd) => dd.textContent), /\d/);

  await page.locator('#param-delay_ms').fill('2000');
  await page.click('#run');
  await page.waitForSelector('#stop:not([disabled])');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('#status').textContent.includes('Stopped'), { timeout: 10_000 });
  // Stopped, and the page runs again.
  await page.locator('#param-delay_ms').fill('5');
  await page.click('#run');
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('Done'), { timeout: 30_000 });
  assertNoProblems(await collect());
});
