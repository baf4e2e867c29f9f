// The exported Chrome trace obeys the format's nesting rule on every demo: on one thread,
// two complete events either nest or are disjoint. Perfetto draws events that break it
// wrongly, and runs make exactly such spans (coroutines asleep at once, concurrent fetches).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useServersAndBrowser, openPlayground, run, assertResult, assertNoProblems, overlaps } from './support.mjs';
import { toChromeTrace } from '../../www/ui/export.js';

const env = useServersAndBrowser(before, after);

/** Pairs of complete events on one thread that overlap without one containing the other. */
function nestingViolations(trace) {
  const byTid = new Map();
  for (const e of trace.traceEvents.filter((e) => e.ph === 'X')) {
    if (!byTid.has(e.tid)) byTid.set(e.tid, []);
    byTid.get(e.tid).push(e);
  }
  const bad = [];
  for (const [tid, events] of byTid) {
    events.sort((a, b) => a.ts - b.ts);
    for (let i = 0; i < events.length; i++) {
      const a = events[i];
      // Only events starting before a ends can overlap it.
      for (let j = i + 1; j < events.length && events[j].ts < a.ts + a.dur; j++) {
        const b = events[j];
        const aHoldsB = a.ts <= b.ts && b.ts + b.dur <= a.ts + a.dur;
        const bHoldsA = b.ts <= a.ts && a.ts + a.dur <= b.ts + b.dur;
        if (!aHoldsB && !bHoldsA) bad.push({ tid, a, b });
      }
    }
  }
  return bad;
}

/** Whether some lane holds two spans that overlap without nesting (what the test is about). */
function laneHasCrossingSpans(r) {
  return r.lanes.some((lane) => {
    const spans = r.spans.filter((s) => s.lane === lane.id);
    return spans.some((a, i) => spans.slice(i + 1).some((b) => overlaps(a, b)
      && !(a.start_ms <= b.start_ms && b.end_ms <= a.end_ms) && !(b.start_ms <= a.start_ms && a.end_ms <= b.end_ms)));
  });
}

/** Asserts the trace holds every span once, with its times, on a named thread. */
function assertSpansKept(r, trace) {
  const complete = trace.traceEvents.filter((e) => e.ph === 'X');
  assert.equal(complete.length, r.spans.length);
  const named = new Map(trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [e.tid, e.args.name]));
  r.spans.forEach((s, i) => {
    const e = complete[i];
    assert.equal(e.ts, Math.round(s.start_ms * 1000));
    assert.equal(e.ts + e.dur, Math.round(s.end_ms * 1000));
    assert.equal(e.args.task, s.task);
    const lane = r.lanes.find((l) => l.id === s.lane);
    assert.ok(named.get(e.tid)?.startsWith(lane.label), `span ${i} of lane "${lane.label}" is on thread "${named.get(e.tid)}"`);
  });
  // Printed lines stay on their lane's own thread.
  for (const log of trace.traceEvents.filter((e) => e.ph === 'i')) assert.ok(named.has(log.tid));
}

// Each demo with its defaults, and the runs whose spans cross on one lane.
const crossing = [
  ['asyncio', { tasks: 5, steps: 2, delay_ms: 20 }],
  ['asyncio', { tasks: 3, steps: 2, delay_ms: 20, blocking_ms: 40 }],
  ['scraper', { urls: 6, latency_ms: 20, mode: 'async' }],
  ['scraper', { urls: 6, latency_ms: 20, mode: 'threads', workers: 3 }],
];

test('every demo\'s exported trace keeps the nesting rule on each thread; crossing spans get a thread per task', async () => {
  const { page, problems } = await openPlayground(env.browser.context, env.servers.isolated);
  const demos = await page.evaluate(() => playground.demos().map((d) => d.id));
  assert.ok(demos.length >= 11, `only ${demos.length} demos`);
  let crossed = 0;
  for (const [id, params] of [...demos.map((id) => [id, {}]), ...crossing]) {
    const r = assertResult(await run(page, id, params), `${id} ${JSON.stringify(params)}`);
    const trace = toChromeTrace(r);
    assertSpansKept(r, trace);
    const bad = nestingViolations(trace);
    assert.deepEqual(bad.slice(0, 3), [], `${id} ${JSON.stringify(params)}: ${bad.length} pairs of events on one thread neither nest nor are disjoint`);
    if (laneHasCrossingSpans(r)) crossed++;
  }
  // The rule was at stake: some runs had spans that could not share a thread.
  assert.ok(crossed >= 2, `only ${crossed} runs had crossing spans on a lane`);
  assertNoProblems(problems);
  await page.close();
});

test('a lane whose spans nest stays one thread, named after it', () => {
  const r = {
    demo: 'threads', build: 'single', params: {}, wall_ms: 10, stats: {}, logs: [{ lane: 0, t_ms: 1, text: 'hi' }],
    lanes: [{ id: 0, label: 'main thread', kind: 'main' }],
    spans: [
      { lane: 0, kind: 'cpu', start_ms: 0, end_ms: 10, task: 0, label: 'outer' },
      { lane: 0, kind: 'wait', start_ms: 2, end_ms: 4, task: 1, label: 'inner' },
      { lane: 0, kind: 'cpu', start_ms: 4, end_ms: 10, task: 1, label: 'inner, to the end' },
    ],
  };
  const trace = toChromeTrace(r);
  assert.deepEqual(trace.traceEvents.filter((e) => e.ph === 'X').map((e) => e.tid), [1, 1, 1]);
  assert.deepEqual(trace.traceEvents.filter((e) => e.name === 'thread_name').map((e) => e.args.name), ['main thread (main)']);
});

test('crossing spans of one lane go on a thread per task, and a task\'s own crossing spans on more', () => {
  const r = {
    demo: 'asyncio', build: 'single', params: {}, wall_ms: 10, stats: {}, logs: [{ lane: 0, t_ms: 1, text: 'hi' }],
    lanes: [{ id: 0, label: 'event loop', kind: 'event-loop' }],
    spans: [
      { lane: 0, kind: 'sleep', start_ms: 0, end_ms: 5, task: 0, label: 'a' },
      { lane: 0, kind: 'sleep', start_ms: 1, end_ms: 6, task: 1, label: 'b' },
      { lane: 0, kind: 'io', start_ms: 2, end_ms: 8, task: 1, label: 'c' },
    ],
  };
  const trace = toChromeTrace(r);
  assert.deepEqual(nestingViolations(trace), []);
  const names = new Map(trace.traceEvents.filter((e) => e.name === 'thread_name').map((e) => [e.tid, e.args.name]));
  const tids = trace.traceEvents.filter((e) => e.ph === 'X').map((e) => e.tid);
  assert.equal(new Set(tids).size, 3);
  assert.deepEqual(tids.map((t) => names.get(t)), [
    'event loop (event-loop) · task 0', 'event loop (event-loop) · task 1', 'event loop (event-loop) · task 1 (overlapping)',
  ]);
  // The lane's own thread keeps the printed line and comes first.
  const log = trace.traceEvents.find((e) => e.ph === 'i');
  assert.equal(names.get(log.tid), 'event loop (event-loop)');
  const sort = new Map(trace.traceEvents.filter((e) => e.name === 'thread_sort_index').map((e) => [e.tid, e.args.sort_index]));
  assert.ok(Math.min(...tids.map((t) => sort.get(t))) > sort.get(log.tid));
});
