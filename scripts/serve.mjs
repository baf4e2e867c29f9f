#!/usr/bin/env node
// The dev/preview server: static files with the headers that make the page
// cross-origin isolated (COOP + COEP), so the threads build can run, gzipped for browsers
// that accept it, as a static host sends them: FILE.gz when the root has one (`make dist`
// writes them), else compressed here once per version of the file.
//   node scripts/serve.mjs [--root DIR] [--port N] [--no-isolation] [--no-compression]
// PORT in the environment sets the port too (default 8080; 0 picks a free one).
import { createServer } from 'node:http';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSimUrl, simPageBody } from '../www/sim.js';
import { compressible, gzip, acceptsGzip } from './compress.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

// No inline script, no eval: only this origin's files, and wasm compilation. Workers may
// come from blob: URLs (wasm-bindgen-rayon starts its threads that way); the scraper may
// fetch any http(s) URL the user pastes. index.html carries the same policy as a meta tag
// for static hosts (tests/e2e/robustness.test.mjs checks that the two agree).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self' http: https:",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// The scraper's simulated pages: answered after their latency, like a slow web server.
function answerSimPage(sim, req, res, headers) {
  if (sim.error) {
    res.writeHead(400, { ...headers, 'Content-Type': 'text/plain' }).end(sim.error);
    return;
  }
  const timer = setTimeout(() => {
    const body = simPageBody(sim.n);
    res.writeHead(200, { ...headers, 'Cache-Control': 'no-store', 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
    res.end(req.method === 'HEAD' ? undefined : body);
  }, sim.latencyMs);
  // The client gave up (a cancelled run): stop the timer rather than answer no one.
  res.on('close', () => clearTimeout(timer));
}

// Files gzipped here, by path: { mtimeMs, size, gz }. Each is compressed once per version
// (the wasm builds take 30 to 140 ms), for every server of this process.
const gzipped = new Map();

/** The gzipped body of `file` (whose stat is `stat`): its FILE.gz if that is at least as
 *  new, else compressed here and kept. */
async function gzippedBody(file, stat) {
  try {
    const pre = await fs.stat(`${file}.gz`);
    if (pre.mtimeMs >= stat.mtimeMs) return fs.readFile(`${file}.gz`);
  } catch {
    // none beside it: compress
  }
  const kept = gzipped.get(file);
  if (kept && kept.mtimeMs === stat.mtimeMs && kept.size === stat.size) return kept.gz;
  const gz = gzip(await fs.readFile(file));
  gzipped.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, gz });
  return gz;
}

// `sim: false` serves files only, like a static host: the service worker must answer /sim/.
// `compression: false` sends every file as it is.
export function startServer({ root, port = 8080, host = '127.0.0.1', isolation = true, sim = true, compression = true } = {}) {
  const base = path.resolve(root);
  const server = createServer(async (req, res) => {
    // www/examples/ stands for other people's pages (a blog post embedding a demo): served
    // as a host would, without our isolation headers or policy.
    const hostPage = req.url.startsWith('/www/examples/');
    const headers = {
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    };
    if (!hostPage) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
    if (isolation && !hostPage) {
      headers['Cross-Origin-Opener-Policy'] = 'same-origin';
      headers['Cross-Origin-Embedder-Policy'] = 'require-corp';
      headers['Cross-Origin-Resource-Policy'] = 'same-origin';
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400, headers).end('bad request');
      return;
    }
    const simPage = sim && parseSimUrl(req.url);
    if (simPage) {
      answerSimPage(simPage, req, res, headers);
      return;
    }
    let file = path.join(base, pathname);
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403, headers).end('forbidden');
      return;
    }
    try {
      let stat = await fs.stat(file);
      if (stat.isDirectory()) {
        file = path.join(file, 'index.html');
        stat = await fs.stat(file);
      }
      headers['Content-Type'] = TYPES[path.extname(file)] || 'application/octet-stream';
      // Module scripts load in CORS mode: blogs on other sites load the embed element
      // (embed.js and protocol.js, which it imports).
      if (pathname === '/www/embed.js' || pathname === '/www/protocol.js') headers['Access-Control-Allow-Origin'] = '*';
      // Chromium 137+: the embed page isolates itself even inside a page that is not
      // isolated, so an embedded demo can use threads. Browsers without it ignore it.
      if (isolation && path.basename(file) === 'embed.html') headers['Document-Isolation-Policy'] = 'isolate-and-require-corp';
      if (compression && compressible(file)) {
        headers.Vary = 'Accept-Encoding'; // caches must not hand the gzip to a client that refused it
        if (acceptsGzip(req.headers['accept-encoding'])) {
          const body = await gzippedBody(file, stat);
          headers['Content-Encoding'] = 'gzip';
          headers['Content-Length'] = body.length;
          res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
          return;
        }
      }
      headers['Content-Length'] = stat.size;
      res.writeHead(200, headers);
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({ server, url: `http://${host}:${actual}/` });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const flag = (name) => args.includes(name);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  const root = option('--root', path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const port = Number(option('--port', process.env.PORT ?? 8080));
  const isolation = !flag('--no-isolation');
  const compression = !flag('--no-compression');
  startServer({ root, port, isolation, compression }).then(
    ({ url }) => {
      console.log(`Concurrency Playground: ${url}`);
      console.log(isolation ? '(cross-origin isolated: the threads build runs)' : '(no COOP/COEP headers: the single build runs)');
    },
    (e) => {
      console.error(`serve: cannot listen on port ${port}: ${e.message}`);
      process.exit(1);
    },
  );
}
