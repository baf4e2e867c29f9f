// The service worker: answers the simulated pages of the I/O demos (www/sim.js), so the
// scraper works on static hosts that have no server code, and offline.
import { parseSimUrl, simPageBody } from './www/sim.js';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin) return;
  const sim = parseSimUrl(url.pathname + url.search);
  if (!sim) return;
  event.respondWith(simResponse(sim));
});

async function simResponse(sim) {
  const headers = { 'Cache-Control': 'no-store', 'Cross-Origin-Resource-Policy': 'same-origin' };
  if (sim.error) return new Response(sim.error, { status: 400, headers: { ...headers, 'Content-Type': 'text/plain' } });
  await new Promise((resolve) => setTimeout(resolve, sim.latencyMs));
  return new Response(simPageBody(sim.n), { headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
}
