// The page's modules as one minified file, for `make dist`: www/app.js imports about
// twenty modules, each a request the browser discovers only after parsing the one before
// (about 200 ms of round trips before anything runs on a fresh load here). The sources
// stay as they are; dist/www/app.js becomes the bundle.
//   node scripts/bundle.mjs SRC_WWW OUT_FILE     e.g. node scripts/bundle.mjs www dist/www/app.js
//
// The bundle sits where app.js was, so what the modules find relative to themselves must
// still be found from there: `import.meta.url` in a module of a subfolder (www/ui/) is
// replaced by that module's own address, and the vendor files a module imports on demand
// (the editor, Prism, lz-string) stay separate files, imported by their path from the
// bundle. Modules of the page imported on demand (a demo's code panel) are bundled.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const toUrlPath = (p) => p.split(path.sep).join('/');

/** The bundler's plugin: keeps addresses relative to the sources right from the bundle. */
function sameAddresses(srcDir) {
  const root = path.resolve(srcDir);
  return {
    name: 'same-addresses',
    setup(b) {
      // Vendor files: fetched when needed, as before, from the bundle's folder.
      b.onResolve({ filter: /\/vendor\// }, (args) => {
        const target = path.resolve(args.resolveDir, args.path);
        return { path: `./${toUrlPath(path.relative(root, target))}`, external: true };
      });
      b.onLoad({ filter: /\.js$/ }, async (args) => {
        let contents = await readFile(args.path, 'utf8');
        const from = path.dirname(args.path);
        if (from !== root && contents.includes('import.meta.url')) {
          const own = `./${toUrlPath(path.relative(root, args.path))}`;
          contents = contents.replaceAll('import.meta.url', `new URL(${JSON.stringify(own)}, import.meta.url).href`);
        }
        return { contents, loader: 'js' };
      });
    },
  };
}

export async function bundle(srcDir, outFile) {
  await build({
    entryPoints: [path.join(srcDir, 'app.js')],
    outfile: outFile,
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [sameAddresses(srcDir)],
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [srcDir, outFile] = process.argv.slice(2);
  if (!srcDir || !outFile) {
    console.error('usage: node scripts/bundle.mjs SRC_WWW OUT_FILE');
    process.exit(2);
  }
  await bundle(srcDir, outFile);
}
