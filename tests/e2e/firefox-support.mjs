// Firefox for the browser tests: Debian's firefox-esr (browser downloads are impossible
// here) driven by puppeteer-core over WebDriver BiDi, headless, a fresh profile each launch.
// Pages opened here have the same shape as support.mjs's ({ page, problems, ready }), so
// its helpers (run, runOutcome, assertResult, assertNoProblems, assertTraceInvariants)
// work on them unchanged: puppeteer's page.evaluate(fn, arg) is called as playwright's is.
import puppeteer from 'puppeteer-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const FIREFOX = '/usr/bin/firefox-esr';

/** Whether Debian's Firefox ESR is installed (scripts/setup.sh test installs it). */
export const firefoxInstalled = () => existsSync(FIREFOX);

/** A page may take this long to navigate (a loaded 2-core machine): a bound on hangs only. */
const NAVIGATION_TIMEOUT_MS = 30_000;

/**
 * A fresh headless Firefox with its own new profile; `close()` ends it and removes the
 * profile. `launch` is given its own deadline: a browser that does not start fails the
 * test rather than hanging it. `env` adds to Firefox's environment, e.g. MOZ_LOG and
 * MOZ_LOG_FILE (how issue 18's deadlock was seen: the engine worker ran no runnable
 * after a nested `new Worker`).
 */
export async function startFirefox({ launchTimeoutMs = 60_000, env } = {}) {
  const profile = mkdtempSync(path.join(tmpdir(), 'playground-firefox-'));
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      userDataDir: profile,
      timeout: launchTimeoutMs,
      ...(env ? { env: { ...process.env, ...env } } : {}),
      protocolTimeout: 120_000,
      // No update checks, telemetry or first-run pages in a test profile.
      extraPrefsFirefox: {
        'app.update.enabled': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        'toolkit.telemetry.enabled': false,
        'browser.shell.checkDefaultBrowser': false,
      },
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  return {
    browser,
    version: await browser.version(),
    close: async () => {
      await browser.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Starts recording `page`'s problems before it navigates: page errors, console errors and
 * warnings (from the page; WebDriver BiDi does not report the workers' console), and
 * Content-Security-Policy violations, which the page records itself and `problems()`
 * collects. Returns `async () => [...]`.
 */
export async function recordFirefoxProblems(page) {
  const seen = [];
  page.on('pageerror', (e) => seen.push(`pageerror: ${e?.message ?? e}`));
  page.on('console', (m) => {
    if (m.type() === 'error') seen.push(`console error: ${m.text()}`);
    if (m.type() === 'warn' || m.type() === 'warning') seen.push(`console warning: ${m.text()}`);
  });
  await page.evaluateOnNewDocument(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'}`);
    });
  });
  return async () => {
    const csp = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
    return [...seen, ...csp];
  };
}

/**
 * Opens `url` in a new tab of `browser` and waits for `playground.ready` (at most
 * `readyTimeoutMs`). Resolves `{ page, problems, ready }`; `problems` is an array filled
 * with what the page reported, CSP violations included, each time `collect()` is awaited
 * (assertNoProblems after `await opened.collect()`).
 */
export async function openFirefoxPlayground(browser, url, { readyTimeoutMs = 60_000 } = {}) {
  const page = await browser.newPage();
  page.setDefaultTimeout(NAVIGATION_TIMEOUT_MS);
  const read = await recordFirefoxProblems(page);
  const problems = [];
  await page.goto(url, { waitUntil: 'load' });
  const ready = await withDeadline(page.evaluate(() => playground.ready), readyTimeoutMs, `playground.ready in ${url}`);
  const collect = async () => {
    problems.splice(0, problems.length, ...(await read()));
    return problems;
  };
  return { page, problems, ready, collect };
}

/** `promise`, or a rejection naming `what` once `ms` have passed. */
export function withDeadline(promise, ms, what) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
