// The walking skeleton through the real page: both builds, the JS API contract,
// validation, cancellation, and a first drawing of the run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useServersAndBrowser, openPlayground, run, overlaps } from './support.mjs';

const env = useServersAndBrowser(before, after);

const threadSymbol = (thread, step) =>
  thread === 0 ? String(step + 1) : thread === 1 ? String.fromCharCode(97 + step) : String.fromCharCode(65 + step);

test('with isolation headers the threads build runs and demos() publishes every schema', async () => {
  const { page, problems, ready } = await openPlayground(env.browser.context, env.servers.isolated);
  assert.equal(ready.build, 'threads');
  assert.equal(ready.crossOriginIsolated, true);
  assert.ok(ready.threads >= 3, `pool of ${ready.threads}`);
  assert.ok(ready.cores >= 1);
  const demos = await page.evaluate(() => playground.demos());
  const ids = demos.map((d) => d.id);
  for (const id of ['threads', 'asyncio']) assert.ok(ids.includes(id), id);
  assert.equal(demos.find((d) => d.id === 'threads').needsThreads, true);
  for (const demo of demos) {
    for (const p of demo.params) {
      assert.ok(p.name && p.type && p.help, `${demo.id}.${p.name}`);
      assert.ok('default' in p);
      if (p.type === 'int') assert.ok(p.min <= p.default && p.default <= p.max, `${demo.id}.${p.name} default in range`);
    }
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('threads run: one lane per thread, sleeps overlap, output interleaves and equals the sequential answer', async () => {
  const { page, problems } = await openPlayground(env.browser.context, env.servers.isolated);
  const r = await run(page, 'threads', { threads: 3, steps: 4, delay_ms: 60 });
  assert.equal(r.error, undefined, JSON.stringify(r.error));
  assert.equal(r.build, 'threads');
  assert.deepEqual(r.params, { threads: 3, steps: 4, delay_ms: 60 });
  const threadLanes = r.lanes.filter((l) => l.kind === 'thread');
  assert.equal(threadLanes.length, 3);
  assert.equal(r.lanes.filter((l) => l.kind === 'main').length, 1);
  const sleeps = (lane) => r.spans.filter((s) => s.lane === lane.id && s.kind === 'sleep');
  for (let a = 0; a < 3; a++) {
    for (let b = a + 1; b < 3; b++) {
      const together = sleeps(threadLanes[a]).some((x) => sleeps(threadLanes[b]).some((y) => overlaps(x, y)));
      assert.ok(together, `${threadLanes[a].label} and ${threadLanes[b].label} never slept at the same time`);
    }
  }
  for (let i = 1; i < r.logs.length; i++) assert.ok(r.logs[i - 1].t_ms <= r.logs[i].t_ms, 'logs in time order');
  // Interleaved: some thread printed between two lines of another.
  const order = r.logs.filter((l) => threadLanes.some((t) => t.id === l.lane)).map((l) => l.lane);
  const switches = order.slice(1).filter((lane, i) => lane !== order[i]).length;
  assert.ok(switches > threadLanes.length - 1, `output grouped by thread (${switches} switches)`);
  const expected = [0, 1, 2].map((t) => [0, 1, 2, 3].map((s) => threadSymbol(t, s)));
  assert.deepEqual(r.value.printed, expected);
  for (const s of r.spans) {
    assert.ok(s.start_ms >= 0 && s.start_ms <= s.end_ms && s.end_ms <= r.wall_ms + 0.01, JSON.stringify(s));
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('asyncio run: one event-loop lane whose tasks wait at the same time', async () => {
  const { page, problems } = await openPlayground(env.browser.context, env.servers.isolated);
  const r = await run(page, 'asyncio', { tasks: 4, steps: 2, delay_ms: 80 });
  assert.equal(r.error, undefined, JSON.stringify(r.error));
  assert.equal(r.lanes.length, 1);
  assert.equal(r.lanes[0].kind, 'event-loop');
  const sleeps = r.spans.filter((s) => s.kind === 'sleep');
  const t0 = sleeps.filter((s) => s.task === 0);
  const t1 = sleeps.filter((s) => s.task === 1);
  assert.ok(t0.some((a) => t1.some((b) => overlaps(a, b))), 'task waits never overlapped');
  // Overlap, not speed: four tasks waiting together cannot take the sum of their waits.
  assert.ok(r.wall_ms < (4 * 2 * 80) / 2, `wall ${r.wall_ms} ms`);
  const expected = [0, 1, 2, 3].map((t) => [0, 1].map((s) => `task ${t + 1} step ${s + 1}`));
  assert.deepEqual(r.value.printed, expected);
  assert.deepEqual(problems, []);
  await page.close();
});

test('bad parameters are refused with a ParamError naming the parameter and its range', async () => {
  const { page, problems } = await openPlayground(env.browser.context, env.servers.isolated);
  const cases = [
    ['nope', {}, 'nope'],
    ['threads', { bogus: 1 }, 'bogus'],
    ...[['"3"', '3'], ['NaN', NaN], ['Infinity', Infinity], ['-1', -1], ['0', 0], ['9', 9], ['2.5', 2.5], ['null', null], ['[3]', [3]], ['{}', {}], ['true', true]].map(
      ([, v]) => ['threads', { threads: v }, 'threads', 'from 1 to 8'],
    ),
    ['asyncio', { tasks: 1001 }, 'tasks', 'from 1 to 1000'],
  ];
  for (const [id, params, name, range] of cases) {
    const r = await run(page, id, params);
    assert.ok(r.error, `${id} ${JSON.stringify(params)} was accepted`);
    assert.equal(r.error.name, 'ParamError', r.error.message);
    assert.ok(r.error.message.includes(`"${name}"`), r.error.message);
    if (range) assert.ok(r.error.message.includes(range), r.error.message);
  }
  const fine = await run(page, 'asyncio', { tasks: 2, steps: 1, delay_ms: 10 });
  assert.equal(fine.error, undefined);
  assert.deepEqual(problems, []);
  await page.close();
});

test('cancel stops long runs with an AbortError and the next run works', async () => {
  const { page, problems } = await openPlayground(env.browser.context, env.servers.isolated);
  for (const [id, params] of [['threads', { threads: 3, steps: 50, delay_ms: 1000 }], ['asyncio', { tasks: 5, steps: 50, delay_ms: 1000 }]]) {
    const outcome = await page.evaluate(async ([id, params]) => {
      const pending = playground.run(id, params).then(() => 'resolved', (e) => e.name);
      await new Promise((r) => setTimeout(r, 300));
      playground.cancel();
      const settled = await Promise.race([pending, new Promise((r) => setTimeout(() => r('still running after 2 s'), 2000))]);
      return settled;
    }, [id, params]);
    assert.equal(outcome, 'AbortError', id);
    const next = await run(page, 'threads', { threads: 2, steps: 2, delay_ms: 10 });
    assert.equal(next.error, undefined, `after cancelling ${id}: ${JSON.stringify(next.error)}`);
    assert.deepEqual(next.value.printed, [['1', '2'], ['a', 'b']]);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('cancel while the engine is still starting rejects the run, and a run then works', async () => {
  const page = await env.browser.context.newPage();
  await page.goto(env.servers.isolated);
  const name = await page.evaluate(() => {
    const pending = playground.run('asyncio', {});
    playground.cancel();
    return pending.then(() => 'resolved', (e) => e.name);
  });
  assert.equal(name, 'AbortError');
  const r = await run(page, 'asyncio', { tasks: 1, steps: 1, delay_ms: 5 });
  assert.equal(r.error, undefined);
  await page.close();
});

test('a second run while one is in flight is refused without disturbing the first', async () => {
  const { page } = await openPlayground(env.browser.context, env.servers.isolated);
  const [second, first] = await page.evaluate(async () => {
    const first = playground.run('asyncio', { tasks: 2, steps: 2, delay_ms: 100 });
    const second = await playground.run('asyncio', {}).then(() => 'resolved', (e) => e.name);
    return [second, (await first).value.printed.length];
  });
  assert.equal(second, 'InvalidStateError');
  assert.equal(first, 2);
  await page.close();
});

test('without isolation headers the single build runs asyncio and refuses threads plainly', async () => {
  const { page, problems, ready } = await openPlayground(env.browser.context, env.servers.plain);
  assert.equal(ready.build, 'single');
  assert.equal(ready.crossOriginIsolated, false);
  const a = await run(page, 'asyncio', { tasks: 3, steps: 1, delay_ms: 20 });
  assert.equal(a.error, undefined);
  assert.equal(a.lanes.length, 1);
  const t = await run(page, 'threads', {});
  assert.equal(t.error?.name, 'IsolationError');
  assert.match(t.error.message, /cross-origin isolated/);
  // Validation comes first: the caller's mistake is named whatever the build.
  const bad = await run(page, 'threads', { threads: 0 });
  assert.equal(bad.error?.name, 'ParamError');
  // The page says so too, with a link to the full playground, and does not offer Run.
  await page.goto(`${env.servers.plain}?demo=threads`);
  await page.waitForSelector('#demo-notice:not([hidden]) a');
  assert.equal(await page.locator('#run').isDisabled(), true);
  assert.deepEqual(problems, []);
  await page.close();
});

test('?build=single picks the single build even where threads are available', async () => {
  const { page, ready } = await openPlayground(env.browser.context, `${env.servers.isolated}?build=single`);
  assert.equal(ready.build, 'single');
  assert.equal(ready.crossOriginIsolated, true);
  await page.close();
});

test('the page runs a demo from its Run button and draws its lanes and output', async () => {
  const { page, problems } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=threads`);
  await page.fill('#param-threads', '3');
  await page.fill('#param-delay_ms', '20');
  await page.click('#run');
  await page.waitForSelector('#output li');
  const lanes = await page.locator('#timeline-lanes li').allTextContents();
  assert.equal(lanes.length, 4);
  assert.deepEqual(lanes.map((l) => l.split(' (')[0]), ['main thread', 'thread 1', 'thread 2', 'thread 3']);
  assert.equal(await page.locator('#output li').count(), 3 * 5 + 2);
  assert.match(await page.locator('[data-stat="wall_ms"] dd').textContent(), /\d/);
  // Stop from the keyboard: Escape cancels a long run.
  await page.fill('#param-delay_ms', '2000');
  await page.click('#run');
  await page.waitForSelector('#stop:not([disabled])');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('#status').textContent.includes('Stopped'));
  assert.deepEqual(problems, []);
  await page.close();
});
