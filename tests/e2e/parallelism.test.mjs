// The parallelism chapter in the browser: processes are real workers with their own
// memory, pools keep order and bounds, and nothing is left running after a cancel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useServersAndBrowser, openPlayground, run } from './support.mjs';

const env = useServersAndBrowser(before, after);

/** The most spans of `kind` on lanes of `laneKind` running at the same instant. */
function mostAtOnce(r, kind, laneKind) {
  const spans = r.spans.filter((s) => s.kind === kind && r.lanes[s.lane].kind === laneKind);
  return Math.max(0, ...spans.map((s) => spans.filter((o) => o.start_ms <= s.start_ms && s.start_ms < o.end_ms).length));
}

for (const build of ['threads', 'single']) {
  const url = () => (build === 'threads' ? env.servers.isolated : env.servers.plain);

  test(`${build}: process lanes never share memory; threads share one counter`, async () => {
    const { page, problems } = await openPlayground(env.browser.context, url());
    const n = 3_000_001;
    const r = await run(page, 'processes', { processes: 3, n });
    assert.equal(r.error, undefined, JSON.stringify(r.error));
    assert.equal(r.stats.matches_sequential, true);
    assert.equal(r.stats.memory_isolated, true);
    const shares = [0, 1, 2].map((i) => Math.floor((n * (i + 1)) / 3) - Math.floor((n * i) / 3));
    assert.deepEqual(r.value.process_counters, shares, 'each process counted only its own numbers');
    if (build === 'threads') assert.equal(r.value.thread_counter, n, 'the threads shared one counter');
    else assert.equal(r.value.thread_counter, null);
    const processLanes = r.lanes.filter((l) => l.kind === 'process');
    assert.equal(processLanes.length, 3);
    for (const lane of processLanes) {
      const overhead = r.spans.filter((s) => s.lane === lane.id && s.kind === 'overhead');
      for (const what of ['start process', 'send', 'receive']) {
        const span = overhead.find((s) => s.label.startsWith(what));
        assert.ok(span, `${lane.label} has no "${what}" span`);
        assert.ok(span.end_ms >= span.start_ms);
      }
      const start = overhead.find((s) => s.label.startsWith('start process'));
      assert.ok(start.end_ms - start.start_ms > 0, 'starting a process takes time');
    }
    assert.deepEqual(problems, []);
    await page.close();
  });

  test(`${build}: pool-map gives the sequential picture bit for bit, however it is chunked`, async () => {
    const { page, problems } = await openPlayground(env.browser.context, url());
    const pictures = new Set();
    for (const p of [{ workers: 1, chunks: 1, size: 48 }, { workers: 3, chunks: 7, size: 48 }, { workers: 2, chunks: 100, size: 48 }, { workers: 4, chunks: 256, size: 48 }]) {
      const r = await run(page, 'pool-map', p);
      assert.equal(r.error, undefined, JSON.stringify(r.error));
      assert.equal(r.stats.matches_sequential, true, JSON.stringify(p));
      pictures.add(r.value.picture.pixels_base64);
      const owners = r.value.picture.owners.processes;
      // Every chunk, empty ones included (more chunks than rows), went to some process.
      assert.equal(owners.length, p.chunks);
      assert.ok(owners.every((o) => o != null && o < p.workers), JSON.stringify(owners));
      assert.ok(mostAtOnce(r, 'cpu', 'process') <= p.workers);
    }
    assert.equal(pictures.size, 1, 'the same picture whatever the chunking');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test(`${build}: executor map returns input order, never more than max_workers at once`, async () => {
    const { page, problems } = await openPlayground(env.browser.context, url());
    const kinds = build === 'threads' ? ['thread', 'process'] : ['process'];
    for (const kind of kinds) {
      const r = await run(page, 'executors', { kind, max_workers: 3, tasks: 10, delay_ms: 60 });
      assert.equal(r.error, undefined, JSON.stringify(r.error));
      assert.deepEqual(r.value.results, [...Array(10).keys()].map((i) => i * i));
      assert.equal(r.stats.out_of_order, true, `${kind}: tasks finished in input order`);
      const laneKind = kind === 'thread' ? 'thread' : 'process';
      assert.equal(r.lanes.filter((l) => l.kind === laneKind).length, 3);
      const atOnce = mostAtOnce(r, 'sleep', laneKind);
      assert.ok(atOnce >= 2 && atOnce <= 3, `${kind}: ${atOnce} tasks at once on a pool of 3`);
      // A process holds its next task while it runs one (as CPython's pool queues one call
      // ahead), yet runs one at a time, and its lane shows each moment once.
      for (const lane of r.lanes.filter((l) => l.kind === 'process')) {
        const spans = r.spans.filter((s) => s.lane === lane.id).sort((a, b) => a.start_ms - b.start_ms);
        spans.slice(1).forEach((s, i) => assert.ok(spans[i].end_ms <= s.start_ms + 1e-9, `${lane.label}: ${JSON.stringify(spans[i])} overlaps ${JSON.stringify(s)}`));
      }
    }
    if (build === 'single') {
      const refused = await run(page, 'executors', { kind: 'thread' });
      assert.equal(refused.error?.name, 'IsolationError');
    }
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('cancelling while processes start leaves no orphan workers, and the next run works', async () => {
  const { page, problems } = await openPlayground(env.browser.context, env.servers.isolated);
  const cdp = await env.browser.context.browser()?.newBrowserCDPSession?.() ?? (await env.browser.context.newCDPSession(page));
  const workers = async () => (await cdp.send('Target.getTargets')).targetInfos.filter((t) => t.type === 'worker').length;
  // The thread pool's workers start after ready; a first run waits for them to be up.
  await run(page, 'threads', { threads: 1, steps: 1, delay_ms: 1 });
  const before = await workers();
  for (const [id, params, delay] of [['pool-map', { workers: 4, chunks: 64, size: 800 }, 30], ['executors', { kind: 'process', max_workers: 6, tasks: 40, delay_ms: 500 }, 300], ['processes', { processes: 4, n: 4_000_000_000 }, 400]]) {
    const name = await page.evaluate(async ([id, params, delay]) => {
      const pending = playground.run(id, params).then(() => 'finished', (e) => e.name);
      await new Promise((r) => setTimeout(r, delay));
      playground.cancel();
      return pending;
    }, [id, params, delay]);
    assert.equal(name, 'AbortError', id);
    // Terminated workers take a moment to disappear from the browser's list (longer on a loaded machine: up to 10 s).
    let now = await workers();
    for (let i = 0; i < 100 && now > before; i++) {
      await page.waitForTimeout(100);
      now = await workers();
    }
    assert.equal(now, before, `${id}: ${now - before} workers left behind`);
    const next = await run(page, id, id === 'pool-map' ? { size: 32 } : id === 'processes' ? { n: 1000 } : { kind: 'process', tasks: 3, delay_ms: 5 });
    assert.equal(next.error, undefined, `${id} after cancel: ${JSON.stringify(next.error)}`);
  }
  assert.deepEqual(problems, []);
  await page.close();
});
