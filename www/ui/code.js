// Code side by side: the Python a learner would write for CPython, and the Rust that
// actually runs here, both with the current parameter values. One module per demo in
// www/ui/code/<demo-id>.js exports `python(params)` and `rust(params)`; a demo without
// one simply has no code panel. A module that also exports `runnable` (true, or a
// function of the params) promises its Python is a whole program CPython runs unchanged,
// printing what the demo prints: the panel then offers "Edit as Python".
import { paint } from './highlight.js';

const loaded = new Map();
let latest = 0;

async function codeFor(id) {
  if (!loaded.has(id)) loaded.set(id, import(`./code/${id}.js`).catch(() => null));
  return loaded.get(id);
}

/**
 * Fills `panel` for demo `id` with `params`; hides it for a demo without code, and for
 * `id` null (a demo whose program is its parameter shows it in its editor, not twice).
 * `onEdit(python)`, when given, is what "Edit as Python" does.
 */
export async function renderCode(panel, id, params, { onEdit = null } = {}) {
  const call = ++latest;
  const button = editButton(panel);
  button.hidden = true; // until this demo's program is known (not the previous demo's)
  const code = id ? await codeFor(id) : null;
  if (call !== latest) return; // another demo was shown meanwhile
  panel.hidden = !code;
  if (!code) return;
  const python = code.python(params);
  const runnable = typeof code.runnable === 'function' ? code.runnable(params) : Boolean(code.runnable);
  button.hidden = !(runnable && onEdit);
  button.onclick = () => onEdit(python);
  await Promise.all([
    paint(panel.querySelector('[data-code="python"]'), python, 'python'),
    paint(panel.querySelector('[data-code="rust"]'), code.rust(params), 'rust'),
  ]);
}

/** The "Edit as Python" button beside the Python column's caption (made once). */
function editButton(panel) {
  const caption = panel.querySelector('[data-code="python"]').closest('figure').querySelector('figcaption');
  let button = caption.querySelector('.edit-python');
  if (!button) {
    button = Object.assign(document.createElement('button'), { type: 'button', className: 'edit-python', textContent: 'Edit as Python', hidden: true });
    button.title = 'Open this program in the editor of "Your own Python", where it runs as written';
    caption.append(button);
  }
  return button;
}
