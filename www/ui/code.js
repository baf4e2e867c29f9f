// Code side by side: the Python a learner would write for CPython, with the current
// parameter values, and the Rust that actually runs here. The Rust is the demo's own
// source, cut from its file when the engine is built (`rust` in playground.demos()):
// beside each line that reads a parameter, the value it holds now. The Python comes
// from www/ui/code/<demo-id>.js, which exports `python(params)`; a demo without one
// has no code panel. A module that also exports `runnable` (true, or a function of the
// params) promises its Python is a whole program CPython runs unchanged, printing what
// the demo prints: the panel then offers "Edit as Python".
import { paint } from './highlight.js';

const loaded = new Map();
let latest = 0;

async function codeFor(id) {
  if (!loaded.has(id)) loaded.set(id, import(`./code/${id}.js`).catch(() => null));
  return loaded.get(id);
}

/**
 * Fills `panel` for `demo` (from playground.demos()) with `params`; hides it for a demo
 * without code, and for `demo` null (a demo whose program is its parameter shows it in
 * its editor, not twice). `onEdit(python)`, when given, is what "Edit as Python" does.
 */
export async function renderCode(panel, demo, params, { onEdit = null } = {}) {
  const call = ++latest;
  const button = editButton(panel);
  button.hidden = true; // until this demo's program is known (not the previous demo's)
  const code = demo ? await codeFor(demo.id) : null;
  if (call !== latest) return; // another demo was shown meanwhile
  panel.hidden = !demo?.rust;
  if (panel.hidden) return;
  const pythonColumn = panel.querySelector('[data-code="python"]');
  pythonColumn.closest('figure').hidden = !code;
  const python = code?.python(params) ?? '';
  const runnable = typeof code?.runnable === 'function' ? code.runnable(params) : Boolean(code?.runnable);
  button.hidden = !(runnable && onEdit);
  button.onclick = () => onEdit(python);
  await Promise.all([
    paint(pythonColumn, python, 'python'),
    paint(panel.querySelector('[data-code="rust"]'), demo.rust, 'rust', valueNotes(demo.rust, params)),
  ]);
}

/** For each line of `source` that reads a parameter (`params.count("workers")`), the
 *  note shown at its end: `workers = 3`. */
export function valueNotes(source, params) {
  return source.split('\n').map((line) => {
    const read = Object.keys(params).filter((name) => line.includes(`("${name}")`));
    return read.length ? read.map((name) => `${name} = ${shown(params[name])}`).join(', ') : null;
  });
}

function shown(value) {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
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
