// Controls generated from a demo's parameter schema (declared in Rust).
// Whole numbers carry the schema's min/max, so the browser's own validation refuses what
// the engine would refuse. What HTML cannot express (a list of URLs, a type this page
// does not know yet) is checked by the engine itself through `check` (playground.validate),
// so the rules stay declared once, in Rust. Run stays blocked while any control is invalid.
// A `text` parameter (a program) is a code editor: CodeMirror, bundled into
// www/vendor/editor/editor.js and loaded the first time such a control is shown.
import { loadTextCodec } from './permalink.js';
import { el } from './dom.js';

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function intControl(spec, id, onChange) {
  // The schema's step is the slider's increment, not a constraint: the number box takes
  // any whole number in range (step 1), so typed entry refuses nothing the engine accepts.
  const range = el('input', { type: 'range', min: spec.min, max: spec.max, step: Math.max(1, spec.step ?? 1), value: spec.default, tabIndex: -1 });
  range.setAttribute('aria-hidden', 'true'); // the number box is the accessible control
  const number = el('input', { type: 'number', id, name: spec.name, min: spec.min, max: spec.max, step: 1, value: spec.default, required: true, inputMode: 'numeric' });
  range.addEventListener('input', () => {
    number.value = range.value;
    number.setCustomValidity('');
    onChange();
  });
  number.addEventListener('input', () => {
    if (number.validity.valid) range.value = number.value;
    number.setCustomValidity('');
    onChange();
  });
  return {
    inputs: [range, number],
    read: () => Number(number.value),
    write: (v) => { number.value = v; range.value = v; number.setCustomValidity(''); },
    input: number,
    message: () => `${spec.name} must be a whole number from ${spec.min} to ${spec.max}`,
  };
}

function boolControl(spec, id, onChange) {
  const box = el('input', { type: 'checkbox', id, name: spec.name, checked: spec.default });
  box.addEventListener('change', onChange);
  return { inputs: [box], read: () => box.checked, write: (v) => { box.checked = v; }, input: box };
}

function choiceControl(spec, id, onChange) {
  const select = el('select', { id, name: spec.name }, (spec.options ?? []).map((o) => el('option', { value: o, textContent: o })));
  select.value = spec.default;
  select.addEventListener('change', onChange);
  return { inputs: [select], read: () => select.value, write: (v) => { select.value = v; }, input: select };
}

// A count of simulated URLs, or real URLs pasted one per line (the list wins when given).
function urlsControl(spec, id, onChange) {
  const count = intControl(spec, id, onChange);
  const listId = `${id}-list`;
  const max = spec.max_list ?? 1;
  const list = el('textarea', { id: listId, name: `${spec.name}-list`, rows: 3, placeholder: `or paste up to ${max} URLs, one per line`, spellcheck: false });
  list.setAttribute('aria-label', `${spec.name}: or real URLs to fetch, one per line (at most ${max})`);
  const pasted = () => list.value.split('\n').map((line) => line.trim()).filter(Boolean);
  list.addEventListener('input', () => {
    // The schema says how many may be listed: refuse more at once. Each URL's own rules
    // are the engine's (see `check` in renderControls).
    const n = pasted().length;
    list.setCustomValidity(n > max ? `${spec.name}: at most ${max} URLs, one per line (${n} given)` : '');
    count.input.disabled = n > 0; // the list wins: say so by greying the count out
    onChange();
  });
  return {
    inputs: [...count.inputs, list],
    read: () => (pasted().length ? pasted() : count.read()),
    write: (v) => {
      list.setCustomValidity('');
      if (Array.isArray(v)) {
        list.value = v.join('\n');
        count.input.disabled = v.length > 0;
      } else {
        list.value = '';
        count.input.disabled = false;
        count.write(v);
      }
    },
    // The field the engine's verdict belongs to: the list when one is given.
    input: count.input,
    inputFor: () => (pasted().length ? list : count.input),
    engineChecked: true,
    message: count.message,
  };
}

// A parameter type this page does not know yet: a text field holding the default (as
// JSON when it is not text). It sends the default until edited, then what was typed
// (parsed as JSON when it parses), and the engine says whether that is acceptable.
function fallbackControl(spec, id, onChange) {
  const asText = (v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '');
  const box = el('input', { type: 'text', id, name: spec.name, value: asText(spec.default), spellcheck: false });
  box.addEventListener('input', () => { box.setCustomValidity(''); onChange(); });
  const read = () => {
    if (box.value === asText(spec.default)) return spec.default;
    try {
      return JSON.parse(box.value);
    } catch {
      return box.value;
    }
  };
  return { inputs: [box], read, write: (v) => { box.value = asText(v); box.setCustomValidity(''); }, input: box, engineChecked: true };
}

let editorModule = null;
const loadEditor = () => (editorModule ??= import('../vendor/editor/editor.js'));
const utf8Length = (text) => new TextEncoder().encode(text).length;

// A program: the code editor, with a plain text area until it has loaded (or if it cannot).
// The browser's validity API does not reach into the editor, so this control keeps its own
// message (the length limit, the engine's verdict), shown under it, behind `field`, which
// offers what the shared machinery asks of an input. Ctrl/Cmd+Enter submits the form
// (runs); the editor is read-only while its fieldset is disabled (an exercise holds it).
function textControl(spec, id, onChange) {
  let text = spec.default;
  let editor = null;
  let message = '';
  const attributes = {};
  const box = el('div', { className: 'editor-box' });
  const area = el('textarea', { id, name: spec.name, value: text, rows: 14, spellcheck: false, className: 'editor-fallback' });
  area.setAttribute('autocapitalize', 'off');
  // As tall as the editor will be for this text, so nothing moves when it replaces the
  // text area: its lines (13px, 1.45 high), padding (.4rem twice), limits (12 to 32rem)
  // and border, as scripts/editor-entry.js sets them.
  const lines = text.split('\n').length;
  area.style.height = area.style.minHeight = `calc(min(max(${(lines * 13 * 1.45).toFixed(1)}px + .8rem, 12rem), 32rem) + 2px)`;
  const host = el('div', { className: 'editor-host', hidden: true });
  const note = el('p', { className: 'editor-note', hidden: true });
  note.setAttribute('role', 'alert');
  box.append(area, host, note);
  const target = () => editor?.contentDOM ?? area;
  const tooLong = () => (spec.max && utf8Length(text) > spec.max
    ? `${spec.name}: at most ${spec.max.toLocaleString('en')} bytes of UTF-8 (this is ${utf8Length(text).toLocaleString('en')})` : '');
  const showNote = () => {
    const shown = message || tooLong() || box.dataset.mark || '';
    note.textContent = shown;
    note.hidden = !shown;
    note.classList.toggle('invalid', Boolean(message || tooLong()));
  };
  const changed = (value) => {
    text = value;
    message = '';
    delete box.dataset.mark;
    showNote();
    onChange();
    // The form's listeners (the code panel, the address) follow input events, as for any control.
    box.dispatchEvent(new Event('input', { bubbles: true }));
  };
  area.addEventListener('input', (event) => {
    event.stopPropagation(); // re-sent by changed(), once
    changed(area.value);
  });
  const run = () => {
    const form = box.closest('form');
    const submit = form?.querySelector('[type="submit"]');
    if (form && !submit?.disabled) form.requestSubmit(submit ?? undefined);
  };
  const field = {
    id,
    tabIndex: 0,
    get disabled() { return Boolean(box.closest('fieldset')?.disabled); },
    setAttribute(name, value) {
      attributes[name] = value;
      target().setAttribute(name, value);
    },
    focus: () => (editor ?? area).focus(),
    dispatchEvent: (event) => box.dispatchEvent(event),
    setCustomValidity(text) {
      message = text;
      showNote();
    },
    checkValidity: () => !message && !tooLong(),
    reportValidity() {
      showNote();
      return field.checkValidity();
    },
    get validity() { return { valid: field.checkValidity(), customError: Boolean(message) }; },
  };
  loadTextCodec();
  loadEditor().then(({ createEditor }) => {
    if (!box.isConnected) return; // another demo was chosen before it loaded
    const hadFocus = document.activeElement === area;
    editor = createEditor(host, {
      doc: text,
      label: spec.name,
      onChange: changed,
      onRun: run,
    });
    for (const [name, value] of Object.entries(attributes)) editor.contentDOM.setAttribute(name, value);
    editor.contentDOM.setAttribute('aria-labelledby', `${id}-label`);
    area.remove();
    editor.contentDOM.id = id; // the label's target and the tests' handle, as for other controls
    host.hidden = false;
    box.dataset.editor = 'ready';
    box.editor = editor; // its API (getText, setText, …) for the page's tests
    const fieldset = box.closest('fieldset');
    if (fieldset) {
      const follow = () => editor.setReadOnly(fieldset.disabled);
      new MutationObserver(follow).observe(fieldset, { attributes: true, attributeFilter: ['disabled'] });
      follow();
    }
    if (hadFocus) editor.focus();
  }, (error) => {
    box.dataset.editor = 'unavailable';
    console.warn(`code editor unavailable, a plain text area instead: ${error.message}`);
  });
  area.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    }
  });
  return {
    inputs: [box],
    fields: [field],
    read: () => text,
    write(value) {
      text = String(value);
      message = '';
      delete box.dataset.mark;
      if (editor) editor.setText(text);
      else area.value = text;
      showNote();
    },
    input: field,
    engineChecked: true,
    message: tooLong,
    /** Marks `line` (1-based, or null) and shows `why` under the editor; ('') clears both. */
    markLine(line, why = '') {
      editor?.markError(line);
      if (why) box.dataset.mark = why;
      else delete box.dataset.mark;
      showNote();
    },
  };
}

const MAKERS = { int: intControl, bool: boolControl, choice: choiceControl, urls: urlsControl, text: textControl };

// What validity is asked of: the inputs themselves, or what a control offers in their place.
const fieldsOf = (control) => control.fields ?? control.inputs;

/** The range, in words, under a number's help text. */
function rangeText(spec) {
  if (spec.type === 'int') return `${spec.min} to ${spec.max}`;
  if (spec.type === 'urls') return `${spec.min} to ${spec.max}, or up to ${spec.max_list} URLs`;
  return '';
}

/**
 * Fills `fieldset` with one control per parameter of `demo`. `check(values)` asks the
 * engine (resolves, or rejects with its ParamError). Returns { values(), set(), reset(),
 * firstInvalid(), refuse(error) }.
 */
export function renderControls(fieldset, demo, { check = null } = {}) {
  for (const old of fieldset.querySelectorAll('.param')) {
    old.querySelector('.editor-box')?.editor?.destroy(); // its listeners go with it
    old.remove();
  }
  const controls = new Map();
  let pending = null;

  // Debounced: ask the engine about the controls only it can judge, and mark the one it names.
  const engineCheck = () => {
    if (!check) return;
    clearTimeout(pending);
    pending = setTimeout(async () => {
      const values = api.values();
      const marked = [...controls.values()].filter(({ control }) => control.engineChecked);
      try {
        await check(values);
        for (const { control } of marked) for (const input of fieldsOf(control)) input.setCustomValidity('');
      } catch (error) {
        if (!same(values, api.values())) return; // the user typed on: a newer check follows
        api.refuse(error, { focus: false });
      }
    }, 150);
  };

  for (const spec of demo.params) {
    const id = `param-${spec.name}`;
    const make = MAKERS[spec.type] ?? fallbackControl;
    const reset = el('button', { type: 'button', className: 'changed', textContent: '● changed: reset', hidden: true });
    // The visible words start the accessible name (WCAG 2.5.3: speech users say what they see).
    reset.setAttribute('aria-label', `changed: reset ${spec.name} to ${spec.type === 'text' ? 'the default program' : `its default, ${JSON.stringify(spec.default)}`}`);
    const entry = { spec, control: null, reset };
    const onChange = () => {
      reset.hidden = same(entry.control.read(), spec.default);
      if (entry.control.engineChecked) engineCheck();
    };
    const control = make(spec, id, onChange);
    entry.control = control;
    reset.addEventListener('click', () => {
      control.write(spec.default);
      reset.hidden = true;
      control.input.focus();
      // Others (the code panel, the address) follow the form's input events.
      control.input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const unit = spec.unit && spec.unit !== spec.name ? el('span', { className: 'unit', textContent: ` (${spec.unit})` }) : '';
    const label = el('label', { htmlFor: id, id: `${id}-label` }, [spec.name, unit]);
    const help = el('span', { className: 'help', id: `${id}-help`, textContent: spec.help ?? '' });
    control.input.setAttribute('aria-describedby', help.id);
    const range = rangeText(spec) ? el('span', { className: 'help range', textContent: rangeText(spec) }) : '';
    const head = el('div', { className: 'param-head' }, [label, reset]);
    const box = el('div', { className: 'param' }, [head, el('div', { className: 'inputs' }, control.inputs), help, range]);
    box.dataset.param = spec.name;
    box.dataset.type = spec.type;
    fieldset.append(box);
    controls.set(spec.name, entry);
  }

  const api = {
    values() {
      return Object.fromEntries([...controls].map(([name, { control }]) => [name, control.read()]));
    },
    reset() {
      for (const { spec, control, reset } of controls.values()) {
        control.write(spec.default);
        reset.hidden = true;
      }
    },
    /** Sets the controls to `values` (already validated by the engine). */
    set(values) {
      for (const [name, value] of Object.entries(values)) {
        const entry = controls.get(name);
        if (!entry) continue;
        entry.control.write(value);
        entry.reset.hidden = same(value, entry.spec.default);
      }
    },
    /** The first input the browser's validation refuses, with its message shown. */
    firstInvalid() {
      for (const { control } of controls.values()) {
        for (const input of fieldsOf(control)) {
          if (input.tabIndex < 0 || input.disabled || input.checkValidity()) continue;
          // Our wording for range errors; the engine's or the list's own message stays.
          if (!input.validity.customError && control.message) input.setCustomValidity(control.message());
          return input;
        }
      }
      return null;
    },
    /** Marks the control a ParamError names (`parameter "x" ...`) with the engine's message; returns its input. */
    refuse(error, { focus = true } = {}) {
      const name = /parameter "([^"]+)"/.exec(error.message)?.[1];
      const entry = controls.get(name);
      if (!entry) return null;
      const input = entry.control.inputFor?.() ?? entry.control.input;
      input.setCustomValidity(error.message);
      if (focus) {
        input.reportValidity();
        input.focus();
      }
      return input;
    },
    /** Marks line `line` of the program (the text controls; null: no line) and shows `why` under it; ('') clears. */
    markLine(line, why = '') {
      for (const { control } of controls.values()) control.markLine?.(line, why);
    },
  };
  return api;
}
