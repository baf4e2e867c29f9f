// Shared helpers for the browser tests of the JS API (api.test.mjs):
//   - the dev server, in-process, twice: with COOP/COEP headers (the threads build runs)
//     and without them (the single build runs), both on free ports;
//   - Debian's Chromium through playwright-core (browser downloads are impossible here),
//     headless, in a fresh profile that is removed afterwards;
//   - pages that record every page error, crash and console error, so that a test can
//     insist there were none (console warnings are allowed: wasm-bindgen-rayon warns
//     "using deprecated parameters for the initialization function" in every pool worker);
//   - small pure helpers on run results (interval intersection, interleaving).
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]);

/** Generous bounds for waits (the machine has 2 cores and may be busy): never speed targets. */
export const TEST_TIMEOUT_MS = 45_000;
export const READY_TIMEOUT_MS = 30_000;

function closeServer(server) {
  return new Promise((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
}

/**
 * Two dev servers on 127.0.0.1, free ports, serving the repository root:
 * `isolated` sends COOP/COEP (the threads build), `plain` does not (the single build).
 * Resolves with `{ isolated, plain, close() }`, where `isolated` and `plain` are base URLs.
 */
export async function startServers() {
  const started = [];
  try {
    started.push(await startServer({ root: REPO_ROOT, port: 0, host: '127.0.0.1', isolation: true }));
    started.push(await startServer({ root: REPO_ROOT, port: 0, host: '127.0.0.1', isolation: false }));
  } catch (e) {
    await Promise.all(started.map(({ server }) => closeServer(server)));
    throw e;
  }
  const [isolated, plain] = started;
  return {
    isolated: isolated.url,
    plain: plain.url,
    close: () => Promise.all(started.map(({ server }) => closeServer(server))),
  };
}

/** Headless Chromium in a fresh profile directory; `close()` also removes that directory. */
export async function launchBrowser() {
  const profile = mkdtempSync(path.join(tmpdir(), 'playground-api-e2e-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      headless: true,
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS],
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  return {
    context,
    close: async () => {
      try {
        await context.close();
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Registers `before`/`after` hooks that start both servers and the browser once per file
 * and stop them afterwards. Returns an object whose `servers` and `browser` fields are set
 * once the hooks have run.
 */
export function useEnvironment() {
  const env = { servers: null, browser: null };
  before(async () => {
    env.servers = await startServers();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.servers?.close();
  });
  return env;
}

/**
 * Opens `url` in a new page of `context` that records problems: every `pageerror`, every
 * console message of type 'error' (from the page or its workers), and a crash.
 * With `waitForReady` (the default) it also awaits `playground.ready` and returns its value.
 * The page is closed when test `t` ends, whatever its outcome.
 * Resolves with `{ page, errors, ready }`.
 */
export async function openPage(t, context, url, { waitForReady = true, waitUntil = 'load' } = {}) {
  const page = await context.newPage();
  t.after(() => page.close().catch(() => {}));
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.name}: ${e.message}`));
  page.on('crash', () => errors.push('the page crashed'));
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location()?.url ? ` (${message.location().url})` : '';
      errors.push(`console error: ${message.text()}${where}`);
    }
  });
  await page.goto(url, { waitUntil });
  let ready = null;
  if (waitForReady) {
    await page.waitForFunction(() => typeof window.playground === 'object' && window.playground !== null, null, {
      timeout: READY_TIMEOUT_MS,
    });
    ready = await page.evaluate(
      (ms) =>
        Promise.race([
          window.playground.ready,
          new Promise((_, reject) => setTimeout(() => reject(new Error(`playground.ready did not settle in ${ms} ms`)), ms)),
        ]),
      READY_TIMEOUT_MS,
    );
  }
  return { page, errors, ready };
}

/** Fails the test if the page recorded any page error, crash or console error. */
export function assertNoErrors(errors) {
  assert.deepEqual(errors, [], `the page reported errors:\n${errors.join('\n')}`);
}

/**
 * `playground.run(id, params)` in the page. Resolves with the RunResult, or with
 * `{ error: { name, message, isError } }` when the run rejects (`isError`: the rejection is
 * an `Error` instance). Params travel as given (page.evaluate keeps NaN, Infinity, -0).
 */
export function runDemo(page, id, params) {
  return page.evaluate(
    ([id, params]) =>
      window.playground.run(id, params).then(
        (result) => result,
        (e) => ({ error: { name: e?.name, message: String(e?.message ?? e), isError: e instanceof Error } }),
      ),
    [id, params],
  );
}

/** Asserts that `outcome` (from runDemo) is a result, not an error, and returns it. */
export function assertResult(outcome, what = 'the run') {
  assert.equal(outcome.error, undefined, `${what} rejected: ${JSON.stringify(outcome.error)}`);
  assert.equal(typeof outcome.wall_ms, 'number', `${what}: no wall_ms in ${JSON.stringify(outcome).slice(0, 300)}`);
  return outcome;
}

/** Whether two spans share some time: their [start_ms, end_ms] intervals intersect with positive length. */
export function intersects(a, b) {
  return Math.max(a.start_ms, b.start_ms) < Math.min(a.end_ms, b.end_ms);
}

/** Whether some span of `as` intersects some span of `bs`. */
export function someIntersect(as, bs) {
  return as.some((a) => bs.some((b) => intersects(a, b)));
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

/** Checks the trace's shape: lanes referenced exist, times lie in [0, wall_ms], logs in time order. */
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
