// Code side by side, both from the demo's own Rust file through playground.demos():
// `python`, the program a learner would write for CPython, whose parameters are constants
// at its top that are set here to the current values; and `rust`, the source that runs
// here, cut from the file when the engine is built, with each parameter's current value
// beside the line that reads it. A program marked `runnable` (always, for one value of a
// choice, or up to a size) runs unchanged in CPython printing what the demo prints: the
// panel then offers "Edit as Python" (disabled above the size, saying why).
import { paint } from './highlight.js';

/**
 * Fills `panel` for `demo` (from playground.demos()) with `params`; hides it for a demo
 * without code, and for `demo` null (a demo whose program is its parameter shows it in
 * its editor, not twice). `onEdit(python, params)`, when given, is what "Edit as Python"
 * does: `params` are the demo's values that the program's run takes too (`run_params`,
 * such as the gil demo's `gil`).
 */
export async function renderCode(panel, demo, params, { onEdit = null } = {}) {
  const button = editButton(panel);
  panel.hidden = !demo?.python && !demo?.rust;
  button.hidden = true;
  showWhy(button, '');
  if (panel.hidden) return;
  const [pythonColumn, rustColumn] = ['python', 'rust'].map((lang) => panel.querySelector(`[data-code="${lang}"]`));
  pythonColumn.closest('figure').hidden = !demo.python;
  rustColumn.closest('figure').hidden = !demo.rust;
  const python = demo.python ? pythonProgram(demo.python.program, params) : '';
  const { shown, why } = editable(demo.python?.runnable, params);
  button.hidden = !(onEdit && demo.python && shown);
  button.disabled = Boolean(why);
  showWhy(button, button.hidden ? '' : why);
  const carried = Object.fromEntries((demo.python?.run_params ?? []).map((name) => [name, params[name]]));
  button.onclick = () => onEdit(python, carried);
  await Promise.all([
    paint(pythonColumn, python, 'python'),
    paint(rustColumn, demo.rust ?? '', 'rust', valueNotes(demo.rust ?? '', params)),
  ]);
}

/** `program` with each parameter's constant (`TASKS = 3  # ...` for `tasks`) set to its
 *  value in `params`; every other line as it is. */
export function pythonProgram(program, params) {
  return program.split('\n').map((line) => {
    const constant = line.match(/^([A-Z][A-Z0-9_]*) = (.*?)(\s+#.*)?$/);
    const name = constant?.[1].toLowerCase();
    if (!constant || !Object.hasOwn(params, name)) return line;
    return `${constant[1]} = ${pythonValue(params[name])}${constant[3] ?? ''}`;
  }).join('\n');
}

/** A parameter's value as Python source: True/False, a number, a string, a list of strings. */
function pythonValue(value) {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (Array.isArray(value)) return `[\n${value.map((v) => `    ${pythonValue(v)},`).join('\n')}\n]`;
  // JSON's string escapes are Python's too.
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** `runnable`: true, false, `{ param, value }` (only for that value of a choice), or
 *  `{ param, max, why }` (only up to that size: above it the button is shown disabled,
 *  with `why`). */
export function editable(runnable, params) {
  if (runnable === true) return { shown: true, why: '' };
  if (runnable && Object.hasOwn(runnable, 'max')) {
    const over = !(Number(params[runnable.param]) <= runnable.max);
    return { shown: true, why: over ? `${runnable.why} Now ${runnable.param} = ${params[runnable.param]}.` : '' };
  }
  return { shown: Boolean(runnable?.param) && params[runnable.param] === runnable.value, why: '' };
}

/** Why the button is disabled: its tooltip, and a line under the caption (a disabled
 *  button's tooltip does not show everywhere). */
function showWhy(button, why) {
  button.title = why || EDIT_TITLE;
  const note = button.parentElement.querySelector('.edit-python-why');
  note.textContent = why;
  note.hidden = !why;
}

/** The notes shown at the ends of the lines of `source`: each parameter's value,
 *  `workers = 3`, beside the line that reads it (`let Values { workers, .. } =
 *  Values::read(params)`, or `params.count("workers")`), else the first that names it. */
export function valueNotes(source, params) {
  const lines = source.split('\n');
  const words = lines.map((line) => new Set(line.split(/[^A-Za-z0-9_]+/)));
  const reads = lines.map((line) => /::read\(params\)|params\.\w+\("/.test(line));
  const notes = lines.map(() => []);
  for (const [name, value] of Object.entries(params)) {
    const at = [words.findIndex((w, i) => reads[i] && w.has(name)), words.findIndex((w) => w.has(name))].find((i) => i >= 0);
    if (at !== undefined) notes[at].push(`${name} = ${shown(value)}`);
  }
  return notes.map((n) => (n.length ? n.join(', ') : null));
}

function shown(value) {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

const EDIT_TITLE = 'Open this program in the editor of "Your own Python", where it runs as written';

/** The "Edit as Python" button beside the Python column's caption (made once). */
function editButton(panel) {
  const caption = panel.querySelector('[data-code="python"]').closest('figure').querySelector('figcaption');
  let button = caption.querySelector('.edit-python');
  if (!button) {
    button = Object.assign(document.createElement('button'), { type: 'button', className: 'edit-python', textContent: 'Edit as Python', hidden: true });
    button.title = EDIT_TITLE;
    const why = Object.assign(document.createElement('small'), { className: 'edit-python-why', hidden: true });
    caption.append(button, why);
  }
  return button;
}
