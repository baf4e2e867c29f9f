// The service worker. Always: answers the simulated pages of the I/O demos (www/sim.js),
// so the scraper works on static hosts and offline. Registered as sw.js?isolate=1 (by
// the pages of `make dist`): also makes the site cross-origin isolated on hosts that
// cannot send headers, by adding COOP/COEP (and, to embed.html, Document-Isolation-Policy)
// to this origin's responses, and keeps a copy
// of every file it served so the playground works offline after the first visit: one
// copy per path (a permalink's query does not make a new one), in a cache whose name
// carries its version; activating drops every other version.
import { parseSimUrl, simPageBody } from './www/sim.js';

const ISOLATE = new URL(self.location.href).searchParams.get('isolate') === '1';
const CACHE_PREFIX = 'playground-';
// Bump when what the cache holds changes (v1 kept every permalink under its own address).
const CACHE = `${CACHE_PREFIX}v2`;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(dropOtherVersions().then(() => self.clients.claim())));

/** Deletes this site's caches of other versions (other names are not ours to touch). */
async function dropOtherVersions() {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
}

/**
 * Where a response is kept: its path without the query. A static host answers a path the
 * same whatever the query (`?demo=gil&threads=4` is index.html), and keying by the full
 * address would keep a copy of the page for every permalink ever opened, forever. So the
 * cache holds at most one entry per file of the site.
 */
function cacheKey(request) {
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  return url.href;
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  // Other origins (URLs a user pastes into the scraper) are never touched.
  if (url.origin !== self.location.origin || event.request.method !== 'GET') return;
  const sim = parseSimUrl(url.pathname + url.search);
  if (sim) event.respondWith(simResponse(sim));
  else if (ISOLATE) event.respondWith(isolated(event.request));
});

async function simResponse(sim) {
  const headers = { 'Cache-Control': 'no-store', 'Cross-Origin-Resource-Policy': 'same-origin' };
  if (sim.error) return new Response(sim.error, { status: 400, headers: { ...headers, 'Content-Type': 'text/plain' } });
  await new Promise((resolve) => setTimeout(resolve, sim.latencyMs));
  return new Response(simPageBody(sim.n), { headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
}

/** The network's answer (or, offline, the copy kept last time) with isolation headers. */
async function isolated(request) {
  const cache = await caches.open(CACHE);
  let response;
  try {
    response = await fetch(request);
    if (response.ok) cache.put(cacheKey(request), response.clone());
  } catch (error) {
    response = await cache.match(cacheKey(request));
    if (!response) throw error;
  }
  const headers = new Headers(response.headers);
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
  headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  // COOP/COEP cannot isolate a frame inside a page that is not isolated; this can, in
  // Chromium 137+, for embeds on the same site (tests/e2e/embed.test.mjs). Elsewhere the
  // embed's frame is third-party and browsers refuse it a service worker altogether.
  if (new URL(request.url).pathname.endsWith('/embed.html')) headers.set('Document-Isolation-Policy', 'isolate-and-require-corp');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
