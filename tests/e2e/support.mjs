// Shared set-up for the browser tests: the dev server in-process, Debian's Chromium
// through playwright-core (browser downloads are impossible here), and pages that
// record every page error and console error so a test can insist there were none.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

/** Servers on free ports: `isolated` (COOP/COEP: threads build) and `plain` (single build). */
export async function startServers(options = {}) {
  const root = options.root ?? ROOT;
  const isolated = await startServer({ root, port: 0, isolation: true, sim: options.sim ?? true });
  const plain = await startServer({ root, port: 0, isolation: false, sim: options.sim ?? true });
  return {
    isolated: isolated.url,
    plain: plain.url,
    close: () => Promise.all([isolated, plain].map(({ server }) => new Promise((r) => server.close(r)))),
  };
}

/** A fresh headless Chromium profile; `close()` removes it. `contextOptions` are
 *  playwright's (a phone's viewport, scale and touch: `devices['Pixel 5']`). */
export async function startBrowser(contextOptions = {}) {
  const profile = mkdtempSync(path.join(tmpdir(), 'playground-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...contextOptions,
    headless: true,
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Starts recording `page`'s problems, before it navigates: page errors, Content-Security-Policy
 * violations, console errors and console warnings (the page's and its workers'). Resolves with
 * the array they are pushed to.
 */
export async function recordProblems(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  // A Content-Security-Policy violation is a failure wherever it happens in the page.
  await page.exposeFunction('__reportCspViolation', (text) => problems.push(`CSP violation: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline code'}`);
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    if (m.type() === 'warning') problems.push(`console warning: ${m.text()}`);
  });
  return problems;
}

/**
 * Opens `url` and waits for `playground.ready`. `problems` collects page errors, CSP
 * violations, console errors and warnings (see recordProblems).
 */
export async function openPlayground(context, url) {
  const page = await context.newPage();
  const problems = await recordProblems(page);
  await page.goto(url);
  const ready = await page.evaluate(() => playground.ready);
  // `ready` is the engine's; the page then draws what the address asks for with it (an
  // exercise's choices, a link's parameters checked): wait for that too.
  await page.waitForFunction(() => !document.getElementById('run') || document.body.dataset.engine, null, { timeout: 30_000 });
  return { page, problems, ready };
}

/** Runs a demo through the API; resolves with the result or `{ error: { name, message } }`. */
export function run(page, id, params) {
  return page.evaluate(
    ([id, params]) => playground.run(id, params).then((r) => r, (e) => ({ error: { name: e.name, message: e.message } })),
    [id, params],
  );
}

/**
 * Like `run`, but the error also says whether the rejection is an `Error` instance
 * (`{ error: { name, message, isError } }`), and a rejection that is not an object still
 * gives a message. Params travel as given (page.evaluate keeps NaN, Infinity, -0).
 */
export function runOutcome(page, id, params) {
  return page.evaluate(
    ([id, params]) =>
      playground.run(id, params).then(
        (r) => r,
        (e) => ({ error: { name: e?.name, message: String(e?.message ?? e), isError: e instanceof Error } }),
      ),
    [id, params],
  );
}

/** Asserts that `outcome` (from run or runOutcome) is a result, not an error, and returns it. */
export function assertResult(outcome, what = 'the run') {
  assert.equal(outcome.error, undefined, `${what} rejected: ${JSON.stringify(outcome.error)}`);
  assert.equal(typeof outcome.wall_ms, 'number', `${what}: no wall_ms in ${JSON.stringify(outcome).slice(0, 300)}`);
  return outcome;
}

/**
 * The cheapest valid parameters of a demo from its schema: every whole number at its
 * minimum (durations at least 1 ms), no sweep; other parameters keep their defaults.
 */
export function cheapestParams(demo) {
  const params = Object.fromEntries(
    demo.params.filter((p) => p.type === 'int').map((p) => [p.name, p.name.endsWith('_ms') ? Math.max(1, p.min) : p.min]),
  );
  if (demo.params.some((p) => p.name === 'sweep')) params.sweep = false;
  return params;
}

/** Fails with the list of problems (from openPlayground or recordProblems) if there are any. */
export function assertNoProblems(problems) {
  assert.deepEqual(problems, [], `the page reported problems:\n${problems.join('\n')}`);
}

/** Whether two [start, end) intervals share some time. */
export const overlaps = (a, b) => a.start_ms < b.end_ms && b.start_ms < a.end_ms;

/** Whether some span of `as` shares some time with some span of `bs`. */
export function someOverlap(as, bs) {
  return as.some((a) => bs.some((b) => overlaps(a, b)));
}

/**
 * Whether a sequence of lane ids is interleaved: some lane appears between two entries
 * of another lane (so the sequence is not grouped lane by lane).
 */
export function isInterleaved(lanes) {
  for (const lane of new Set(lanes)) {
    const first = lanes.indexOf(lane);
    const last = lanes.lastIndexOf(lane);
    if (lanes.slice(first + 1, last).some((other) => other !== lane)) return true;
  }
  return false;
}

/** Checks a trace's shape: lanes referenced exist, times lie in [0, wall_ms] (within `slack`), logs in time order. */
export function assertTraceInvariants(r, slack = 0.01) {
  assert.ok(Array.isArray(r.lanes) && Array.isArray(r.spans) && Array.isArray(r.logs), 'lanes, spans, logs are arrays');
  const ids = new Set(r.lanes.map((l) => l.id));
  assert.equal(ids.size, r.lanes.length, 'lane ids are unique');
  assert.ok(Number.isFinite(r.wall_ms) && r.wall_ms >= 0, `wall_ms ${r.wall_ms}`);
  for (const s of r.spans) {
    assert.ok(ids.has(s.lane), `span on an unknown lane: ${JSON.stringify(s)}`);
    assert.ok(
      s.start_ms >= -slack && s.start_ms <= s.end_ms && s.end_ms <= r.wall_ms + slack,
      `span outside 0 <= start <= end <= wall_ms (${r.wall_ms}): ${JSON.stringify(s)}`,
    );
  }
  for (let i = 0; i < r.logs.length; i++) {
    const log = r.logs[i];
    assert.ok(ids.has(log.lane), `log on an unknown lane: ${JSON.stringify(log)}`);
    assert.ok(log.t_ms >= -slack && log.t_ms <= r.wall_ms + slack, `log outside [0, wall_ms] (${r.wall_ms}): ${JSON.stringify(log)}`);
    if (i > 0) {
      assert.ok(r.logs[i - 1].t_ms <= log.t_ms, `logs not sorted by t_ms at ${i}: ${r.logs[i - 1].t_ms} then ${log.t_ms}`);
    }
  }
}

export function anyOverlap(spans) {
  return spans.some((a, i) => spans.slice(i + 1).some((b) => overlaps(a, b)));
}

/** The spans of `kind` on lanes whose label starts with `prefix`. */
export function spansOn(result, prefix, kind) {
  return result.spans.filter((s) => s.kind === kind && result.lanes[s.lane].label.startsWith(prefix));
}

/**
 * Registers the usual set-up for a test file: both servers and a fresh browser, closed
 * after the file's tests. Returns a handle whose `servers` and `browser` are set by then.
 */
export function useServersAndBrowser(before, after) {
  const env = { servers: null, browser: null };
  before(async () => {
    env.servers = await startServers();
    env.browser = await startBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.servers?.close();
  });
  return env;
}
