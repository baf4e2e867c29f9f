// The two sharing dialogs of the full page: "Embed code" (an iframe, or the script tag and
// <concurrency-playground> element of www/embed.js) and "Make an exercise" (a link that
// asks a question and hides the answer until the student has predicted and run).
import { linkFor } from './permalink.js';
import { exerciseLink, printsProgram, questionText, readExercise, timingsFor } from './exercise.js';
import { words } from './words.js';

const EMBED_PAGE = new URL('../../embed.html', import.meta.url);
const EMBED_SCRIPT = new URL('../embed.js', import.meta.url);
const PANELS = ['controls', 'code', 'figures', 'timeline', 'output'];

const $ = (id) => document.getElementById(id);
const escapeAttr = (text) => String(text).replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/** The snippet a blogger pastes: `kind` is 'iframe' or 'element'. */
export function embedSnippet(kind, demo, values, { panels = PANELS, autorun = false, height = 720 } = {}) {
  const address = new URL(linkFor(demo, values, EMBED_PAGE.href));
  const panelList = panels.length === PANELS.length ? null : panels.join(',');
  if (kind === 'iframe') {
    if (panelList) address.searchParams.set('panels', panelList);
    if (autorun) address.searchParams.set('autorun', '1');
    return `<iframe src="${escapeAttr(address.href)}" title="Concurrency Playground: ${escapeAttr(demo.title)}" width="100%" height="${Math.round(height)}" style="border:0" loading="lazy" allow="cross-origin-isolated"></iframe>`;
  }
  const attributes = [];
  for (const name of new Set(address.searchParams.keys())) {
    const all = address.searchParams.getAll(name);
    attributes.push(`${name}="${escapeAttr(all.join(' '))}"`);
  }
  if (panelList) attributes.push(`panels="${panelList}"`);
  if (autorun) attributes.push('autorun');
  // The height it starts with, until the embed says its own: the same as the iframe's, so
  // that the post around it does not move when the demo appears. The style holds that
  // room before the script has run (an element not yet defined is an empty inline box).
  attributes.push(`height="${Math.round(height)}"`, `style="display:block;min-height:${Math.round(height)}px"`);
  return `<script type="module" src="${escapeAttr(EMBED_SCRIPT.href)}"></script>\n<concurrency-playground ${attributes.join(' ')}></concurrency-playground>`;
}

async function copy(text, status) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = 'Copied.';
  } catch {
    status.textContent = 'Select the text and copy it (the clipboard is not available here).';
  }
}

function checkbox(name, value, label, checked) {
  const input = Object.assign(document.createElement('input'), { type: 'checkbox', name, value, checked });
  const wrap = document.createElement('label');
  wrap.append(input, ` ${label}`);
  return wrap;
}

/**
 * An iframe keeps the height it is given (the element grows by itself): the height the
 * demo's heading and the chosen panels take on this page now, in whole 20 px.
 */
function iframeHeight(panels) {
  const px = (el) => (el && !el.hidden ? el.getBoundingClientRect().height : 0);
  const gap = 24; // between panels
  const footer = 100; // the embed's padding and its link to the full playground
  // The demo's own panels (the picture, the choosing table) show whatever `panels` says.
  const parts = [
    document.querySelector('.demo-head'),
    ...panels.map((p) => document.querySelector(`[data-panel="${p}"]`)),
    ...document.querySelectorAll('.panel:not([data-panel])'),
  ];
  const total = parts.reduce((sum, el) => sum + px(el) + gap, footer);
  return Math.max(200, Math.ceil(total / 20) * 20);
}

/** Opens the embed dialog for what the page shows now. */
export function openEmbedDialog({ demo, values }) {
  const dialog = $('embed-dialog');
  const panelBox = $('embed-panels');
  panelBox.replaceChildren(panelBox.querySelector('legend'), ...PANELS.map((p) => checkbox('embed-panel', p, p, true)));
  const update = () => {
    const kind = dialog.querySelector('input[name="embed-kind"]:checked').value;
    const panels = [...panelBox.querySelectorAll('input:checked')].map((i) => i.value);
    $('embed-snippet').value = embedSnippet(kind, demo, values, { panels, autorun: $('embed-autorun').checked, height: iframeHeight(panels) });
    $('embed-status').textContent = panels.length ? '' : 'No panel chosen: the embed would show only the title.';
  };
  dialog.oninput = update;
  $('embed-copy').onclick = () => copy($('embed-snippet').value, $('embed-status'));
  $('embed-close').onclick = () => dialog.close();
  update();
  dialog.showModal();
}

/** Opens the exercise builder: the question is about the wall time, or about one of the
 *  phases the demo measures with these values (declared by the engine, no run needed). */
export function openExerciseDialog({ demo, values }) {
  const dialog = $('exercise-dialog');
  const phases = timingsFor(demo, values).map((t) => t.name);
  const kind = $('exercise-kind');
  kind.replaceChildren(
    new Option('How long will the run take? (wall time)', 'wall_ms'),
    ...(printsProgram(demo) ? [new Option('What will the program print? (its output)', 'stdout')] : []),
    ...phases.map((p) => new Option(`How long will the “${words(p)}” phase take?`, `${p}_ms`)),
  );
  if (phases.length >= 2) kind.append(new Option('Which phase finishes first?', 'fastest'));
  $('exercise-phases-hint').hidden = phases.length > 0;
  const choiceBox = $('exercise-choices');
  choiceBox.replaceChildren(choiceBox.querySelector('legend'), ...phases.map((p, i) => checkbox('exercise-choice', p, words(p), i < 2)));
  const update = () => {
    choiceBox.hidden = kind.value !== 'fastest';
    const exercise = {
      predict: kind.value,
      choices: [...choiceBox.querySelectorAll('input:checked')].map((i) => i.value),
      question: $('exercise-question-text').value.trim(),
    };
    $('exercise-question-text').placeholder = questionText({ ...exercise, question: '' });
    const link = exerciseLink(demo, values, exercise, new URL('../../index.html', import.meta.url).href);
    // The page that opens the link checks it the same way: say here what it would say.
    let problem = null;
    try {
      readExercise(new URL(link).search);
    } catch (error) {
      problem = error.message;
    }
    $('exercise-link').value = problem ? '' : link;
    $('exercise-open').toggleAttribute('hidden', Boolean(problem));
    $('exercise-open').href = problem ? '#' : link;
    $('exercise-copy').disabled = Boolean(problem);
    $('exercise-status').textContent = problem ?? '';
  };
  dialog.oninput = update;
  $('exercise-copy').onclick = () => copy($('exercise-link').value, $('exercise-status'));
  $('exercise-close').onclick = () => dialog.close();
  update();
  dialog.showModal();
}
