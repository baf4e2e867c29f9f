// What `playground.demos()` will answer, known before the engine has loaded: the page
// draws the chosen demo's text, controls and code from it at once, and the engine only
// enables Run. www/pkg/demos.js is made at build time from the wasm's own demos()
// (scripts/snapshot-demos.mjs); the engine's live answer still wins (www/app.js), and
// tests/e2e/snapshot.test.mjs checks that the two are the same.
import { DEMOS, CORE_DEFAULTS } from './pkg/demos.js';

/** The snapshot as demos() gives it on this machine: defaults of "your cores" resolved
 *  as the engine resolves them (navigator.hardwareConcurrency, clamped to the range). */
export function snapshotDemos(cores = navigator.hardwareConcurrency || 1) {
  const demos = structuredClone(DEMOS);
  for (const [id, name] of CORE_DEFAULTS) {
    const param = demos.find((d) => d.id === id)?.params.find((p) => p.name === name);
    if (param) param.default = Math.min(Math.max(cores, param.min), param.max);
  }
  return demos;
}
