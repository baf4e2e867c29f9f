// Controls generated from a demo's parameter schema (declared in Rust).
// The inputs carry the schema's min/max/step, so the form's own validation refuses
// what the engine would refuse, and Run stays blocked until the values are valid.

function el(tag, props = {}, children = []) {
  const node = Object.assign(document.createElement(tag), props);
  for (const child of children) node.append(child);
  return node;
}

function intControl(spec, id, onChange) {
  const range = el('input', { type: 'range', min: spec.min, max: spec.max, step: spec.step ?? 1, value: spec.default, tabIndex: -1 });
  range.setAttribute('aria-hidden', 'true'); // the number box is the accessible control
  const number = el('input', { type: 'number', id, name: spec.name, min: spec.min, max: spec.max, step: spec.step ?? 1, value: spec.default, required: true, inputMode: 'numeric' });
  range.addEventListener('input', () => { number.value = range.value; onChange(); });
  number.addEventListener('input', () => {
    if (number.validity.valid) range.value = number.value;
    number.setCustomValidity('');
    onChange();
  });
  return {
    inputs: [range, number],
    read: () => Number(number.value),
    write: (v) => { number.value = v; range.value = v; },
    input: number,
  };
}

function boolControl(spec, id, onChange) {
  const box = el('input', { type: 'checkbox', id, name: spec.name, checked: spec.default });
  box.addEventListener('change', onChange);
  return { inputs: [box], read: () => box.checked, write: (v) => { box.checked = v; }, input: box };
}

function choiceControl(spec, id, onChange) {
  const select = el('select', { id, name: spec.name }, spec.options.map((o) => el('option', { value: o, textContent: o })));
  select.value = spec.default;
  select.addEventListener('change', onChange);
  return { inputs: [select], read: () => select.value, write: (v) => { select.value = v; }, input: select };
}

// A count of simulated URLs, or real URLs pasted one per line (the list wins when given).
function urlsControl(spec, id, onChange) {
  const count = intControl(spec, id, onChange);
  const list = el('textarea', { rows: 3, placeholder: `or paste up to ${spec.max_list} URLs, one per line`, spellcheck: false });
  list.setAttribute('aria-label', `${spec.name}: real URLs to fetch, one per line`);
  list.addEventListener('input', onChange);
  const pasted = () => list.value.split('\n').map((line) => line.trim()).filter(Boolean);
  return {
    inputs: [...count.inputs, list],
    read: () => (pasted().length ? pasted() : count.read()),
    write: (v) => {
      if (Array.isArray(v)) list.value = v.join('\n');
      else {
        list.value = '';
        count.write(v);
      }
    },
    input: count.input,
  };
}

const MAKERS = { int: intControl, bool: boolControl, choice: choiceControl, urls: urlsControl };

/** Fills `fieldset` with one control per parameter; returns { values(), setValues(), reset(), firstInvalid() }. */
export function renderControls(fieldset, demo) {
  for (const old of fieldset.querySelectorAll('.param')) old.remove();
  const controls = new Map();
  for (const spec of demo.params) {
    const id = `param-${spec.name}`;
    const changed = el('span', { className: 'changed', textContent: '● changed', hidden: true });
    const make = MAKERS[spec.type];
    if (!make) throw new Error(`no control for parameter type ${spec.type}`);
    const control = make(spec, id, () => { changed.hidden = JSON.stringify(control.read()) === JSON.stringify(spec.default); });
    const label = el('label', { htmlFor: id }, [spec.name, spec.unit && spec.unit !== spec.name ? el('span', { className: 'unit', textContent: ` (${spec.unit})` }) : '', changed]);
    const help = el('span', { className: 'help', id: `${id}-help`, textContent: spec.help });
    control.input.setAttribute('aria-describedby', help.id);
    const range = spec.type === 'int' ? el('span', { className: 'help', textContent: `${spec.min} to ${spec.max}` }) : '';
    fieldset.append(el('div', { className: 'param' }, [label, el('div', { className: 'inputs' }, control.inputs), help, range]));
    controls.set(spec.name, { spec, control, changed });
  }
  return {
    values() {
      return Object.fromEntries([...controls].map(([name, { control }]) => [name, control.read()]));
    },
    reset() {
      for (const { spec, control, changed } of controls.values()) {
        control.write(spec.default);
        changed.hidden = true;
      }
    },
    /** Sets the controls to `values` (already validated by the engine). */
    set(values) {
      for (const [name, value] of Object.entries(values)) {
        const entry = controls.get(name);
        if (!entry) continue;
        entry.control.write(value);
        entry.changed.hidden = JSON.stringify(value) === JSON.stringify(entry.spec.default);
      }
    },
    /** The first input the browser's validation refuses, with its message shown. */
    firstInvalid() {
      for (const { spec, control } of controls.values()) {
        if (!control.input.checkValidity()) {
          control.input.setCustomValidity(`${spec.name} must be a whole number from ${spec.min} to ${spec.max}`);
          return control.input;
        }
      }
      return null;
    },
  };
}
