// Code side by side: the Python a learner would write for CPython, and the Rust that
// actually runs here, both with the current parameter values. One module per demo in
// www/ui/code/<demo-id>.js exports `python(params)` and `rust(params)`; a demo without
// one simply has no code panel.
import { paint } from './highlight.js';

const loaded = new Map();

async function codeFor(id) {
  if (!loaded.has(id)) loaded.set(id, import(`./code/${id}.js`).catch(() => null));
  return loaded.get(id);
}

/** Fills `panel` for demo `id` with `params`; hides it for a demo without code. */
export async function renderCode(panel, id, params) {
  const code = await codeFor(id);
  panel.hidden = !code;
  if (!code) return;
  await Promise.all([
    paint(panel.querySelector('[data-code="python"]'), code.python(params), 'python'),
    paint(panel.querySelector('[data-code="rust"]'), code.rust(params), 'rust'),
  ]);
}
