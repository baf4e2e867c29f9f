// The JS API contract (`window.playground`, DESIGN.md "Contracts"), driven through
// page.evaluate on the site root, in both builds: ready/demos, the threads and asyncio
// traces, parameter validation, cancellation (during a run and during engine start),
// one run at a time, the single build without isolation headers (and the page's notice
// there), and ?build=single. The page's own Run button is in skeleton.test.mjs.
//
// Every test fails on any page error, CSP violation or console error. Assertions are
// invariants of the trace (intersections, ordering, answers), never speed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServersAndBrowser,
  startBrowser,
  openPlayground,
  recordProblems,
  runOutcome as runDemo,
  assertResult,
  assertNoProblems,
  someOverlap,
  isInterleaved,
  assertTraceInvariants,
} from './support.mjs';

const env = useServersAndBrowser(before, after);
// Generous (the machine has 2 cores and may be busy): a bound on hangs, never a speed target.
const opts = { timeout: 45_000 };

/** openPlayground in `context` (the shared browser by default), the page closed when test `t` ends. */
async function open(t, url, context = env.browser.context) {
  const opened = await openPlayground(context, url);
  t.after(() => opened.page.close().catch(() => {}));
  return opened;
}

// What thread `t` prints at step `s`, from the rule in src/demos/threads.rs, written here
// independently: thread 1 prints "1", "2", ...; thread 2 "a", "b", ...; thread 3 "A", "B", ...
function threadsAnswer(threads, steps) {
  const symbol = (t, s) => {
    if (t === 0) return String(s + 1);
    if (t === 1) return 'abcdefghijklmnopqrstuvwxyz'[s];
    if (t === 2) return 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[s];
    throw new Error('only three threads are modelled here');
  };
  return Array.from({ length: threads }, (_, t) => Array.from({ length: steps }, (_, s) => symbol(t, s)));
}

// What coroutine `t` prints at step `s` (src/demos/asyncio.rs): "task T step S", from 1.
function asyncioAnswer(tasks, steps) {
  return Array.from({ length: tasks }, (_, t) => Array.from({ length: steps }, (_, s) => `task ${t + 1} step ${s + 1}`));
}

function checkThreadsResult(r, threads, steps, delay_ms) {
  assertResult(r, `threads ${JSON.stringify({ threads, steps, delay_ms })}`);
  assert.equal(r.demo, 'threads');
  assert.equal(r.build, 'threads');
  assert.deepEqual(r.params, { threads, steps, delay_ms });
  assert.deepEqual(r.value.printed, threadsAnswer(threads, steps));
  assertTraceInvariants(r);
}

function checkAsyncioResult(r, tasks, steps, delay_ms, build) {
  assertResult(r, `asyncio ${JSON.stringify({ tasks, steps, delay_ms })}`);
  assert.equal(r.demo, 'asyncio');
  assert.equal(r.build, build);
  assert.deepEqual(r.value.printed, asyncioAnswer(tasks, steps));
  assert.equal(r.lanes.length, 1, `lanes: ${JSON.stringify(r.lanes)}`);
  assert.equal(r.lanes[0].kind, 'event-loop');
  assertTraceInvariants(r);
}

/**
 * In the page: starts a run, waits `waitMs`, cancels it, and reports how it settled
 * (or that it had not settled `limitMs` after the cancel).
 */
function startWaitCancel(page, id, params, waitMs = 300, limitMs = 2000) {
  return page.evaluate(
    async ([id, params, waitMs, limitMs]) => {
      let settledAt = null;
      const pending = window.playground.run(id, params).then(
        () => ({ settled: 'resolved' }),
        (e) => ({ settled: 'rejected', name: e?.name, message: String(e?.message), isError: e instanceof Error }),
      ).then((o) => {
        settledAt = performance.now();
        return o;
      });
      await new Promise((r) => setTimeout(r, waitMs));
      const settledBeforeCancel = settledAt !== null;
      const cancelledAt = performance.now();
      window.playground.cancel();
      const outcome = await Promise.race([
        pending,
        new Promise((r) => setTimeout(() => r({ settled: `not settled ${limitMs} ms after cancel()` }), limitMs)),
      ]);
      return { ...outcome, settledBeforeCancel, msAfterCancel: settledAt === null ? null : settledAt - cancelledAt };
    },
    [id, params, waitMs, limitMs],
  );
}

test('with isolation headers, ready reports the threads build and demos() publishes every schema, threads and asyncio in full', opts, async (t) => {
  const { page, problems, ready } = await open(t, env.servers.isolated);
  assert.equal(ready.build, 'threads');
  assert.equal(ready.crossOriginIsolated, true);
  assert.ok(Number.isInteger(ready.threads) && ready.threads >= 3, `threads: ${ready.threads}`);
  assert.ok(Number.isInteger(ready.cores) && ready.cores >= 1, `cores: ${ready.cores}`);

  const demos = await page.evaluate(() => window.playground.demos());
  assert.ok(Array.isArray(demos));
  const byId = new Map(demos.map((d) => [d.id, d]));
  assert.equal(byId.size, demos.length, 'demo ids are unique');
  for (const id of ['threads', 'asyncio']) {
    const demo = byId.get(id);
    assert.ok(demo, `demos() lacks "${id}": ${[...byId.keys()].join(', ')}`);
    assert.ok(Array.isArray(demo.params) && demo.params.length > 0, `${id} has params`);
    for (const p of demo.params) {
      for (const field of ['name', 'type', 'default', 'min', 'max', 'unit', 'help']) {
        assert.ok(field in p, `${id}.${p.name} lacks "${field}": ${JSON.stringify(p)}`);
      }
      assert.equal(typeof p.name, 'string');
      assert.equal(p.type, 'int', `${id}.${p.name}`);
      assert.ok(p.help.length > 0, `${id}.${p.name} help`);
      assert.ok(p.min <= p.default && p.default <= p.max, `${id}.${p.name}: default ${p.default} not in ${p.min}..${p.max}`);
    }
  }
  // Every demo's schema, not only these two: named, typed, explained, with a default in range.
  for (const demo of demos) {
    assert.ok(Array.isArray(demo.params), `${demo.id} has a params list`);
    for (const p of demo.params) {
      assert.ok(p.name && p.type && p.help, `${demo.id}.${p.name}: ${JSON.stringify(p)}`);
      assert.ok('default' in p, `${demo.id}.${p.name} has a default`);
      if (p.type === 'int') assert.ok(p.min <= p.default && p.default <= p.max, `${demo.id}.${p.name}: default ${p.default} not in ${p.min}..${p.max}`);
    }
  }
  const threads = byId.get('threads');
  assert.equal(threads.needsThreads, true);
  assert.equal(byId.get('asyncio').needsThreads, false);
  const threadsParam = threads.params.find((p) => p.name === 'threads');
  assert.ok(threadsParam, 'threads demo has a "threads" parameter');
  assert.equal(threadsParam.min, 1);
  assert.equal(threadsParam.max, 8);
  assert.deepEqual(threads.params.map((p) => p.name).sort(), ['delay_ms', 'steps', 'threads']);
  assert.equal(threads.params.find((p) => p.name === 'delay_ms').unit, 'ms');
  // demos() hands out a copy: changing it does not change the next answer.
  const again = await page.evaluate(() => {
    const first = window.playground.demos();
    first[0].id = 'changed';
    return window.playground.demos()[0].id;
  });
  assert.notEqual(again, 'changed');
  assertNoProblems(problems);
});

test('threads run: three thread lanes whose sleeps all overlap pairwise, interleaved sorted output, the sequential answer', opts, async (t) => {
  const { page, problems } = await open(t, env.servers.isolated);
  const params = { threads: 3, steps: 4, delay_ms: 60 };
  const r = await runDemo(page, 'threads', params);
  checkThreadsResult(r, 3, 4, 60);

  const threadLanes = r.lanes.filter((l) => l.kind === 'thread');
  assert.equal(threadLanes.length, 3, `lanes: ${JSON.stringify(r.lanes)}`);
  const mainLanes = r.lanes.filter((l) => l.kind === 'main');
  assert.equal(mainLanes.length, 1, `lanes: ${JSON.stringify(r.lanes)}`);
  assert.equal(r.lanes.length, 4, `only main + 3 threads: ${JSON.stringify(r.lanes)}`);

  // Every thread slept `steps` times, and every pair of threads slept at the same time.
  const sleepsOf = (lane) => r.spans.filter((s) => s.lane === lane.id && s.kind === 'sleep');
  for (const lane of threadLanes) assert.equal(sleepsOf(lane).length, 4, `${lane.label} sleeps`);
  for (let a = 0; a < threadLanes.length; a++) {
    for (let b = a + 1; b < threadLanes.length; b++) {
      assert.ok(
        someOverlap(sleepsOf(threadLanes[a]), sleepsOf(threadLanes[b])),
        `${threadLanes[a].label} and ${threadLanes[b].label} never slept at the same time:\n` +
          JSON.stringify([sleepsOf(threadLanes[a]), sleepsOf(threadLanes[b])]),
      );
    }
  }

  // The printed lines of the thread lanes interleave: not grouped thread by thread.
  const threadIds = new Set(threadLanes.map((l) => l.id));
  const printedLanes = r.logs.filter((l) => threadIds.has(l.lane)).map((l) => l.lane);
  assert.equal(printedLanes.length, 3 * 4, 'one log line per printed symbol');
  assert.ok(isInterleaved(printedLanes), `output grouped per thread: ${JSON.stringify(printedLanes)}`);

  // Each thread lane's log lines are exactly what value.printed says that thread printed.
  const printedBy = threadLanes.map((lane) => r.logs.filter((l) => l.lane === lane.id).map((l) => l.text));
  const asSet = (lists) => lists.map((l) => JSON.stringify(l)).sort();
  assert.deepEqual(asSet(printedBy), asSet(r.value.printed));
  // No span starts before the run did (strict: no slack).
  for (const s of r.spans) assert.ok(s.start_ms >= 0, `span starts before the run: ${JSON.stringify(s)}`);
  assertNoProblems(problems);
});

test('asyncio run: one event-loop lane, sleeps of different tasks overlap, wall time below half the summed sleeps, the sequential answer', opts, async (t) => {
  const { page, problems } = await open(t, env.servers.isolated);
  const [tasks, steps, delay] = [4, 2, 80];
  const r = await runDemo(page, 'asyncio', { tasks, steps, delay_ms: delay });
  checkAsyncioResult(r, tasks, steps, delay, 'threads');
  // Defaults are filled in and echoed.
  assert.deepEqual(r.params, { tasks, steps, delay_ms: delay, blocking_ms: 0 });

  const sleeps = r.spans.filter((s) => s.kind === 'sleep');
  assert.equal(sleeps.length, tasks * steps, 'one sleep span per await');
  const ofTask = (task) => sleeps.filter((s) => s.task === task);
  for (let task = 0; task < tasks; task++) assert.equal(ofTask(task).length, steps, `task ${task} sleeps`);
  for (let a = 0; a < tasks; a++) {
    for (let b = a + 1; b < tasks; b++) {
      assert.ok(someOverlap(ofTask(a), ofTask(b)), `tasks ${a + 1} and ${b + 1} never waited at the same time`);
    }
  }
  // Overlapping waits, not a speed target: 4 tasks waiting together take about a quarter of the sum.
  const sum = tasks * steps * delay;
  assert.ok(r.wall_ms < sum / 2, `wall_ms ${r.wall_ms} is not below half the summed sleeps (${sum} ms)`);
  assertNoProblems(problems);
});

test('bad parameters reject with a ParamError naming the parameter and its allowed range, and valid threads and asyncio runs still work', opts, async (t) => {
  const { page, problems } = await open(t, env.servers.isolated);
  const range = 'from 1 to 8';
  const badThreads = [
    ['the string "3"', '3'],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['-1', -1],
    ['0', 0],
    ['9 (above max 8)', 9],
    ['2.5', 2.5],
    ['null', null],
    ['an array [3]', [3]],
    ['an object {}', {}],
    ['true', true],
  ];
  const cases = [
    { what: 'unknown demo "nope"', id: 'nope', params: {}, mentions: ['"nope"', 'threads', 'asyncio'] },
    { what: 'unknown parameter bogus', id: 'threads', params: { bogus: 1 }, mentions: ['"bogus"', 'threads', 'steps', 'delay_ms'] },
    ...badThreads.map(([what, value]) => ({ what: `threads = ${what}`, id: 'threads', params: { threads: value }, mentions: ['"threads"', range] })),
    { what: 'asyncio tasks = 1001', id: 'asyncio', params: { tasks: 1001 }, mentions: ['"tasks"', 'from 1 to 1000'] },
  ];
  for (const c of cases) {
    const r = await runDemo(page, c.id, c.params);
    assert.ok(r.error, `${c.what}: accepted, gave ${JSON.stringify(r).slice(0, 200)}`);
    assert.equal(r.error.isError, true, `${c.what}: the rejection is not an Error`);
    assert.equal(r.error.name, 'ParamError', `${c.what}: ${r.error.name}: ${r.error.message}`);
    for (const text of c.mentions) {
      assert.ok(r.error.message.includes(text), `${c.what}: message lacks ${text}: ${r.error.message}`);
    }
  }
  const r = await runDemo(page, 'threads', { threads: 3, steps: 2, delay_ms: 10 });
  checkThreadsResult(r, 3, 2, 10);
  checkAsyncioResult(await runDemo(page, 'asyncio', { tasks: 2, steps: 1, delay_ms: 10 }), 2, 1, 10, 'threads');
  assertNoProblems(problems);
});

test('cancel rejects a long threads run with AbortError within 2 s, then a threads run is correct', opts, async (t) => {
  const { page, problems } = await open(t, env.servers.isolated);
  const o = await startWaitCancel(page, 'threads', { threads: 3, steps: 50, delay_ms: 1000 });
  assert.equal(o.settledBeforeCancel, false, `the run settled before cancel(): ${JSON.stringify(o)}`);
  assert.equal(o.settled, 'rejected', JSON.stringify(o));
  assert.equal(o.name, 'AbortError', JSON.stringify(o));
  assert.equal(o.isError, true);
  const r = await runDemo(page, 'threads', { threads: 3, steps: 3, delay_ms: 20 });
  checkThreadsResult(r, 3, 3, 20);
  assert.equal(r.lanes.filter((l) => l.kind === 'thread').length, 3);
  assertNoProblems(problems);
});

test('cancel rejects a long asyncio run with AbortError within 2 s, then an asyncio run is correct', opts, async (t) => {
  const { page, problems } = await open(t, env.servers.isolated);
  const o = await startWaitCancel(page, 'asyncio', { tasks: 5, steps: 50, delay_ms: 1000 });
  assert.equal(o.settledBeforeCancel, false, `the run settled before cancel(): ${JSON.stringify(o)}`);
  assert.equal(o.settled, 'rejected', JSON.stringify(o));
  assert.equal(o.name, 'AbortError', JSON.stringify(o));
  assert.equal(o.isError, true);
  const r = await runDemo(page, 'asyncio', { tasks: 3, steps: 2, delay_ms: 20 });
  checkAsyncioResult(r, 3, 2, 20, 'threads');
  // And the other engine path too: threads after a cancelled asyncio run.
  checkThreadsResult(await runDemo(page, 'threads', { threads: 2, steps: 2, delay_ms: 10 }), 2, 2, 10);
  assertNoProblems(problems);
});

test('cancel right after run() on a freshly loaded page rejects with AbortError, then a run works', opts, async (t) => {
  // Do not wait for playground.ready: the run is most likely still waiting for the engine.
  const page = await env.browser.context.newPage();
  t.after(() => page.close().catch(() => {}));
  const problems = await recordProblems(page);
  await page.goto(env.servers.isolated, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => typeof window.playground === 'object' && window.playground !== null, null, { timeout: 30_000 });
  const o = await page.evaluate(() => {
    const p = window.playground.run('asyncio', {});
    window.playground.cancel();
    return Promise.race([
      p.then(
        () => ({ settled: 'resolved' }),
        (e) => ({ settled: 'rejected', name: e?.name, message: String(e?.message), isError: e instanceof Error }),
      ),
      // Generous: the engine may still have to start before the cancel reaches the run.
      new Promise((r) => setTimeout(() => r({ settled: 'not settled 20 s after cancel()' }), 20_000)),
    ]);
  });
  assert.equal(o.settled, 'rejected', JSON.stringify(o));
  assert.equal(o.name, 'AbortError', JSON.stringify(o));
  assert.equal(o.isError, true);
  const ready = await page.evaluate(() => window.playground.ready);
  assert.equal(ready.build, 'threads');
  checkAsyncioResult(await runDemo(page, 'asyncio', { tasks: 2, steps: 2, delay_ms: 10 }), 2, 2, 10, 'threads');
  assertNoProblems(problems);
});

test('the thread pool starts after ready: a run sent at once waits for it, a cancel during that wait ends the run without replacing the engine, and the next run has real threads', opts, async (t) => {
  const page = await env.browser.context.newPage();
  t.after(() => page.close().catch(() => {}));
  const problems = await recordProblems(page);
  const engines = [];
  page.on('worker', (w) => { if (w.url().includes('engine-worker')) engines.push(w.url()); });
  await page.goto(env.servers.isolated);
  const cancelled = await page.evaluate(async () => {
    await playground.ready;
    const pending = playground.run('threads', { threads: 3, steps: 2, delay_ms: 20 }).then(() => 'finished', (e) => e.name);
    // Long enough for the run to reach the engine, well short of the pool's start (8 workers).
    await new Promise((r) => setTimeout(r, 20));
    playground.cancel();
    return pending;
  });
  assert.equal(cancelled, 'AbortError');
  const r = await runDemo(page, 'threads', { threads: 3, steps: 4, delay_ms: 60 });
  checkThreadsResult(r, 3, 4, 60);
  const sleeps = (lane) => r.spans.filter((s) => s.lane === lane.id && s.kind === 'sleep');
  const [a, b, c] = r.lanes.filter((l) => l.kind === 'thread');
  assert.ok(someOverlap(sleeps(a), sleeps(b)) && someOverlap(sleeps(b), sleeps(c)), 'the three threads did not sleep at once');
  // A cancel the engine ignored would have had the worker terminated and replaced.
  assert.equal(engines.length, 1, `engine workers started: ${engines.length}`);
  assertNoProblems(problems);
});

test('a second run while one is in flight, at once or once it reached the engine, rejects with InvalidStateError and does not disturb the first', opts, async (t) => {
  const { page, problems } = await open(t, env.servers.isolated);
  const o = await page.evaluate(async () => {
    const settle = (p) =>
      p.then(
        (result) => ({ result }),
        (e) => ({ error: { name: e?.name, message: String(e?.message), isError: e instanceof Error } }),
      );
    const first = settle(window.playground.run('asyncio', { tasks: 3, steps: 2, delay_ms: 150 }));
    // A second run in the same turn, before the first can have reached the engine.
    const secondAtOnce = await settle(window.playground.run('asyncio', {}));
    // Give the first run time to reach the engine, then try two more kinds of second run.
    await new Promise((r) => setTimeout(r, 50));
    const secondSame = await settle(window.playground.run('asyncio', {}));
    const secondOther = await settle(window.playground.run('threads', { threads: 2, steps: 1, delay_ms: 0 }));
    return { first: await first, secondAtOnce, secondSame, secondOther };
  });
  for (const second of [o.secondAtOnce, o.secondSame, o.secondOther]) {
    assert.ok(second.error, `a second run was accepted: ${JSON.stringify(second).slice(0, 200)}`);
    assert.equal(second.error.name, 'InvalidStateError', JSON.stringify(second.error));
    assert.equal(second.error.isError, true);
  }
  assert.equal(o.first.error, undefined, `the first run was disturbed: ${JSON.stringify(o.first.error)}`);
  checkAsyncioResult(o.first.result, 3, 2, 150, 'threads');
  assert.deepEqual(o.first.result.params, { tasks: 3, steps: 2, delay_ms: 150, blocking_ms: 0 });
  // Once the first has finished, the next run is accepted.
  checkThreadsResult(await runDemo(page, 'threads', { threads: 2, steps: 2, delay_ms: 5 }), 2, 2, 5);
  assertNoProblems(problems);
});

test('without isolation headers: the single build runs asyncio, refuses threads with IsolationError, still validates first, and the page says so', opts, async (t) => {
  const { page, problems, ready } = await open(t, env.servers.plain);
  assert.equal(ready.build, 'single');
  assert.equal(ready.crossOriginIsolated, false);
  assert.ok(ready.cores >= 1);
  const demos = await page.evaluate(() => window.playground.demos());
  assert.equal(demos.find((d) => d.id === 'threads')?.needsThreads, true);

  const a = await runDemo(page, 'asyncio', { tasks: 3, steps: 2, delay_ms: 30 });
  checkAsyncioResult(a, 3, 2, 30, 'single');

  for (const params of [{}, { threads: 3, steps: 2, delay_ms: 10 }]) {
    const r = await runDemo(page, 'threads', params);
    assert.ok(r.error, `threads ran without isolation: ${JSON.stringify(r).slice(0, 200)}`);
    assert.equal(r.error.name, 'IsolationError', JSON.stringify(r.error));
    assert.equal(r.error.isError, true);
    assert.ok(r.error.message.includes('cross-origin isolated'), r.error.message);
  }
  // Validation comes before the isolation check: the caller's mistake is named.
  for (const [params, mentions] of [
    [{ threads: 0 }, ['"threads"', 'from 1 to 8']],
    [{ threads: 9 }, ['"threads"', 'from 1 to 8']],
    [{ threads: NaN }, ['"threads"', 'from 1 to 8']],
    [{ bogus: 1 }, ['"bogus"']],
  ]) {
    const r = await runDemo(page, 'threads', params);
    assert.equal(r.error?.name, 'ParamError', `${JSON.stringify(params)}: ${JSON.stringify(r.error)}`);
    for (const text of mentions) assert.ok(r.error.message.includes(text), r.error.message);
  }
  // Refusals leave the engine usable.
  checkAsyncioResult(await runDemo(page, 'asyncio', { tasks: 2, steps: 1, delay_ms: 5 }), 2, 1, 5, 'single');
  // The page says so too, with a link to the full playground, and does not offer Run.
  await page.goto(`${env.servers.plain}?demo=threads`);
  await page.waitForSelector('#demo-notice:not([hidden]) a');
  assert.equal(await page.locator('#run').isDisabled(), true);
  assertNoProblems(problems);
});

test('?build=single on the isolated server gives the single build', opts, async (t) => {
  const { page, problems, ready } = await open(t, `${env.servers.isolated}?build=single`);
  assert.equal(ready.build, 'single');
  // The page is still isolated: only the build choice changed.
  assert.equal(ready.crossOriginIsolated, true);
  const r = await runDemo(page, 'asyncio', { tasks: 2, steps: 2, delay_ms: 10 });
  checkAsyncioResult(r, 2, 2, 10, 'single');
  // The single build has no shared-memory threads, whatever the headers.
  const th = await runDemo(page, 'threads', { threads: 2, steps: 1, delay_ms: 0 });
  assert.equal(th.error?.name, 'IsolationError', JSON.stringify(th.error ?? th.build));
  assertNoProblems(problems);
});

// Found by this suite: a non-string id used to reach wasm-bindgen's String conversion
// unchecked and crash the engine. src/lib.rs now takes the id as a JsValue and checks it.
// Its own browser, so that a regression cannot take the other tests down with it.
test('a demo id that is not a string is refused with a ParamError by run() and validate(), and the engine keeps working', opts, async (t) => {
  const browser = await startBrowser();
  t.after(() => browser.close().catch(() => {}));
  const { page, problems } = await open(t, env.servers.isolated, browser.context);
  const outcomes = await page.evaluate(async () => {
    const ids = { number: 5, null: null, boolean: true, object: {}, array: ['threads'] };
    const out = [];
    for (const fn of ['validate', 'run']) {
      for (const [what, id] of Object.entries(ids)) {
        const o = await Promise.race([
          window.playground[fn](id, {}).then(
            () => ({ name: 'accepted' }),
            (e) => ({ name: e?.name, message: String(e?.message) }),
          ),
          new Promise((r) => setTimeout(() => r({ name: 'no answer', message: 'not settled within 5 s' }), 5000)),
        ]);
        out.push({ call: `${fn}(${what})`, ...o });
        if (o.name !== 'ParamError') return out; // the engine may be broken now: stop here
      }
    }
    return out;
  });
  for (const o of outcomes) assert.equal(o.name, 'ParamError', `${o.call}: ${o.name}: ${o.message}`);
  checkAsyncioResult(await runDemo(page, 'asyncio', { tasks: 2, steps: 1, delay_ms: 5 }), 2, 1, 5, 'threads');
  assertNoProblems(problems);
});

// The native test checks the same against every demo that runs without a browser; here the
// demos with processes (Web Workers) are checked too, on both builds.
for (const build of ['threads', 'single']) {
  test(`${build}: every timing a demo declares in demos() is what its runs report, for each value of its choices`, { timeout: 240_000 }, async (t) => {
    const { page, problems } = await open(t, build === 'threads' ? env.servers.isolated : env.servers.plain);
    assert.equal((await page.evaluate(() => playground.ready)).build, build);
    const demos = await page.evaluate(() => playground.demos());
    let checked = 0;
    for (const demo of demos) {
      const cheapest = Object.fromEntries(demo.params.filter((p) => p.type === 'int').map((p) => [p.name, p.name.endsWith('_ms') ? Math.max(1, p.min) : p.min]));
      if ('sweep' in Object.fromEntries(demo.params.map((p) => [p.name, p]))) cheapest.sweep = false;
      const variants = [cheapest, ...demo.params.filter((p) => p.type === 'choice').flatMap((p) => p.options.map((o) => ({ ...cheapest, [p.name]: o })))];
      for (const params of variants) {
        const r = await runDemo(page, demo.id, params);
        const values = { ...Object.fromEntries(demo.params.map((p) => [p.name, p.default])), ...params };
        const applies = (x) => !x.when || String(values[x.when.param]) === x.when.value;
        if (r.error) {
          // Refused for want of threads: the demo, or a timing declared for these values, needs them.
          assert.equal(r.error.name, 'IsolationError', `${demo.id} ${JSON.stringify(params)}: ${r.error.message}`);
          assert.equal(build, 'single');
          assert.ok(demo.needsThreads || demo.timings.some((x) => x.needsThreads && x.when && applies(x)), `${demo.id} ${JSON.stringify(params)} refused, no timing says it needs threads`);
          continue;
        }
        for (const name of new Set(demo.timings.map((x) => x.name))) {
          const expected = demo.timings.some((x) => x.name === name && applies(x) && (build === 'threads' || !x.needsThreads));
          assert.equal(typeof r.stats[`${name}_ms`] === 'number', expected, `${demo.id} ${JSON.stringify(params)}: ${name}_ms`);
        }
        checked++;
      }
    }
    assert.ok(checked >= (build === 'threads' ? 20 : 10), `only ${checked} runs checked`);
    assertNoProblems(problems);
  });
}
