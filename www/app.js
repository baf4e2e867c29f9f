// The playground page: navigation, controls, Run/Stop, and the run's panels.
// Everything runs through window.playground, the same API tests and embeds use.
import { playground } from './api.js';
import { chooseBuild } from './boot.js';
import { snapshotDemos } from './demos-snapshot.js';
import { SIZE_MESSAGE } from './protocol.js';
import { renderControls } from './ui/controls.js';
import { Timeline, formatMs } from './ui/timeline.js';
import { renderOutput, clearOutput } from './ui/output.js';
import { renderFigures, clearFigures } from './ui/figures.js';
import { renderLegend } from './ui/palette.js';
import { renderPicture } from './ui/picture.js';
import { renderChoosing } from './ui/choosing.js';
import { readLink, linkFor, loadTextCodec } from './ui/permalink.js';
import { exportTrace, exportPng } from './ui/export.js';
import { renderCode } from './ui/code.js';
import { ExerciseBox, checkAgainstDemo, readExercise, exerciseLink } from './ui/exercise.js';
import { openEmbedDialog, openExerciseDialog } from './ui/share.js';
import { renderTimelineTable } from './ui/timeline-table.js';
import { programParam, addExamplesMenu, programEnd, errorNote } from './ui/program.js';

const $ = (id) => document.getElementById(id);
// Buttons that need a run to act on.
const RUN_TOOLS = ['export-trace', 'export-png', 'zoom-in', 'zoom-out', 'zoom-all'];

// `engineUp`: the engine has answered `ready`; until then the page is drawn from the
// snapshot of demos() made at build time, and Run says it is loading.
const state = { info: null, demos: [], demo: null, controls: null, running: false, blocked: false, result: null, exercise: null, engineUp: false };
const timeline = new Timeline($('timeline'), $('timeline-lanes'), $('timeline-details'));
const exerciseBox = new ExerciseBox($('exercise'));

/** `append` keeps a message already shown (a link can be wrong in two ways at once). */
function showError(error, { append = false } = {}) {
  const box = $('error');
  const text = `${error.name && error.name !== 'Error' ? `${error.name}: ` : ''}${error.message}`;
  box.textContent = append && !box.hidden ? `${box.textContent}\n${text}` : text;
  box.hidden = false;
}

function hideError() {
  $('error').hidden = true;
}

function setStatus(text) {
  $('status').textContent = text;
}

function updateButtons() {
  // A button about to be disabled would drop the keyboard focus to the page: hand it to
  // the other one, so Enter runs, Enter stops, and Enter runs again.
  const active = document.activeElement;
  const run = $('run');
  const stop = $('stop');
  run.disabled = state.running || state.blocked || !state.demo || !state.engineUp;
  run.toggleAttribute('data-loading', !state.engineUp && !state.engineFailed);
  stop.disabled = !state.running;
  if (state.running && active === run) stop.focus();
  else if (!state.running && active === stop && !run.disabled) run.focus();
  // Shown by visibility, not display: the row keeps its size and nothing below moves.
  $('progress').classList.toggle('idle', !state.running);
  $('progress').setAttribute('aria-hidden', String(!state.running));
}

function clearResults() {
  state.result = null;
  for (const id of RUN_TOOLS) if ($(id)) $(id).disabled = true;
  timeline.clear();
  clearOutput($('output'));
  clearFigures($('figures'));
  renderPicture($('picture-panel'), null);
  renderChoosing($('choosing-panel'), null);
  renderTimelineTable($('timeline-table'), null);
  setStatus('');
  hideError();
}

/** The same page and demo, on the threads build: where a thread demo can run. */
function fullPlaygroundUrl(demoId) {
  const demo = state.demos.find((d) => d.id === demoId);
  const values = state.controls ? state.controls.values() : {};
  const base = new URL('index.html', location.href).href + location.search;
  // A link whose parameters the engine has not checked yet (it is loading) keeps them as given.
  const url = new URL(state.linkPending ? base : state.exercise ? exerciseLink(demo, values, state.exercise, base) : linkFor(demo, values, base));
  url.searchParams.delete('build');
  for (const key of ['panels', 'autorun']) url.searchParams.delete(key);
  return url.href;
}

/** The embed page's link to the full playground follows the parameters. */
function updateOpenFull() {
  if (!state.demo) return;
  for (const link of [$('open-full'), $('demo-notice').querySelector('a')]) {
    if (link) link.href = fullPlaygroundUrl(state.demo.id);
  }
}

function renderNotice(demo) {
  const notice = $('demo-notice');
  state.blocked = demo.needsThreads && state.info.build !== 'threads';
  notice.hidden = !state.blocked;
  if (!state.blocked) return;
  const link = document.createElement('a');
  link.href = fullPlaygroundUrl(demo.id);
  link.textContent = 'Open the full playground';
  notice.replaceChildren(
    `This demo needs shared-memory threads. This page runs the single-thread build because ${state.info.reason}. `,
    link,
    ' (served with cross-origin isolation) to run it.',
  );
}

function selectDemo(id, { push = false } = {}) {
  const demo = state.demos.find((d) => d.id === id) ?? state.demos[0];
  if (state.running) playground.cancel();
  state.demo = demo;
  document.title = `${demo.title} · Concurrency Playground`;
  $('demo-title').textContent = demo.title;
  $('demo-lesson').textContent = demo.lesson;
  for (const a of $('demo-list')?.querySelectorAll('a') ?? []) {
    if (a.dataset.demo === demo.id) {
      a.setAttribute('aria-current', 'page');
      // On a phone the chapters scroll sideways: keep the current one in sight.
      a.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    } else {
      a.removeAttribute('aria-current');
    }
  }
  state.controls = renderControls($('params'), demo, { check: (values) => playground.validate(demo.id, values) });
  const program = programParam(demo);
  if (program) state.menuShown = addExamplesMenu($('params'), demo, program, (example) => openProgram(example.code, `Example loaded: ${example.title}.`));
  setExercise(null);
  showCode();
  renderNotice(demo);
  // The python demo's engine is a build of its own: it loads now, not at the first run.
  playground.prepare(demo.id);
  clearResults();
  updateButtons();
  if (push) history.pushState({ demo: demo.id }, '', linkFor(demo, {}));
}

/** Applies the parameters in the address, if any: the engine validates them; a bad link
 *  says what was wrong and leaves the demo's defaults. */
async function applyLink() {
  if (programParam(state.demo)) await loadTextCodec();
  const { params, given, unreadable } = readLink(location.search, state.demos);
  if (unreadable.length) {
    const names = unreadable.map((name) => `"${name}"`).join(', ');
    showError(new Error(`This link's program (parameter ${names}) could not be decoded: the link may have been cut short or changed. Showing the default program.`));
  }
  if (!given) return;
  try {
    state.controls.set(await playground.validate(state.demo.id, params));
    showCode();
  } catch (error) {
    state.controls.reset();
    showError(new Error(`This link's parameters were not used: ${error.message}. Showing the demo's defaults.`), { append: unreadable.length > 0 });
  }
}

/** A run that stopped before its end leaves what it recorded: the timeline and the output
 *  show it; figures and exports need a whole run, so they are cleared. */
function keepWhatRan(live) {
  if (!live.spans.length && !live.logs.length) return;
  state.result = null;
  for (const id of RUN_TOOLS) if ($(id)) $(id).disabled = true;
  clearFigures($('figures'));
  renderPicture($('picture-panel'), null);
  renderChoosing($('choosing-panel'), null);
  const partial = { ...live, logs: [...live.logs].sort((a, b) => a.t_ms - b.t_ms) };
  timeline.show(partial);
  timeline.say(`The run stopped at ${formatMs(live.wall_ms)}: the timeline and the output show what had happened by then.`);
  renderOutput($('output'), partial, (t, lane) => timeline.mark(t, lane));
  if ($('timeline-table-panel').open) renderTimelineTable($('timeline-table'), partial);
}

/** A refusal for want of threads says why this page has none. */
function withReason(error) {
  if (error.name !== 'IsolationError' || !state.info?.reason) return error;
  const explained = new Error(`${error.message} Why this page has no threads: ${state.info.reason}.`);
  explained.name = error.name;
  return explained;
}

/** An exercise hides what would give its answer away, and fixes the parameters it asks
 *  about, until the student has predicted and run. */
function setExercise(exercise, shown = {}) {
  state.exercise = exercise;
  exerciseBox.show(exercise, shown);
  holdForExercise(Boolean(exercise));
}

function holdForExercise(held) {
  $('params').disabled = held;
  $('reset').disabled = held;
  const lesson = $('demo-lesson');
  lesson.textContent = held ? 'The lesson appears after your run. Predict first.' : state.demo?.lesson ?? '';
  lesson.classList.toggle('held', held);
}

function applyExercise() {
  try {
    const exercise = readExercise(location.search);
    const hasThreads = state.info?.build === 'threads';
    const unmeasured = exercise ? checkAgainstDemo(exercise, state.demo, state.controls.values(), hasThreads) : [];
    setExercise(exercise, { unmeasured, why: state.info?.reason });
  } catch (error) {
    setExercise(null);
    showError(new Error(`This link's exercise was not used: ${error.message}.`), { append: true });
  }
}

/** The address of what the page shows: the demo, these values, and the exercise if any. */
function addressFor(demo, values) {
  return state.exercise ? exerciseLink(demo, values, state.exercise, location.href) : linkFor(demo, values);
}

/** The controls' values, or null after pointing at the first invalid one: a link or an
 *  embed of values that cannot run would only open with an error. */
function validValues() {
  const invalid = state.controls.firstInvalid();
  if (invalid) {
    invalid.reportValidity();
    invalid.focus();
    return null;
  }
  return state.controls.values();
}

async function copyLink() {
  const values = validValues();
  if (!values) return;
  const link = addressFor(state.demo, values);
  history.replaceState({ demo: state.demo.id }, '', link);
  try {
    await navigator.clipboard.writeText(link);
    setStatus('Link copied: it opens this demo with these parameters.');
  } catch {
    setStatus(`Copy this link: ${link}`);
  }
}

/** The code panel follows the controls: it shows the values that would run. A demo whose
 *  program is a parameter shows it in its editor, not twice. */
function showCode() {
  if (state.demo && state.controls) {
    const demo = programParam(state.demo) ? null : state.demo;
    renderCode($('code-panel'), demo, state.controls.values(), { onEdit: programDemo() ? (code, params) => openProgram(code, '', params) : null });
  }
  updateOpenFull();
}

/** The demo that runs the user's own program (a text parameter), if the engine has one. */
const programDemo = () => state.demos.find((d) => d.id === 'python' && programParam(d));

/** Opens the program demo with `code` in its editor ("Edit as Python", the examples menu),
 *  and `params`, the other values its run takes from the demo the program came from. */
async function openProgram(code, status = '', params = {}) {
  const demo = programDemo();
  if (!demo) return;
  await loadTextCodec();
  if (state.demo !== demo) selectDemo(demo.id, { push: true });
  else {
    if (state.running) playground.cancel(); // the run of the program being replaced
    clearResults();
  }
  state.controls.set({ ...params, [programParam(demo).name]: code });
  showCode();
  history.replaceState({ demo: demo.id }, '', linkFor(demo, state.controls.values()));
  setStatus(status);
}

function renderNav() {
  const items = state.demos.map((demo) => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = new URL(linkFor(demo, {})).search;
    a.dataset.demo = demo.id;
    const chapter = document.createElement('span');
    chapter.className = 'chapter';
    chapter.textContent = String(demo.chapter);
    a.append(chapter, demo.id);
    a.title = demo.title;
    a.addEventListener('click', (event) => {
      event.preventDefault();
      selectDemo(demo.id, { push: true });
    });
    li.append(a);
    return li;
  });
  $('demo-list')?.replaceChildren(...items);
  // Each demo's ready-made exercise, in chapter order (state.demos is sorted).
  const exercises = state.demos.filter((d) => d.exercise).map((demo) => {
    const { title, query, question } = demo.exercise;
    const a = document.createElement('a');
    a.href = `?demo=${demo.id}&${query}${question ? `&question=${encodeURIComponent(question)}` : ''}`;
    const chapter = document.createElement('span');
    chapter.className = 'chapter';
    chapter.textContent = String(demo.chapter);
    a.append(chapter, title);
    a.addEventListener('click', (event) => {
      event.preventDefault();
      history.pushState(null, '', a.href);
      openAddress();
    });
    const li = document.createElement('li');
    li.append(a);
    return li;
  });
  $('exercise-list')?.replaceChildren(...exercises);
}

/** Shows what the address asks for: the demo, its parameters, the exercise. */
async function openAddress() {
  const asked = new URLSearchParams(location.search).get('demo');
  const known = !asked || state.demos.some((d) => d.id === asked);
  state.linkPending = known;
  selectDemo(asked);
  if (!known) {
    showError(new Error(`There is no demo "${asked.slice(0, 40)}"; showing "${state.demo.id}" instead.`));
    return;
  }
  try {
    await applyLink();
  } finally {
    state.linkPending = false;
  }
  applyExercise();
  updateOpenFull();
}

async function run() {
  if (state.starting || !state.engineUp) return; // Enter pressed twice while the engine checks the values, or before it is up
  const values = validValues();
  if (!values) return;
  let prediction = null;
  if (state.exercise && !exerciseBox.answered) {
    prediction = exerciseBox.prediction({ report: true });
    if (prediction === null) return;
  }
  hideError();
  state.controls.markLine?.(null, '');
  const demo = state.demo;
  // The engine has the last word on what the controls hold (URL lists, types the page
  // does not know): a refused value is marked on its control and nothing runs.
  state.starting = true;
  try {
    await playground.validate(demo.id, values);
  } catch (error) {
    if (state.demo === demo && !state.controls.refuse(error)) showError(withReason(error));
    return;
  } finally {
    state.starting = false;
  }
  if (state.demo !== demo || state.running) return;
  const started = performance.now();
  // The run as it goes: spans arrive as they end, drawn at most once a frame.
  const live = { lanes: [], spans: [], logs: [], wall_ms: 0 };
  let frame = 0;
  const onProgress = (p) => {
    live.lanes = p.lanes;
    for (const s of p.spans) live.spans.push(s);
    for (const l of p.logs) live.logs.push(l);
    live.wall_ms = p.t_ms;
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      if (state.demo === demo && state.running) timeline.showLive(live);
    });
  };
  const spansSoFar = () => (live.spans.length ? ` · ${live.spans.length.toLocaleString('en')} spans` : '');
  const tick = setInterval(() => setStatus(`Running… ${formatMs(performance.now() - started)}${spansSoFar()}`), 100);
  setStatus('Running…');
  exerciseBox.lock(prediction !== null);
  // Until the run ends, the figures are the previous run's: say so by greying them.
  $('figures').classList.add('stale');
  try {
    const result = await playground.run(demo.id, values, { onProgress });
    if (state.demo !== demo) return;
    state.result = result;
    for (const id of RUN_TOOLS) if ($(id)) $(id).disabled = false;
    if (prediction !== null) {
      exerciseBox.reveal(prediction, result);
      holdForExercise(false);
    }
    // The address now says what ran: reload or share it to get the same run.
    history.replaceState({ demo: demo.id }, '', addressFor(demo, result.params));
    if ($('timeline-table-panel').open) renderTimelineTable($('timeline-table'), result);
    renderFigures($('figures'), result);
    renderPicture($('picture-panel'), result);
    renderChoosing($('choosing-panel'), result);
    timeline.show(result);
    renderOutput($('output'), result, (t, lane) => timeline.mark(t, lane));
    explainMissingSimPages(result);
    const note = errorNote(result.value);
    if (note) state.controls.markLine(note.line, note.text);
    setStatus(`Done: ${formatMs(result.wall_ms)} on the ${result.build} build.${programEnd(result.value)}`);
  } catch (error) {
    if (state.demo === demo) keepWhatRan(live);
    if (error.name === 'AbortError') setStatus('Stopped.');
    else {
      setStatus('');
      showError(withReason(error));
    }
  } finally {
    clearInterval(tick);
    cancelAnimationFrame(frame);
    $('figures').classList.remove('stale');
    if (!exerciseBox.answered) exerciseBox.lock(false);
  }
}

/** The scraper's simulated pages come from the dev server or this site's service worker:
 *  when neither answered, say so rather than leave a column of 404s. */
function explainMissingSimPages(result) {
  const failed = (result.value?.urls ?? []).filter((u) => u.url.includes('/sim/page/') && !(u.ok && u.status === 200));
  if (!failed.length) return;
  const framed = window.top !== window;
  showError(new Error(`${failed.length} simulated page${failed.length > 1 ? 's' : ''} could not be fetched (${failed[0].error ?? `HTTP ${failed[0].status}`}). `
    + 'They are answered by the dev server (make serve) or by this site\'s service worker'
    + `${framed ? ', which browsers refuse to a page embedded in another site' : ', which is not running here'}. Paste real URLs to fetch instead${framed ? ', or open the full playground' : ''}.`));
}

function describeEngine(info) {
  if (!$('engine')) return; // the embed page has no header
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.textContent = `${info.build} build`;
  badge.dataset.build = info.build;
  const threads = info.build === 'threads' ? `${info.threads} pool threads` : 'one thread';
  $('engine').replaceChildren(
    badge,
    ` ${threads} · ${info.cores} cores · ${info.crossOriginIsolated ? 'cross-origin isolated' : 'not cross-origin isolated'}`,
  );
  $('engine').title = `Why this build: ${info.reason}`;
}

/** In an iframe, the embed page tells its host how tall it is, so the <concurrency-playground>
 *  element can fit it: only the height leaves the page, whoever the host is. */
function reportHeight() {
  if (!document.body.classList.contains('embed') || window.parent === window) return;
  let last = 0;
  new ResizeObserver(() => {
    // Not while starting (only the head shows): the element keeps the height it was
    // given, and changes once, to the page's, instead of shrinking and growing again.
    if ($('main').hasAttribute('data-starting')) return;
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) window.parent.postMessage({ type: SIZE_MESSAGE, height: (last = height) }, '*');
  }).observe(document.documentElement);
}

/** Embeds: `?panels=timeline,output` shows only those. Applied before anything is drawn,
 *  so that panels never appear and then vanish. */
function showChosenPanels() {
  const panels = new URLSearchParams(location.search).get('panels');
  if (!panels) return;
  const wanted = new Set(panels.split(','));
  // An attribute of its own: panels that show and hide themselves must not undo this.
  for (const section of document.querySelectorAll('[data-panel]')) section.toggleAttribute('data-off', !wanted.has(section.dataset.panel));
}

/** Until the engine has said which demos and parameters there are, the page shows only
 *  its head (index.html marks <main data-starting>): controls and panels laid out then
 *  would be pushed down as the controls fill in, moving what the reader looks at. */
function endStarting() {
  delete $('main').dataset.starting;
}

async function main() {
  reportHeight();
  showChosenPanels();
  renderLegend($('legend'));
  timeline.clear();
  playground.onRunningChange((running) => {
    state.running = running;
    updateButtons();
  });
  $('controls').addEventListener('input', showCode);
  $('controls').addEventListener('change', showCode);
  $('controls').addEventListener('submit', (event) => {
    event.preventDefault();
    if (!state.running) run();
  });
  $('stop').addEventListener('click', () => playground.cancel());
  // The prediction sits outside the controls' form: Enter there runs too.
  $('exercise').addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || !event.target.matches('input')) return;
    event.preventDefault();
    if (!state.running) run();
  });
  $('reset').addEventListener('click', () => {
    state.controls?.reset();
    showCode();
  });
  $('copy-link').addEventListener('click', copyLink);
  $('embed-code')?.addEventListener('click', () => {
    const values = validValues();
    if (values) openEmbedDialog({ demo: state.demo, values });
  });
  $('make-exercise')?.addEventListener('click', () => {
    const values = validValues();
    if (values) openExerciseDialog({ demo: state.demo, values });
  });
  $('timeline-table-panel').addEventListener('toggle', () => {
    if ($('timeline-table-panel').open) renderTimelineTable($('timeline-table'), state.result);
  });
  // Buttons too, for touch screens and for finding out that the timeline zooms.
  $('zoom-in')?.addEventListener('click', () => timeline.zoom(1 / 1.5));
  $('zoom-out')?.addEventListener('click', () => timeline.zoom(1.5));
  $('zoom-all')?.addEventListener('click', () => timeline.resetView());
  $('export-trace').addEventListener('click', () => state.result && exportTrace(state.result));
  $('export-png').addEventListener('click', () => state.result && exportPng($('timeline'), state.result.demo));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && state.running) playground.cancel();
  });
  window.addEventListener('popstate', openAddress);

  // Drawn at once from the snapshot of demos() made at build time (www/demos-snapshot.js),
  // with the build this page will most likely get: the largest paint does not wait for
  // the wasm, which only enables Run (engineIsUp).
  const likely = chooseBuild();
  state.info = { build: likely.build, reason: likely.reason, provisional: true };
  state.demos = byChapter(snapshotDemos());
  renderNav();
  try {
    // The code panel's text is in place when this returns (its colours come later, at no
    // change of size); the program's examples menu, above its editor, comes with a module
    // of its own: shown once it is there (tests/e2e/layout-shift.test.mjs). A link with
    // parameters waits for the engine to validate them.
    await openAddress();
    await state.menuShown?.catch(() => {});
  } finally {
    endStarting();
  }
  let info;
  try {
    info = await playground.ready;
  } catch (error) {
    if ($('engine')) $('engine').textContent = 'The engine could not start.';
    state.engineFailed = true;
    document.body.dataset.engine = 'failed';
    updateButtons();
    showError(error, { append: true });
    return;
  }
  await engineIsUp(info);
  // Embeds: `?autorun=1` runs at once.
  const query = new URLSearchParams(location.search);
  // An exercise waits for the prediction: autorun would give the answer away.
  if (query.get('autorun') === '1' && !state.blocked && !state.exercise) run();
}

const byChapter = (demos) => demos.sort((a, b) => a.chapter - b.chapter);

/** The engine is ready: it has the last word on the demos and the build. Where its
 *  demos() differ from the snapshot (a stale build), the page is drawn again from them. */
async function engineIsUp(info) {
  const guessed = state.info;
  state.info = info;
  describeEngine(info);
  const live = byChapter(playground.demos());
  if (JSON.stringify(live) !== JSON.stringify(state.demos)) {
    state.demos = live;
    renderNav();
    await openAddress();
  } else if (info.build !== guessed.build) {
    renderNotice(state.demo);
    if (state.exercise) applyExercise();
  } else if (info.reason !== guessed.reason) {
    renderNotice(state.demo);
  }
  state.engineUp = true;
  updateButtons();
  // The page is drawn for the engine it got (tests wait for this, not only for `ready`).
  document.body.dataset.engine = 'up';
}

main();
