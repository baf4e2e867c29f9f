// WebKit for the browser tests: Debian's WebKitGTK (webkit2gtk-driver; browser downloads are
// impossible here), its MiniBrowser driven by WebKitWebDriver over classic WebDriver with
// webdriverio, on a virtual display (Xvfb) of its own.
//
// Facts this is built around (WebKitGTK 2.50 here):
// - SharedArrayBuffer exists only with JSC_useSharedArrayBuffer=1 in the driver's environment
//   (the browser inherits it), and then also without COOP/COEP.
// - A WebKit that fails to start hangs the new-session request instead of failing it: session
//   creation has its own deadline, and everything started is killed when it passes.
// - The driver reports no console messages and classic WebDriver has no script that runs
//   before the page's own: the page's problems are collected in the page by listeners
//   installed right after load (see `installProblemRecorder`).
//
// A page here has the shape support.mjs's helpers expect (`page.evaluate(fn, arg)`), so
// run, runOutcome, assertResult and assertTraceInvariants work on it unchanged.
import { remote } from 'webdriverio';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';

export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const XVFB = '/usr/bin/Xvfb';

/** Whether WebKitGTK's driver, its MiniBrowser and Xvfb are installed (scripts/setup.sh test). */
export const webkitInstalled = () => [WEBKIT_DRIVER, MINIBROWSER, XVFB].every((p) => existsSync(p));

/** `promise`, or a rejection naming `what` once `ms` have passed. */
export function withDeadline(promise, ms, what) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Process groups started here and not yet stopped. Detached groups would outlive this
// process (a test file that fails or is ended by the runner's deadline): kill them on exit.
const running = new Set();
const killAll = () => {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
  running.clear();
};
process.once('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => {
    killAll();
    process.exit(128 + (sig === 'SIGINT' ? 2 : 15));
  });
}

/**
 * A child started in a process group of its own (`detached`), so that `stop()` ends it and
 * everything it started (the driver's MiniBrowser and WebKit's web and network processes).
 * Keeps the last few KB of its output for error messages.
 */
function startGroup(command, args, options = {}) {
  const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe', ...(options.extraStdio ?? [])], env: options.env });
  if (child.pid !== undefined) running.add(child.pid);
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  // A group outlives its leader while members remain: forget it only once stopped.
  let spawnError = null;
  child.once('error', (e) => {
    spawnError = e;
  });
  const alive = () => child.exitCode === null && child.signalCode === null && !spawnError;
  const signal = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      // The group is gone already.
    }
  };
  return {
    child,
    exited,
    alive,
    output: () => output,
    error: () => spawnError,
    /** SIGTERM to the whole group, SIGKILL to what is left after `graceMs`. */
    async stop(graceMs = 3000) {
      if (child.pid === undefined) return;
      signal('SIGTERM');
      await Promise.race([exited, sleep(graceMs)]);
      // Also the group's other members, which may outlive its leader.
      signal('SIGKILL');
      await Promise.race([exited, sleep(1000)]);
      running.delete(child.pid);
    },
  };
}

/** Starts Xvfb on a display it chooses itself (-displayfd): resolves `{ display, stop }`. */
async function startXvfb(timeoutMs = 15_000) {
  const xvfb = startGroup(XVFB, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    extraStdio: ['pipe'],
  });
  try {
    const display = await withDeadline(
      new Promise((resolve, reject) => {
        let text = '';
        xvfb.child.stdio[3].on('data', (chunk) => {
          text += chunk;
          if (text.includes('\n')) resolve(`:${text.trim()}`);
        });
        xvfb.exited.then(() => reject(new Error(`Xvfb exited: ${xvfb.output()}`)));
        xvfb.child.once('error', reject);
      }),
      timeoutMs,
      'starting Xvfb',
    );
    return { display, stop: () => xvfb.stop(), group: xvfb };
  } catch (e) {
    await xvfb.stop();
    throw e;
  }
}

/** Waits until the driver answers GET /status. */
async function waitForDriver(driver, port, timeoutMs) {
  const until = Date.now() + timeoutMs;
  let last;
  while (Date.now() < until) {
    if (!driver.alive()) throw new Error(`WebKitWebDriver exited: ${driver.error()?.message ?? driver.output()}`);
    try {
      const answer = await fetch(`http://127.0.0.1:${port}/status`, { signal: AbortSignal.timeout(2000) });
      if (answer.ok) return;
      last = `HTTP ${answer.status}`;
    } catch (e) {
      last = e.message;
    }
    await sleep(100);
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port} within ${timeoutMs} ms (${last}): ${driver.output()}`);
}

/**
 * A fresh WebKit: Xvfb, WebKitWebDriver (with JSC_useSharedArrayBuffer=1) and a session
 * in a new MiniBrowser. Session creation has its own deadline (`sessionTimeoutMs`): a
 * WebKit that does not start fails here instead of hanging. `close()` ends the session,
 * then the driver's and Xvfb's process groups, and resolves once they have exited.
 * Resolves `{ browser, version, display, close }`. `binary` replaces the MiniBrowser (tests
 * of a browser that never starts).
 */
export async function startWebKit({ sessionTimeoutMs = 60_000, scriptTimeoutMs = 150_000, env = {}, binary = MINIBROWSER } = {}) {
  const xvfb = await startXvfb();
  let driver;
  let browser;
  const close = async () => {
    if (browser) await withDeadline(browser.deleteSession(), 10_000, 'ending the WebKit session').catch(() => {});
    browser = undefined;
    await driver?.stop();
    await xvfb.stop();
  };
  try {
    const port = await freePort();
    driver = startGroup(WEBKIT_DRIVER, [`--port=${port}`, '--host=local'], {
      env: { ...process.env, DISPLAY: xvfb.display, JSC_useSharedArrayBuffer: '1', ...env },
    });
    await waitForDriver(driver, port, 15_000);
    const session = remote({
      hostname: '127.0.0.1',
      port,
      path: '/',
      logLevel: 'silent',
      connectionRetryCount: 0,
      connectionRetryTimeout: sessionTimeoutMs,
      capabilities: {
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary, args: ['--automation'] },
      },
    });
    // Past the deadline the request fails once the driver is killed: not an unhandled rejection.
    session.catch(() => {});
    browser = await withDeadline(session, sessionTimeoutMs, 'creating a WebKit session (a WebKit that fails to start hangs here)');
    // Runs are awaited inside executeScript: allow the slowest of them.
    await browser.setTimeout({ script: scriptTimeoutMs, pageLoad: 60_000 });
    const caps = browser.capabilities ?? {};
    return {
      browser,
      version: caps.browserVersion ?? caps.version ?? 'unknown',
      browserName: caps.browserName,
      display: xvfb.display,
      groups: () => [driver.child.pid, xvfb.group.child.pid],
      close,
    };
  } catch (e) {
    const detail = driver ? `\nWebKitWebDriver said: ${driver.output().slice(-1500)}` : '';
    await close();
    throw new Error(`${e.message}${detail}`, { cause: e });
  }
}

/**
 * Installs, in the current document, listeners that record the page's problems: uncaught
 * errors, unhandled rejections, console.error and console.warn (the page's own; the
 * workers' reach the page as run errors), and Content-Security-Policy violations. Call it
 * right after each navigation: what happened before it is not seen (WebDriver classic
 * cannot run a script before the page's).
 */
export function installProblemRecorder(browser) {
  return browser.execute(() => {
    if (window.__webkitProblems) return;
    const problems = (window.__webkitProblems = []);
    const text = (v) => (v instanceof Error ? `${v.name}: ${v.message}` : typeof v === 'string' ? v : (() => {
      try {
        return JSON.stringify(v);
      } catch {
        return String(v);
      }
    })());
    window.addEventListener('error', (e) => problems.push(`pageerror: ${e.message || text(e.error)}`));
    window.addEventListener('unhandledrejection', (e) => problems.push(`unhandled rejection: ${text(e.reason)}`));
    document.addEventListener('securitypolicyviolation', (e) =>
      problems.push(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'}`),
    );
    for (const level of ['error', 'warn']) {
      const original = console[level];
      console[level] = (...args) => {
        problems.push(`console ${level === 'warn' ? 'warning' : 'error'}: ${args.map(text).join(' ')}`);
        original.apply(console, args);
      };
    }
  });
}

/** What the recorder in the current document has seen (see installProblemRecorder). */
export function readProblems(browser) {
  return browser.execute(() => (window.__webkitProblems ? [...window.__webkitProblems] : ['the problem recorder is not installed']));
}

/**
 * A page object for support.mjs's helpers: `evaluate(fn, arg)` runs `fn(arg)` in the page,
 * promises awaited. The value comes back wrapped: webdriverio takes any answer with an
 * `error` field (as runOutcome's `{ error: {...} }`) for a WebDriver error.
 */
export function pageOf(browser) {
  return {
    browser,
    evaluate: async (fn, arg) => {
      const script = `return Promise.resolve((${fn.toString()})(arguments[0])).then((value) => ({ value }));`;
      const answer = await browser.execute(script, arg);
      return answer?.value;
    },
  };
}

/**
 * Navigates the session's window to `url` and waits until the document has loaded:
 * WebKitWebDriver answers the navigation once the document is interactive, before the
 * page's module scripts have run.
 */
export async function navigate(browser, url, timeoutMs = 30_000) {
  await browser.url(url);
  const until = Date.now() + timeoutMs;
  for (;;) {
    const state = await browser.execute(() => document.readyState);
    if (state === 'complete') return;
    if (Date.now() > until) throw new Error(`${url}: still ${state} after ${timeoutMs} ms`);
    await sleep(50);
  }
}

/**
 * Navigates the session's window to `url`, installs the problem recorder and waits for
 * `playground.ready` (at most `readyTimeoutMs`). Resolves `{ page, ready, collect }`;
 * `await collect()` returns the problems seen so far (for assertNoProblems).
 */
export async function openWebKitPlayground(browser, url, { readyTimeoutMs = 60_000 } = {}) {
  await navigate(browser, url);
  await installProblemRecorder(browser);
  const page = pageOf(browser);
  const ready = await withDeadline(page.evaluate(() => playground.ready), readyTimeoutMs, `playground.ready in ${url}`);
  return { page, ready, collect: () => readProblems(browser) };
}

/** The processes still alive in the process groups `pids` (from `groups()`), as `pid (group g): command` lines. */
export function leftoverProcesses(pids) {
  const out = execFileSync('ps', ['-eo', 'pid=,pgid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => line.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/))
    .filter(Boolean)
    .filter(([, , pgid]) => pids.includes(Number(pgid)))
    .map(([, pid, pgid, args]) => `${pid} (group ${pgid}): ${args}`);
}
