// Simulated web pages for the I/O demos: `/sim/page/<n>?latency_ms=<ms>` answers after
// `ms` milliseconds with a small page. One definition, used by the dev server
// (scripts/serve.mjs) and the service worker (sw.js), so the demos work the same
// locally, on static hosts and offline. The body size mirrors src/workloads/fetch.rs.

export const SIM_PREFIX = '/sim/page/';
export const MAX_LATENCY_MS = 10000;

export function simPageBytes(n) {
  return 1000 + ((n * 37) % 1000);
}

/** `{ n, latencyMs }` for a simulated-page URL, `null` for anything else, `{ error }` if malformed. */
export function parseSimUrl(url) {
  const { pathname, searchParams } = new URL(url, 'http://x');
  if (!pathname.startsWith(SIM_PREFIX)) return null;
  const n = Number(pathname.slice(SIM_PREFIX.length));
  const latencyMs = Number(searchParams.get('latency_ms') ?? 0);
  if (!Number.isInteger(n) || n < 0 || n > 1_000_000) return { error: `bad page number in ${pathname}` };
  if (!Number.isFinite(latencyMs) || latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
    return { error: `latency_ms must be from 0 to ${MAX_LATENCY_MS}` };
  }
  return { n, latencyMs };
}

export function simPageBody(n) {
  const head = `<!doctype html><title>page ${n}</title><p>Simulated page ${n}.</p>`;
  return (head + '<!--' + '.'.repeat(simPageBytes(n)) ).slice(0, simPageBytes(n) - 3) + '-->';
}
