// Shared set-up for the browser tests: the dev server in-process, Debian's Chromium
// through playwright-core (browser downloads are impossible here), and pages that
// record every page error and console error so a test can insist there were none.
import { chromium } from 'playwright-core';
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

/** A fresh headless Chromium profile; `close()` removes it. */
export async function startBrowser() {
  const profile = mkdtempSync(path.join(tmpdir(), 'playground-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
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
 * Opens `url` and waits for `playground.ready`. `problems` collects page errors and
 * console errors (warnings are allowed: wasm-bindgen-rayon 1.3 warns about an old
 * init signature in every pool worker).
 */
export async function openPlayground(context, url) {
  const page = await context.newPage();
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
  });
  await page.goto(url);
  const ready = await page.evaluate(() => playground.ready);
  return { page, problems, ready };
}

/** Runs a demo through the API; resolves with the result or `{ error: { name, message } }`. */
export function run(page, id, params) {
  return page.evaluate(
    ([id, params]) => playground.run(id, params).then((r) => r, (e) => ({ error: { name: e.name, message: e.message } })),
    [id, params],
  );
}

/** Whether two [start, end) intervals share some time. */
export const overlaps = (a, b) => a.start_ms < b.end_ms && b.start_ms < a.end_ms;

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
