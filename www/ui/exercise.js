// Classroom exercises: "predict, then run". A link carries the demo, its parameters and a
// question; the student enters a prediction, runs, and sees prediction against measurement.
//   ?demo=asyncio&tasks=10&predict=wall_ms                        predict the wall time
//   ?demo=gil&predict=threads_ms                                  predict one phase's time
//   ?demo=io-vs-cpu&predict=fastest&choices=cpu_async,cpu_threads which phase finishes first
//   ?demo=python&code=...&predict=stdout                          what the program prints
//   &question=...                                                 the teacher's own wording
// Phases are the times a demo declares (`timings` in demos()) and a run reports as `<phase>_ms`.
import { formatMs } from './timeline.js';
import { linkFor } from './permalink.js';
import { el } from './dom.js';
import { words } from './words.js';

const NAME = /^[a-z][a-z0-9_]{0,40}$/;
const MAX_QUESTION = 300;

/** The exercise in an address: null when there is none; throws an Error naming what is wrong. */
export function readExercise(search) {
  const query = new URLSearchParams(search);
  const predict = query.get('predict');
  if (predict === null) {
    if (query.has('choices') || query.has('question')) throw new Error('"choices" and "question" need "predict" (what to predict: wall_ms, a phase such as threads_ms, or fastest)');
    return null;
  }
  if (!NAME.test(predict)) throw new Error(`"predict" must name what to predict (wall_ms, a phase such as threads_ms, fastest, or stdout), got "${predict.slice(0, 40)}"`);
  const numeric = predict !== 'fastest' && predict !== 'stdout';
  if (numeric && !predict.endsWith('_ms')) throw new Error(`"predict" names a time ending in _ms (such as wall_ms or threads_ms), "fastest" or "stdout", got "${predict}"`);
  const choices = (query.get('choices') ?? '').split(',').map((c) => c.trim()).filter(Boolean);
  if (predict === 'stdout') {
    if (choices.length) throw new Error('"choices" belong to predict=fastest, not predict=stdout');
  } else if (!numeric) {
    if (choices.length < 2) throw new Error('predict=fastest needs "choices": two or more phases, comma-separated, such as choices=sequential,threads');
    const bad = choices.find((c) => !NAME.test(c));
    if (bad) throw new Error(`"choices" must be phase names such as threads or cpu_async, got "${bad.slice(0, 40)}"`);
    if (new Set(choices).size !== choices.length) throw new Error('"choices" names the same phase twice');
  } else if (choices.length) {
    throw new Error(`"choices" belong to predict=fastest, not predict=${predict}`);
  }
  const question = (query.get('question') ?? '').trim();
  if (question.length > MAX_QUESTION) throw new Error(`"question" is at most ${MAX_QUESTION} characters, got ${question.length}`);
  return { predict, choices: predict === 'fastest' ? choices : [], question };
}

/** The times `demo` reports with `values` (`timings` from the engine's schema, each
 *  perhaps only for one value of a parameter): `[{ name, needsThreads }]`, in order. */
export function timingsFor(demo, values) {
  const found = new Map();
  for (const t of demo.timings ?? []) {
    if (t.when && String(values[t.when.param]) !== t.when.value) continue;
    const known = found.get(t.name);
    found.set(t.name, { name: t.name, needsThreads: (known?.needsThreads ?? true) && t.needsThreads });
  }
  return [...found.values()];
}

/**
 * Checks an exercise against what its demo measures with `values`. Throws an Error naming
 * a time the demo never reports there; returns the asked-about names that only a build
 * with threads measures (empty when `hasThreads`), for the page to say so before the
 * student predicts.
 */
export function checkAgainstDemo(exercise, demo, values, hasThreads) {
  if (exercise.predict === 'wall_ms') return [];
  if (exercise.predict === 'stdout') {
    if (printsProgram(demo)) return [];
    throw new Error(`the ${demo.id} demo runs no program of yours: predict=stdout is for "Your own Python"; ask about wall_ms or a phase`);
  }
  const asked = exercise.predict === 'fastest' ? exercise.choices : [exercise.predict.slice(0, -3)];
  const timings = timingsFor(demo, values);
  const suffix = exercise.predict === 'fastest' ? '' : '_ms';
  for (const name of asked) {
    if (timings.some((t) => t.name === name)) continue;
    const elsewhere = (demo.timings ?? []).find((t) => t.name === name && t.when);
    if (elsewhere) throw new Error(`the ${demo.id} demo measures "${name}${suffix}" only with ${elsewhere.when.param}=${elsewhere.when.value}`);
    const names = timings.map((t) => `${t.name}${suffix}`);
    const offer = exercise.predict === 'fastest'
      ? (names.length ? `its phases are ${names.join(', ')}` : 'it has no phases to compare')
      : `it measures ${[...names, 'wall_ms'].join(', ')}`;
    throw new Error(`the ${demo.id} demo does not measure "${name}${suffix}": ${offer}`);
  }
  return hasThreads ? [] : asked.filter((name) => timings.find((t) => t.name === name).needsThreads);
}

/** Whether `demo` runs a program given as a parameter (type text), whose output can be predicted. */
export const printsProgram = (demo) => demo.params.some((p) => p.type === 'text');

/** The question as the student reads it. */
export function questionText(exercise) {
  if (exercise.question) return exercise.question;
  if (exercise.predict === 'stdout') return 'What will this program print? Write its output, line by line.';
  if (exercise.predict === 'fastest') return `Which finishes first: ${exercise.choices.map(words).join(', or ')}?`;
  if (exercise.predict === 'wall_ms') return 'How long will this run take, from start to end?';
  return `How long will the “${words(exercise.predict.slice(0, -3))}” phase take?`;
}

/** The address of an exercise on `demo` with `values`. */
export function exerciseLink(demo, values, exercise, base) {
  const url = new URL(linkFor(demo, values, base));
  url.searchParams.set('predict', exercise.predict);
  if (exercise.predict === 'fastest') url.searchParams.set('choices', exercise.choices.join(','));
  if (exercise.question) url.searchParams.set('question', exercise.question);
  return url.href;
}

/** What a run measured for the exercise: `{ value }` (ms), `{ fastest, times }`, or `{ missing }`. */
export function measured(exercise, result) {
  if (exercise.predict === 'wall_ms') return { value: result.wall_ms };
  if (exercise.predict === 'stdout') {
    const text = result.value?.stdout;
    return typeof text === 'string' ? { text } : { missing: 'stdout' };
  }
  if (exercise.predict !== 'fastest') {
    const value = result.stats?.[exercise.predict];
    return typeof value === 'number' ? { value } : { missing: exercise.predict };
  }
  const times = exercise.choices.map((c) => [c, result.stats?.[`${c}_ms`]]);
  const missing = times.find(([, ms]) => typeof ms !== 'number');
  if (missing) return { missing: `${missing[0]}_ms` };
  const [fastest] = [...times].sort((a, b) => a[1] - b[1])[0];
  return { fastest, times };
}

/** One sentence comparing the prediction with the measurement. */
export function verdictText(exercise, prediction, result) {
  const m = measured(exercise, result);
  if (m.missing) return { ok: null, text: `This run did not measure “${m.missing}”, so the prediction cannot be checked (a phase the demo skips on this build?).` };
  if (exercise.predict === 'stdout') return outputVerdict(prediction, m.text);
  if (exercise.predict === 'fastest') {
    const times = m.times.map(([c, ms]) => `${words(c)} ${formatMs(ms)}`).join(', ');
    const ok = prediction === m.fastest;
    return { ok, text: `You predicted ${words(prediction)}. Measured: ${words(m.fastest)} finished first (${times}). ${ok ? 'Right.' : 'Not this time.'}` };
  }
  const ratio = m.value / prediction;
  const times = (k) => `${k < 10 ? k.toFixed(1) : Math.round(k).toLocaleString('en')}×`;
  const off = ratio >= 1 ? `${times(ratio)} your prediction` : `your prediction was ${times(1 / ratio)} the measurement`;
  const close = Math.abs(m.value - prediction) <= 0.2 * m.value;
  return { ok: close, text: `You predicted ${formatMs(prediction)}. Measured: ${formatMs(m.value)}${close ? ', within 20%. Well predicted.' : `: ${off}.`}` };
}

// Lines as compared: trailing spaces and blank lines at the end do not count.
const outputLines = (text) => text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trimEnd()).join('\n').replace(/\n+$/, '').split('\n');
const quote = (line) => (line === undefined ? 'nothing' : `“${line.length > 60 ? `${line.slice(0, 60)}…` : line}”`);

/** Predicted output against printed output, line by line. */
function outputVerdict(prediction, printed) {
  const want = outputLines(prediction);
  const got = outputLines(printed);
  const lines = `${got.length} line${got.length === 1 ? '' : 's'}`;
  const at = got.findIndex((line, i) => line !== want[i]);
  const first = at >= 0 ? at : (want.length > got.length ? got.length : -1);
  if (first < 0) return { ok: true, text: `Exactly what it printed (${lines}). Well predicted.` };
  const same = got.filter((line, i) => line === want[i]).length;
  const sorted = (a) => [...a].sort().join('\n');
  const order = sorted(want) === sorted(got) ? ' The same lines, in another order.' : '';
  return {
    ok: false,
    text: `It printed ${lines}; ${same} of them as you predicted. Line ${first + 1}: it printed ${quote(got[first])}, you predicted ${quote(want[first])}.${order}`,
  };
}

/**
 * The exercise box above the controls. `prediction()` is the student's answer or null;
 * `lock(true)` while a run goes (the answer cannot change once the run has started).
 */
export class ExerciseBox {
  constructor(section) {
    this.section = section;
    this.exercise = null;
  }

  /** `unmeasured`: what the exercise asks about that this page cannot measure, and why. */
  show(exercise, { unmeasured = [], why = '' } = {}) {
    this.exercise = exercise;
    this.section.hidden = !exercise;
    if (!exercise) return;
    const id = 'exercise-question';
    const question = el('p', { id, className: 'exercise-question', textContent: questionText(exercise) });
    let answer;
    if (exercise.predict === 'fastest') {
      this.inputs = exercise.choices.map((c) => el('input', { type: 'radio', name: 'prediction', value: c, required: true }));
      answer = el('fieldset', { className: 'exercise-choices' }, [
        el('legend', { textContent: 'Your prediction' }),
        ...exercise.choices.map((c, i) => el('label', {}, [this.inputs[i], ` ${words(c)}`])),
      ]);
      answer.setAttribute('aria-describedby', id);
    } else if (exercise.predict === 'stdout') {
      const input = el('textarea', { id: 'prediction', name: 'prediction', rows: 5, required: true, spellcheck: false, className: 'exercise-output' });
      input.setAttribute('aria-describedby', id);
      this.inputs = [input];
      answer = el('p', { className: 'exercise-number' }, [el('label', { htmlFor: 'prediction', textContent: 'Your prediction: the printed lines' }), input]);
    } else {
      const input = el('input', { type: 'number', id: 'prediction', name: 'prediction', min: 0, step: 'any', required: true, inputMode: 'decimal' });
      input.setAttribute('aria-describedby', id);
      this.inputs = [input];
      answer = el('p', { className: 'exercise-number' }, [el('label', { htmlFor: 'prediction', textContent: 'Your prediction ' }), input, el('span', { className: 'unit', textContent: ' ms' })]);
    }
    this.verdict = el('p', { className: 'exercise-verdict', role: 'status' });
    this.verdict.setAttribute('aria-live', 'polite');
    const hint = el('p', { className: 'exercise-hint', textContent: 'Predict first, then press Run. The measurement, the figures and the lesson stay hidden until the run.' });
    const warning = unmeasured.length
      ? el('p', {
        className: 'exercise-warning',
        textContent: `This page cannot measure the ${unmeasured.map((n) => `“${words(n)}”`).join(' and ')} phase${unmeasured.length > 1 ? 's: they need' : ': it needs'} shared-memory threads, and ${why || 'this page has none'}. The demo still runs, but your prediction cannot be checked here: open the exercise where the page is cross-origin isolated.`,
      })
      : null;
    this.section.replaceChildren(...[el('h2', { textContent: 'Exercise: predict, then run' }), warning, question, answer, hint, this.verdict].filter(Boolean));
    this.answered = false;
  }

  /** The prediction, or null after pointing the student at the empty answer. */
  prediction({ report = false } = {}) {
    if (!this.exercise) return null;
    const [first] = this.inputs;
    if (this.exercise.predict === 'fastest') {
      const chosen = this.inputs.find((i) => i.checked);
      if (chosen) return chosen.value;
    } else if (this.exercise.predict === 'stdout') {
      if (first.value.trim() !== '') return first.value;
    } else if (first.value !== '' && first.validity.valid && Number(first.value) > 0) {
      return Number(first.value);
    }
    if (report) {
      first.setCustomValidity(this.exercise.predict === 'fastest' ? 'Choose your prediction first.'
        : this.exercise.predict === 'stdout' ? 'Write what you expect the program to print first.'
          : 'Enter your prediction first: a time in milliseconds, above 0.');
      first.reportValidity();
      first.focus();
      first.addEventListener('input', () => first.setCustomValidity(''), { once: true });
      for (const i of this.inputs) i.addEventListener('change', () => first.setCustomValidity(''), { once: true });
    }
    return null;
  }

  lock(locked) {
    for (const input of this.inputs ?? []) input.disabled = locked;
  }

  /** After a run: prediction against measurement. */
  reveal(prediction, result) {
    const { ok, text } = verdictText(this.exercise, prediction, result);
    this.verdict.textContent = text;
    this.verdict.dataset.ok = String(ok);
    this.answered = true;
  }
}
