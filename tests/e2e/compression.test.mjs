// Compression as a static host offers it: the dev server gzips text and wasm for clients
// that accept it (and only those), `make dist`'s FILE.gz are served as they are, and the
// page loads the same over either.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ROOT, startBrowser, openPlayground, run, assertResult, assertNoProblems } from './support.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { precompress, acceptsGzip } from '../../scripts/compress.mjs';

/** GET `url` with these request headers; resolves with { status, headers, body (bytes as sent) }. */
function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

let dev;
let dist;
let distRoot;
before(async () => {
  dev = await startServer({ root: ROOT, port: 0 });
  // A small site with FILE.gz beside its files, as `make dist` leaves it.
  distRoot = mkdtempSync(path.join(tmpdir(), 'playground-dist-'));
  for (const file of ['index.html', 'www/style.css', 'www/favicon.svg']) cpSync(path.join(ROOT, file), path.join(distRoot, file));
  await precompress(distRoot);
  dist = await startServer({ root: distRoot, port: 0, sim: false });
});
after(async () => {
  await Promise.all([dev, dist].map((s) => s && new Promise((r) => s.server.close(r))));
  rmSync(distRoot, { recursive: true, force: true });
});

test('Accept-Encoding is read as HTTP says: gzip, *, and q=0 refusing it', () => {
  assert.equal(acceptsGzip('gzip, deflate, br, zstd'), true);
  assert.equal(acceptsGzip('br;q=1.0, gzip;q=0.5'), true);
  assert.equal(acceptsGzip('*'), true);
  assert.equal(acceptsGzip('gzip;q=0, br'), false);
  assert.equal(acceptsGzip('identity'), false);
  assert.equal(acceptsGzip(''), false);
});

test('the dev server gzips text and wasm for a client that accepts it, and only then', async () => {
  for (const file of ['index.html', 'www/app.js', 'www/style.css', 'www/pkg/single/concurrency_playground_bg.wasm']) {
    const original = readFileSync(path.join(ROOT, file));
    const zipped = await get(dev.url + file, { 'Accept-Encoding': 'gzip, deflate, br' });
    assert.equal(zipped.status, 200);
    assert.equal(zipped.headers['content-encoding'], 'gzip', file);
    assert.equal(zipped.headers.vary, 'Accept-Encoding');
    assert.equal(Number(zipped.headers['content-length']), zipped.body.length);
    assert.ok(zipped.body.length < original.length / 2, `${file}: ${zipped.body.length} bytes gzipped of ${original.length}`);
    assert.ok(gunzipSync(zipped.body).equals(original), `${file}: gunzipped is not the file`);
    // Isolation headers go with the compressed answer as with the plain one.
    assert.equal(zipped.headers['cross-origin-embedder-policy'], 'require-corp');
    const plain = await get(dev.url + file);
    assert.equal(plain.headers['content-encoding'], undefined, `${file} gzipped for a client that did not ask`);
    assert.ok(plain.body.equals(original));
    const refused = await get(dev.url + file, { 'Accept-Encoding': 'gzip;q=0' });
    assert.equal(refused.headers['content-encoding'], undefined);
  }
  // A picture is compressed already: sent as it is.
  const png = await get(`${dev.url}docs/screenshot.png`, { 'Accept-Encoding': 'gzip' });
  assert.equal(png.headers['content-encoding'], undefined);
});

test('a file changed after it was gzipped is gzipped again', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'playground-gz-'));
  const server = await startServer({ root: dir, port: 0, sim: false });
  try {
    const file = path.join(dir, 'a.js');
    writeFileSync(file, 'export const a = 1;\n'.repeat(50));
    const first = await get(`${server.url}a.js`, { 'Accept-Encoding': 'gzip' });
    writeFileSync(file, 'export const b = 2;\n'.repeat(60));
    const later = new Date(statSync(file).mtimeMs + 5000);
    utimesSync(file, later, later); // a clock too coarse to tell the two writes apart cannot hide it
    const second = await get(`${server.url}a.js`, { 'Accept-Encoding': 'gzip' });
    assert.match(gunzipSync(first.body).toString(), /const a/);
    assert.match(gunzipSync(second.body).toString(), /const b/);
  } finally {
    await new Promise((r) => server.server.close(r));
    rmSync(dir, { recursive: true, force: true });
  }
});

test('FILE.gz written beside the files is what a static host sends', async () => {
  for (const file of ['index.html', 'www/style.css', 'www/favicon.svg']) {
    const gz = readFileSync(path.join(distRoot, `${file}.gz`));
    assert.ok(gunzipSync(gz).equals(readFileSync(path.join(distRoot, file))), `${file}.gz is not ${file}`);
    const answer = await get(dist.url + file, { 'Accept-Encoding': 'gzip' });
    assert.equal(answer.headers['content-encoding'], 'gzip');
    assert.ok(answer.body.equals(gz), `${file}: not the precompressed file`);
  }
});

test('the page loads its scripts compressed and runs', async () => {
  const browser = await startBrowser();
  try {
    const { page, problems } = await openPlayground(browser.context, dev.url);
    assertResult(await run(page, 'asyncio', { tasks: 3, steps: 1, delay_ms: 5 }));
    const app = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => e.name.endsWith('/www/app.js')).map((e) => ({ encoded: e.encodedBodySize, decoded: e.decodedBodySize }))[0]);
    assert.ok(app && app.encoded > 0 && app.encoded < app.decoded / 2, `app.js sent ${JSON.stringify(app)}`);
    assertNoProblems(problems);
  } finally {
    await browser.close();
  }
});
