// Compression as a static host offers it: gzip for the text and wasm files a browser
// fetches (they shrink to a quarter or less; images are compressed already).
//   node scripts/compress.mjs DIR   writes FILE.gz beside every compressible file under DIR
//                                   (what `make dist` does: hosts such as nginx's gzip_static,
//                                   Netlify or a CDN send the .gz to browsers that accept it)
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';

export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.txt']);

/** Whether `file` is worth compressing, by its extension. */
export const compressible = (file) => COMPRESSIBLE.has(path.extname(file));

/** The best gzip: done once per file (at build time, or once per version in the dev server). */
export const gzip = (bytes) => gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });

/** Whether a request's Accept-Encoding takes gzip (and does not refuse it with q=0). */
export function acceptsGzip(acceptEncoding = '') {
  return acceptEncoding.split(',').some((part) => {
    const [coding, ...params] = part.trim().split(';').map((s) => s.trim());
    const q = params.find((p) => p.startsWith('q='));
    return (coding === 'gzip' || coding === '*') && !(q && Number(q.slice(2)) === 0);
  });
}

/** Writes FILE.gz for every compressible file under `dir`; returns [bytes before, after]. */
export async function precompress(dir) {
  let before = 0;
  let after = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    if (!entry.isFile() || !compressible(file)) continue;
    const bytes = await fs.readFile(file);
    const packed = gzip(bytes);
    before += bytes.length;
    after += packed.length;
    await fs.writeFile(`${file}.gz`, packed);
  }
  return [before, after];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/compress.mjs DIR');
    process.exit(2);
  }
  const [before, after] = await precompress(dir);
  const mb = (n) => (n / 1e6).toFixed(1);
  console.log(`${dir}: ${mb(before)} MB of text and wasm, ${mb(after)} MB gzipped (FILE.gz beside each)`);
}
