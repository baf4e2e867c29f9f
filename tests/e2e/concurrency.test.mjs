// The concurrency chapter in the browser, on both builds: every way of running gives
// the sequential answer, and waits overlap exactly where the model allows it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT, useServersAndBrowser, startBrowser, openPlayground, run, anyOverlap, spansOn } from './support.mjs';
import { startServer } from '../../scripts/serve.mjs';

const env = useServersAndBrowser(before, after);

for (const build of ['threads', 'single']) {
  const url = () => (build === 'threads' ? env.servers.isolated : env.servers.plain);

  test(`${build}: concurrency-vs-parallelism phases give the sequential answer; one lane never computes two things at once`, async () => {
    const { page, problems, ready } = await openPlayground(env.browser.context, url());
    assert.equal(ready.build, build);
    const r = await run(page, 'concurrency-vs-parallelism', { tasks: 3, work_ms: 30, threads: 2, slice_ms: 5 });
    assert.equal(r.error, undefined, JSON.stringify(r.error));
    assert.equal(r.stats.matches_sequential, true);
    assert.equal(r.value.checksums.length, 3);
    assert.equal(anyOverlap(spansOn(r, 'sequential', 'cpu')), false);
    const interleaved = spansOn(r, 'concurrent', 'cpu');
    assert.equal(anyOverlap(interleaved), false);
    assert.ok(new Set(interleaved.map((s) => s.task)).size === 3 && interleaved.length > 3, 'tasks were not sliced');
    if (build === 'threads') {
      assert.ok(anyOverlap(spansOn(r, 'parallel', 'cpu')), 'parallel threads never computed at the same time');
      assert.equal(typeof r.stats.speedup_parallel, 'number');
    } else {
      assert.equal(r.lanes.some((l) => l.kind === 'thread'), false);
      assert.ok(r.logs.some((l) => l.text.includes('parallel phase skipped')));
    }
    assert.deepEqual(problems, []);
    await page.close();
  });

  test(`${build}: io-vs-cpu overlaps I/O under async, never CPU on one loop`, async () => {
    const { page, problems } = await openPlayground(env.browser.context, url());
    // Tasks long enough that two threads overlap even when one starts late on a loaded machine.
    const r = await run(page, 'io-vs-cpu', { tasks: 4, io_ms: 60, cpu_ms: 60, workers: 2 });
    assert.equal(r.error, undefined, JSON.stringify(r.error));
    assert.equal(r.stats.matches_sequential, true);
    assert.equal(anyOverlap(spansOn(r, 'I/O, sequential', 'io')), false);
    assert.ok(anyOverlap(spansOn(r, 'I/O, async', 'io')), 'async I/O waits never overlapped');
    assert.equal(anyOverlap(spansOn(r, 'CPU, async', 'cpu')), false);
    if (build === 'threads') assert.ok(anyOverlap(spansOn(r, 'CPU, thread', 'cpu')));
    assert.equal(new Set(r.lanes.filter((l) => l.kind === 'event-loop').map((l) => l.label)).size, 2);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test(`${build}: a coroutine that computes without awaiting makes the others' timers late`, async () => {
    const { page, problems } = await openPlayground(env.browser.context, url());
    const r = await run(page, 'asyncio', { tasks: 3, steps: 2, delay_ms: 30, blocking_ms: 120 });
    assert.equal(r.error, undefined, JSON.stringify(r.error));
    assert.equal(r.lanes.length, 1);
    assert.ok(r.stats.others_max_timer_late_ms > 0, `late by ${r.stats.others_max_timer_late_ms}`);
    const calm = await run(page, 'asyncio', { tasks: 3, steps: 2, delay_ms: 30, blocking_ms: 0 });
    assert.equal(calm.spans.some((s) => s.kind === 'cpu'), false);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test(`${build}: scraper fetches for real; async requests overlap, sequential ones do not`, async () => {
    const { page, problems } = await openPlayground(env.browser.context, url());
    const r = await run(page, 'scraper', { urls: 5, latency_ms: 80, mode: 'async' });
    assert.equal(r.error, undefined, JSON.stringify(r.error));
    assert.equal(r.stats.matches_sequential, true);
    assert.equal(r.stats.failures, 0);
    assert.equal(r.value.urls.length, 5);
    assert.ok(r.value.urls.every((u) => u.ok && u.status === 200 && u.bytes >= 1000));
    assert.equal(anyOverlap(spansOn(r, 'sequential', 'io')), false);
    assert.ok(anyOverlap(spansOn(r, 'async', 'io')), 'async requests never overlapped');
    if (build === 'threads') {
      const t = await run(page, 'scraper', { urls: 6, latency_ms: 80, mode: 'threads', workers: 3 });
      assert.equal(t.error, undefined, JSON.stringify(t.error));
      assert.equal(t.stats.failures, 0);
      const requests = t.spans.filter((s) => s.kind === 'io' && t.lanes[s.lane].kind === 'thread');
      assert.equal(requests.length, 6);
      assert.ok(anyOverlap(requests), 'thread requests never overlapped');
      for (const s of requests) {
        const inFlight = requests.filter((o) => o.start_ms <= s.start_ms && s.start_ms < o.end_ms).length;
        assert.ok(inFlight <= 3, `${inFlight} requests in flight on a pool of 3`);
      }
    } else {
      const t = await run(page, 'scraper', { mode: 'threads' });
      assert.equal(t.error?.name, 'IsolationError');
      assert.match(t.error.message, /mode "threads"/);
    }
    assert.deepEqual(problems, []);
    await page.close();
  });

  test(`${build}: a failing URL is reported on its own and the others succeed`, async () => {
    const { page, problems } = await openPlayground(env.browser.context, url());
    const urls = ['/sim/page/2?latency_ms=10', 'http://127.0.0.1:9/unreachable', '/sim/page/3?latency_ms=10'];
    const r = await run(page, 'scraper', { urls, mode: 'async' });
    assert.equal(r.error, undefined, JSON.stringify(r.error));
    assert.deepEqual(r.value.urls.map((u) => u.ok), [true, false, true]);
    assert.match(r.value.urls[1].error, /fetch|network|CORS/i);
    assert.equal(r.stats.failures, 1);
    assert.ok(r.logs.some((l) => l.text.includes('unreachable') && l.text.includes('failed')));
    const bad = await run(page, 'scraper', { urls: ['javascript:alert(1)'] });
    assert.equal(bad.error?.name, 'ParamError');
    assert.match(bad.error.message, /"urls"/);
    // A refused cross-origin fetch is a console error the browser itself prints: expected here.
    assert.deepEqual(problems.filter((p) => !p.includes('127.0.0.1:9')), []);
    await page.close();
  });
}

// A browser opens at most six connections to one HTTP/1.1 host: pages fetched from the dev
// server past the sixth wait for a free one, a second round of latency. The service worker
// answers them all at once, if the engine starts under it, on a first visit too.
test('first visit: ten simulated pages fetched at once all answer within one latency, not two rounds', async () => {
  const browser = await startBrowser(); // a fresh profile: no service worker yet
  try {
    const { page, problems } = await openPlayground(browser.context, env.servers.isolated);
    const latency = 400;
    const r = await run(page, 'scraper', { urls: 10, latency_ms: latency, mode: 'async' });
    assert.equal(r.error, undefined, JSON.stringify(r.error));
    const requests = spansOn(r, 'async', 'io');
    assert.equal(requests.length, 10);
    const slowest = Math.max(...requests.map((s) => s.end_ms - s.start_ms));
    assert.ok(slowest < 1.9 * latency, `a request took ${slowest} ms at ${latency} ms latency: it waited for a connection`);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('cancelling a scraper run stops it and the next run works', async () => {
  const { page } = await openPlayground(env.browser.context, env.servers.isolated);
  const name = await page.evaluate(async () => {
    const pending = playground.run('scraper', { urls: 10, latency_ms: 2000, mode: 'async' }).then(() => 'resolved', (e) => e.name);
    await new Promise((r) => setTimeout(r, 300));
    playground.cancel();
    return pending;
  });
  assert.equal(name, 'AbortError');
  const r = await run(page, 'scraper', { urls: 2, latency_ms: 10 });
  assert.equal(r.error, undefined);
  await page.close();
});

test('on a static host with no simulated pages, the service worker answers them', async () => {
  // Files only, like a static host: /sim/ is a 404 unless the service worker answers.
  const staticHost = await startServer({ root: ROOT, port: 0, isolation: false, sim: false });
  try {
    const page = await env.browser.context.newPage();
    await page.goto(staticHost.url);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload(); // the page and its engine worker are now controlled
    assert.equal(await page.evaluate(() => !!navigator.serviceWorker.controller), true);
    await page.evaluate(() => playground.ready);
    const r = await run(page, 'scraper', { urls: 3, latency_ms: 30, mode: 'async' });
    assert.equal(r.error, undefined, JSON.stringify(r.error));
    assert.equal(r.stats.failures, 0, JSON.stringify(r.value.urls));
    assert.ok(r.value.urls.every((u) => u.status === 200));
    await page.close();
  } finally {
    await new Promise((resolve) => staticHost.server.close(resolve));
  }
});

for (const build of ['threads', 'single']) {
  test(`${build}: run(..., { onProgress }) hands over each span once, while the run goes, and the result has them all`, async () => {
    const { page, problems } = await openPlayground(env.browser.context, build === 'threads' ? env.servers.isolated : env.servers.plain);
    const seen = await page.evaluate(async () => {
      const calls = [];
      const result = await playground.run('asyncio', { tasks: 3, steps: 4, delay_ms: 80 }, {
        onProgress: (p) => calls.push({ t: p.t_ms, lanes: p.lanes.length, spans: p.spans, logs: p.logs.length }),
      });
      return { calls, result };
    });
    const { calls, result } = seen;
    assert.ok(calls.length >= 2, `${calls.length} progress calls in a ${result.wall_ms} ms run`);
    assert.ok(calls.every((c, i) => i === 0 || c.t >= calls[i - 1].t), 'progress times only go forward');
    assert.ok(calls.at(-1).t <= result.wall_ms + 50, 'progress came during the run');
    const key = (s) => `${s.lane}/${s.task}/${s.label}/${s.start_ms}`;
    const streamed = calls.flatMap((c) => c.spans).map(key);
    assert.equal(new Set(streamed).size, streamed.length, 'no span handed over twice');
    const all = new Set(result.spans.map(key));
    assert.ok(streamed.every((k) => all.has(k)), 'every streamed span is in the result');
    assert.ok(streamed.length > 0 && streamed.length <= result.spans.length);
    const bad = await page.evaluate(() => playground.run('asyncio', {}, { onProgress: 'yes' }).then(() => null, (e) => `${e.name}: ${e.message}`));
    assert.match(bad, /^TypeError: .*onProgress must be a function/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test(`${build}: a phase that computes on the engine's own thread streams its spans while it goes`, async () => {
    const { page, problems } = await openPlayground(env.browser.context, build === 'threads' ? env.servers.isolated : env.servers.plain);
    // io-vs-cpu's "CPU, async" phase: 4 coroutines of 200 ms that never await, run back to
    // back on the engine's thread without giving a timer the chance to fire.
    const { calls, result } = await page.evaluate(async () => {
      const calls = [];
      const result = await playground.run('io-vs-cpu', { tasks: 4, io_ms: 10, cpu_ms: 200 }, {
        onProgress: (p) => calls.push({ t: p.t_ms, spans: p.spans }),
      });
      return { calls, result };
    });
    const lane = result.lanes.find((l) => l.label === 'CPU, async').id;
    const phase = result.value.phases.find((p) => p.name === 'cpu_async');
    const end = phase.start_ms + phase.wall_ms;
    // Well before the phase's end: the first task's span ends 200 ms into a 800 ms phase.
    const during = calls.filter((c) => c.t > phase.start_ms && c.t < end - 100);
    assert.ok(during.some((c) => c.spans.some((s) => s.lane === lane)),
      `no "CPU, async" span handed over during that ${phase.wall_ms} ms phase; progress at ${calls.map((c) => Math.round(c.t)).join(', ')} ms`);
    assert.deepEqual(problems, []);
    await page.close();
  });
}
