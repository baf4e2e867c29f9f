// The page side of a demo whose program is one of its parameters (type `text`: the python
// demo): its examples menu, and what a run's value says about the program's end.

/** Whether `demo`'s program is a parameter the user edits. */
export const programParam = (demo) => demo?.params.find((p) => p.type === 'text') ?? null;

// Examples per demo, loaded when the demo is first shown.
const EXAMPLES = { python: () => import('./python-examples.js').then((m) => m.PYTHON_EXAMPLES) };

/**
 * Puts an "Examples" menu above the program's editor (the `.param` of `param` inside
 * `fieldset`); choosing one calls `onPick(example)`. Nothing for a demo without examples.
 */
export async function addExamplesMenu(fieldset, demo, param, onPick) {
  const examples = await EXAMPLES[demo.id]?.();
  const box = fieldset.querySelector(`.param[data-param="${param.name}"]`);
  if (!examples || !box || !box.isConnected) return;
  const id = `${param.name}-examples`;
  const select = document.createElement('select');
  select.id = id;
  select.append(new Option('Choose an example…', ''), ...examples.map((e) => new Option(e.title, e.id)));
  select.addEventListener('change', () => {
    const example = examples.find((e) => e.id === select.value);
    if (example) onPick(example);
  });
  const label = Object.assign(document.createElement('label'), { htmlFor: id, textContent: 'Examples' });
  const menu = document.createElement('div');
  menu.className = 'examples-menu';
  menu.append(label, select);
  box.querySelector('.param-head').after(menu);
}

/** A sentence about how the program ended, from a run's value; '' when it has no exit code. */
export function programEnd(value) {
  if (typeof value?.exit_code !== 'number') return '';
  const error = value.error;
  if (!error) return ` The program exited with code ${value.exit_code}.`;
  return ` The program stopped with ${error.type}${error.line ? ` on line ${error.line}` : ''} (exit code ${value.exit_code}).`;
}

/** The note under the editor for a Python error: `{ line, text }`, or null. */
export function errorNote(value) {
  const error = value?.error;
  if (!error) return null;
  const where = error.line ? `Line ${error.line}${error.column ? `, column ${error.column}` : ''}: ` : '';
  return { line: error.line ?? null, text: `${where}${error.type}: ${error.message}` };
}
