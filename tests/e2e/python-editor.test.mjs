// "Your own Python", the page side: the code editor (CodeMirror, loaded only with the demo),
// the examples menu, programs in permalinks (lz-string), a Python error marked on its
// line, stderr in red, "Edit as Python" from other demos' panels, and exercises about a
// program's output. Where a test runs Python, the engine's output is compared with what
// python3 (CPython 3.11) prints for the same program.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { startServers, startBrowser, openPlayground, recordProblems, assertNoProblems, run, assertResult } from './support.mjs';
import { PYTHON_EXAMPLES } from '../../www/ui/python-examples.js';
import { compressToEncodedURIComponent } from '../../www/vendor/lz-string/lz-string.js';

const env = { servers: null, browser: null };
after(async () => {
  await env.browser?.close();
  await env.servers?.close();
});

/**
 * What CPython prints for `code` (stdout), run as main.py in an empty directory. With
 * `until` (ms), what it has printed by then (unbuffered), for a program that never ends.
 */
function cpython(code, { until = 0 } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'python-editor-'));
  try {
    writeFileSync(path.join(dir, 'main.py'), code);
    return execFileSync('python3', ['-I', '-u', 'main.py'], { cwd: dir, encoding: 'utf8', timeout: until || 30000 });
  } catch (error) {
    if (until && error.code === 'ETIMEDOUT') return error.stdout;
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const example = (id) => PYTHON_EXAMPLES.find((e) => e.id === id);
const sorted = (lines) => [...lines].sort();
const linesOf = (text) => text.replace(/\n$/, '').split('\n');

// Whether this engine has the python demo and runs Python: tests that need it say so when it does not.
let python = { listed: false, runs: false, why: '' };
// One hook: a second top-level before() would start before the first has finished.
before(async () => {
  env.servers = await startServers();
  env.browser = await startBrowser();
  await env.setUp?.(env);
  const { page } = await openPlayground(env.browser.context, env.servers.isolated);
  python.listed = await page.evaluate(() => playground.demos().some((d) => d.id === 'python'));
  if (python.listed) {
    const r = await run(page, 'python', { code: 'print("ok")\n' });
    python.runs = r.value?.stdout === 'ok\n';
    python.why = python.runs ? '' : `playground.run('python') gave ${JSON.stringify(r).slice(0, 200)}`;
  } else {
    python.why = 'the engine lists no python demo';
  }
  await page.close();
});

/** Skips the test (saying why) unless the engine lists the demo (and, with `runs`, runs Python). */
function need(t, { runs = false } = {}) {
  if (!python.listed || (runs && !python.runs)) {
    t.skip(python.why);
    return false;
  }
  return true;
}

const editorText = (page) => page.evaluate(() => document.querySelector('.editor-box').editor.getText());
const status = (page) => page.textContent('#status');
const waitDone = (page) => page.waitForFunction(() => /^Done/.test(document.getElementById('status').textContent), null, { timeout: 30000 });
/** Runs by `action` (a click, a key) and waits for the end of that run, not a previous one's "Done". */
async function runBy(page, action) {
  await page.evaluate(() => { document.getElementById('status').textContent = ''; });
  await action();
  await waitDone(page);
}

test('the editor loads only with the python demo: other demos do not fetch it', async (t) => {
  const page = await env.browser.context.newPage();
  const problems = await recordProblems(page);
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(`${env.servers.isolated}?demo=threads`);
  await page.evaluate(() => playground.ready);
  await page.click('.lessons a[data-demo="asyncio"]');
  await page.waitForTimeout(300);
  assert.deepEqual(fetched.filter((p) => p.includes('/vendor/editor/') || p.includes('/vendor/lz-string/')), [], 'fetched before the python demo was opened');
  assert.equal(await page.locator('.cm-editor').count(), 0);
  if (!python.listed) {
    t.diagnostic(`the rest needs the python demo: ${python.why}`);
    assertNoProblems(problems);
    await page.close();
    return;
  }

  await page.click('.lessons a[data-demo="python"]');
  await page.waitForSelector('.cm-editor .cm-content');
  assert.ok(fetched.includes('/www/vendor/editor/editor.js'), 'the editor bundle was fetched');
  const demo = await page.evaluate(() => playground.demos().find((d) => d.id === 'python'));
  assert.equal(await editorText(page), demo.params.find((p) => p.name === 'code').default, 'the editor holds the default program');
  assert.equal(await page.isHidden('#code-panel'), true, 'no second copy of the program in the code panel');
  assert.ok(await page.locator('.cm-lineNumbers .cm-gutterElement').count() > 1, 'line numbers');
  assert.ok(await page.locator('.cm-content span[class]').count() > 0, 'highlighted tokens');
  // It follows the page's theme: its background is the page's panel colour, in both themes.
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    const [editor, panel] = await page.evaluate(() => [
      getComputedStyle(document.querySelector('.cm-editor')).backgroundColor,
      getComputedStyle(document.querySelector('.figures div') ?? document.body).backgroundColor,
    ]);
    assert.equal(editor, panel, `${scheme}: the editor's background is the panels'`);
  }
  assertNoProblems(problems);
  await page.close();
});

test('typing, Tab indents, undo, Escape then Tab leaves, Ctrl+Enter runs, Esc stops', async (t) => {
  if (!need(t)) return;
  const { page, problems } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=python`);
  await page.waitForSelector('.cm-content');
  await page.click('.cm-content');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type('for word in ["tab", "indents"]:');
  await page.keyboard.press('Enter'); // CodeMirror indents after the colon
  await page.keyboard.type('print(word)');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+Tab'); // dedent what Enter indented
  await page.keyboard.type('x = 1');
  await page.keyboard.press('Home');
  await page.keyboard.press('Tab'); // Tab indents this line by four spaces
  assert.equal(await editorText(page), 'for word in ["tab", "indents"]:\n    print(word)\n    x = 1');
  await page.keyboard.press('ControlOrMeta+z');
  assert.equal(await editorText(page), 'for word in ["tab", "indents"]:\n    print(word)\nx = 1', 'undo takes the indent back');
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('cm-content')), true, 'Tab kept the focus in the editor');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.closest('.cm-editor')), null, 'Escape then Tab left the editor');

  if (python.runs) {
    await page.click('.cm-content');
    await runBy(page, () => page.keyboard.press('ControlOrMeta+Enter'));
    assert.deepEqual(await page.locator('#output li .text').allTextContents(), ['tab', 'indents']);
    // A program that never ends stops with Esc, even with the focus in the editor.
    await page.click('.cm-content');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('import time\nprint("waiting")\nwhile True:\ntime.sleep(0.01)');
    await page.keyboard.press('ControlOrMeta+Enter');
    await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Running'));
    await page.waitForTimeout(400);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.getElementById('status').textContent === 'Stopped.');
    assert.deepEqual(await page.locator('#output li .text').allTextContents(), ['waiting'], 'the stopped run leaves what it printed');
  }
  assertNoProblems(problems);
  await page.close();
});

test('every example is a CPython program; the deterministic ones print exactly what python3 prints', async (t) => {
  if (!need(t, { runs: true })) return;
  const { page, problems } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=python`);
  for (const e of PYTHON_EXAMPLES.filter((x) => x.deterministic)) {
    const expected = cpython(e.code);
    const r = assertResult(await run(page, 'python', { code: e.code }), e.id);
    assert.equal(r.value.stdout, expected, `${e.id}: the engine's stdout differs from python3's`);
    assert.equal(r.value.exit_code, 0, e.id);
    assert.deepEqual(r.logs.map((l) => l.text), linesOf(expected), `${e.id}: each printed line is a log, in order`);
  }
  // The races print what their lesson says, whatever the numbers.
  const lost = assertResult(await run(page, 'python', { code: example('lost-update').code }));
  assert.match(lost.value.stdout, /^expected 400, got \d+\n$/);
  assert.ok(Number(/got (\d+)/.exec(lost.value.stdout)[1]) < 400, `updates should be lost: ${lost.value.stdout}`);
  const blocking = assertResult(await run(page, 'python', { code: example('blocking-coroutine').code }));
  assert.deepEqual(sorted(linesOf(blocking.value.stdout).map((l) => l.replace(/[\d.]+ s/g, 'T'))), sorted(linesOf(cpython(example('blocking-coroutine').code)).map((l) => l.replace(/[\d.]+ s/g, 'T'))));
  assertNoProblems(problems);
  await page.close();
});

test('the examples menu loads a program into the editor and the address; the deadlock prints, then waits for Stop', async (t) => {
  if (!need(t)) return;
  const { page, problems } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=python`);
  await page.waitForSelector('.cm-content');
  assert.equal(await page.locator('#code-examples option').count(), PYTHON_EXAMPLES.length + 1);
  await page.selectOption('#code-examples', 'deadlock');
  await page.waitForFunction((code) => document.querySelector('.editor-box').editor.getText() === code, example('deadlock').code);
  const code = new URL(page.url()).searchParams.get('code');
  assert.equal(code, compressToEncodedURIComponent(example('deadlock').code), 'the address carries the program, compressed');
  if (python.runs) {
    await page.click('#run');
    await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Running'));
    await page.waitForTimeout(800);
    assert.ok((await status(page)).startsWith('Running'), 'a deadlock does not end by itself');
    await page.click('#stop');
    await page.waitForFunction(() => document.getElementById('status').textContent === 'Stopped.');
    const printed = cpython(example('deadlock').code, { until: 1500 });
    assert.equal(linesOf(printed).length, 2, `python3 printed ${JSON.stringify(printed)}`);
    assert.deepEqual(sorted(await page.locator('#output li .text').allTextContents()), sorted(linesOf(printed)));
  }
  assertNoProblems(problems);
  await page.close();
});

test('a permalink carries a 5 KB program compressed, restores it, and a bad one says so and shows the default', async (t) => {
  if (!need(t)) return;
  let program = '';
  for (let i = 0; program.length < 5 * 1024; i++) program += `${PYTHON_EXAMPLES[i % PYTHON_EXAMPLES.length].code}\n# part ${i}\n`;
  const link = new URL(env.servers.isolated);
  link.searchParams.set('demo', 'python');
  link.searchParams.set('code', compressToEncodedURIComponent(program));
  assert.ok(link.href.length < 8000, `a 5 KB program makes a ${link.href.length}-character link`);
  const { page, problems } = await openPlayground(env.browser.context, link.href);
  await page.waitForSelector('.cm-content');
  await page.waitForFunction((p) => document.querySelector('.editor-box').editor.getText() === p, program);
  assert.equal(await page.isHidden('#error'), true);
  // Copy link writes the same program back.
  await page.click('#copy-link');
  assert.equal(new URL(page.url()).searchParams.get('code'), link.searchParams.get('code'));
  assertNoProblems(problems);

  const bad = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=python&code=${'x'.repeat(40)}&gil=false`);
  await bad.page.waitForSelector('.cm-content');
  const message = await bad.page.textContent('#error');
  assert.match(message, /program \(parameter "code"\) could not be decoded/);
  assert.match(message, /default program/);
  const demo = await bad.page.evaluate(() => playground.demos().find((d) => d.id === 'python'));
  assert.equal(await editorText(bad.page), demo.params.find((p) => p.name === 'code').default);
  assert.equal(await bad.page.isChecked('#param-gil'), false, 'the link\'s other parameters still apply');
  assertNoProblems(bad.problems);
  await bad.page.close();
  await page.close();
});

test('a Python error marks its line in the editor; stderr shows in red', async (t) => {
  if (!need(t, { runs: true })) return;
  const { page, problems } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=python`);
  await page.waitForSelector('.cm-content');
  const broken = 'print("before")\nx = 1\nif x\n    print(x)\n';
  await page.evaluate((code) => document.querySelector('.editor-box').editor.setText(code), broken);
  await runBy(page, () => page.click('#run'));
  assert.equal(await page.getAttribute('.cm-error-line', 'data-error-line'), '3');
  assert.match(await page.textContent('.editor-note'), /^Line 3.*SyntaxError/);
  assert.match(await status(page), /SyntaxError on line 3/);

  // An uncaught exception: the traceback is stderr, each of its lines marked as such.
  const raising = 'print("start")\ndef f():\n    raise ValueError("bad value")\nf()\n';
  await page.evaluate((code) => document.querySelector('.editor-box').editor.setText(code), raising);
  assert.equal(await page.locator('.cm-error-line').count(), 0, 'an edit clears the mark');
  await runBy(page, () => page.click('#run'));
  const r = await page.evaluate(() => playground.run('python', { code: 'print("start")\ndef f():\n    raise ValueError("bad value")\nf()\n' }));
  assert.equal(r.value.exit_code, 1);
  assert.match(r.value.stderr, /Traceback \(most recent call last\):[\s\S]*ValueError: bad value/);
  assert.equal(await page.getAttribute('.cm-error-line', 'data-error-line'), '3');
  const red = await page.locator('#output li.stderr').allTextContents();
  assert.ok(red.some((line) => line.includes('ValueError: bad value')), `stderr lines: ${JSON.stringify(red)}`);
  assert.equal(await page.locator('#output li:not(.stderr) .text').first().textContent(), 'start');
  const colour = await page.evaluate(() => [
    getComputedStyle(document.querySelector('#output li.stderr .text, #output li.stderr.rest')).color,
    getComputedStyle(document.querySelector('#output li:not(.stderr) .text')).color,
  ]);
  assert.notEqual(colour[0], colour[1], 'stderr is a colour of its own');
  assertNoProblems(problems);
  await page.close();
});

test('"Edit as Python" opens a demo\'s program in the editor, and it prints the lines the demo prints', async (t) => {
  if (!need(t)) return;
  const params = { threads: 3, steps: 3, delay_ms: 20 };
  const { page, problems } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=threads&threads=3&steps=3&delay_ms=20`);
  await page.waitForSelector('#code-panel .edit-python:not([hidden])');
  const shown = await page.getAttribute('[data-code="python"]', 'data-text');
  const demoRun = assertResult(await run(page, 'threads', params));
  // CPython prints the demo's lines (threads interleave: compare them as sets of lines).
  assert.deepEqual(sorted(linesOf(cpython(shown))), sorted(demoRun.logs.map((l) => l.text)), 'python3 prints what the demo prints');
  await page.click('#code-panel .edit-python');
  await page.waitForSelector('.cm-content');
  await page.waitForFunction((code) => document.querySelector('.editor-box')?.editor?.getText() === code, shown);
  assert.equal(new URL(page.url()).searchParams.get('demo'), 'python');
  if (python.runs) {
    await runBy(page, () => page.click('#run'));
    assert.deepEqual(sorted(await page.locator('#output li .text').allTextContents()), sorted(demoRun.logs.map((l) => l.text)), 'the engine runs it printing the demo\'s lines');
  }
  // The other panels with the button, through the API: python3 and the engine print the demo's lines.
  for (const [id, query] of [['asyncio', 'tasks=3&steps=2&delay_ms=30&blocking_ms=40'], ['executors', 'kind=thread&max_workers=3&tasks=5&delay_ms=300']]) {
    await page.goto(`${env.servers.isolated}?demo=${id}&${query}`);
    await page.waitForSelector('#code-panel .edit-python:not([hidden])');
    const program = await page.getAttribute('[data-code="python"]', 'data-text');
    const values = await page.evaluate(async ([demo, q]) => playground.validate(demo, Object.fromEntries([...new URLSearchParams(q)].map(([k, v]) => [k, /^\d+$/.test(v) ? Number(v) : v]))), [id, query]);
    const lines = sorted(assertResult(await run(page, id, values), id).logs.map((l) => l.text));
    assert.deepEqual(sorted(linesOf(cpython(program))), lines, `${id}: python3 prints the demo's lines`);
    if (python.runs) {
      const r = assertResult(await run(page, 'python', { code: program }), `${id} as Python`);
      assert.deepEqual(sorted(linesOf(r.value.stdout)), lines, `${id}: the engine runs its panel printing the demo's lines`);
    }
  }
  // A panel whose program would compute for minutes at these values offers the button
  // disabled, saying why (processes: 500 million numbers by default).
  await page.click('.lessons a[data-demo="processes"]');
  await page.waitForFunction(() => document.querySelector('[data-code="python"]').dataset.text.includes('multiprocessing'));
  await page.waitForSelector('#code-panel .edit-python:not([hidden])[disabled]');
  assert.match(await page.textContent('#code-panel .edit-python-why'), /up to n = 4,000,000[\s\S]*Now n = 500000000\./);
  assert.match(await page.getAttribute('#code-panel .edit-python', 'title'), /up to n = 4,000,000/);
  assertNoProblems(problems);
  await page.close();
});

/** What python3 prints for a panel's program; the scraper's simulated pages come from `site`
 *  (the test's own server: python3 runs beside it, not blocking this process as cpython() does). */
async function cpythonPanel(program, site) {
  const dir = mkdtempSync(path.join(tmpdir(), 'python-panel-'));
  try {
    writeFileSync(path.join(dir, 'main.py'), program.replace(/^SITE = ""/m, `SITE = "${site}"`));
    const { stdout } = await promisify(execFile)('python3', ['-I', '-u', 'main.py'], { cwd: dir, encoding: 'utf8', timeout: 60000 });
    return stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('"Edit as Python" on processes and scraper opens the program, and it runs on the threads build printing what python3 prints', async (t) => {
  if (!need(t, { runs: true })) return;
  const { page, problems, ready } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=processes&processes=2&n=2000000`);
  assert.equal(ready.build, 'threads');
  const site = new URL(env.servers.isolated).origin;
  for (const [id, lines] of [
    ['processes', (out) => assert.match(out, /^process 1: my counter = 1000000 \(my own 1000000 numbers only\)\nprocess 2: my counter = 1000000 \(my own 1000000 numbers only\)\nthreads: the one shared counter = 2000000/)],
    ['scraper', (out) => assert.match(out, /^page 3: 200, 1111 bytes$/m)],
  ]) {
    if (id === 'scraper') await page.goto(`${env.servers.isolated}?demo=scraper&urls=5&latency_ms=150&mode=threads&workers=2`);
    await page.waitForSelector('#code-panel .edit-python:not([hidden]):not([disabled])');
    const shown = await page.getAttribute('[data-code="python"]', 'data-text');
    await page.click('#code-panel .edit-python');
    await page.waitForSelector('.cm-content');
    await page.waitForFunction((code) => document.querySelector('.editor-box')?.editor?.getText() === code, shown);
    assert.equal(new URL(page.url()).searchParams.get('demo'), 'python');
    await runBy(page, () => page.click('#run'));
    const printed = (await page.locator('#output li:not(.stderr) .text').allTextContents()).join('\n') + '\n';
    assert.equal(await page.locator('#output li.stderr').count(), 0, `${id}: nothing on stderr`);
    lines(printed);
    // python3 prints the same lines (threads and requests finish in an order of their own).
    assert.deepEqual(sorted(linesOf(printed)), sorted(linesOf(await cpythonPanel(shown, site))), `${id}: the engine prints what python3 prints`);
  }
  // The gil panel's program opened from gil = false runs free-threaded.
  await page.goto(`${env.servers.isolated}?demo=gil&gil=false&work_ms=50`);
  await page.waitForSelector('#code-panel .edit-python:not([hidden]):not([disabled])');
  await page.click('#code-panel .edit-python');
  await page.waitForSelector('.cm-content');
  assert.equal(await page.isChecked('#param-gil'), false, 'the python demo\'s gil is off');
  assert.equal(new URL(page.url()).searchParams.get('gil'), 'false');
  await runBy(page, () => page.click('#run'));
  const printed = await page.locator('#output li .text').allTextContents();
  assert.ok(printed.includes('2 threads start, with no GIL'), JSON.stringify(printed));
  assertNoProblems(problems);
  await page.close();
});

test('an exercise about a program\'s output: read-only until the run, then prediction against what it printed', async (t) => {
  if (!need(t, { runs: true })) return;
  const code = example('producer-consumer').code;
  const url = `${env.servers.isolated}?demo=python&code=${compressToEncodedURIComponent(code)}&predict=stdout`;
  const { page, problems } = await openPlayground(env.browser.context, url);
  await page.waitForSelector('.cm-content');
  assert.match(await page.textContent('#exercise'), /What will this program print/);
  assert.equal(await page.getAttribute('.cm-content', 'contenteditable'), 'false', 'the program cannot change before the prediction');
  await page.fill('#prediction', linesOf(cpython(code)).join('\n'));
  await runBy(page, () => page.click('#run'));
  assert.match(await page.textContent('.exercise-verdict'), /^Exactly what it printed/);
  assert.equal(await page.getAttribute('.cm-content', 'contenteditable'), 'true');
  // A teacher makes one from the page: the dialog offers the output question for a program.
  await page.goto(`${env.servers.isolated}?demo=python&code=${compressToEncodedURIComponent(code)}`);
  await page.waitForSelector('.cm-content');
  await page.click('#make-exercise');
  await page.selectOption('#exercise-kind', 'stdout');
  const link = new URL(await page.inputValue('#exercise-link'));
  assert.equal(link.searchParams.get('predict'), 'stdout');
  assert.equal(link.searchParams.get('code'), compressToEncodedURIComponent(code));
  // The ready exercise of chapter 11 is the "counter" example.
  const ready = new URLSearchParams(await page.evaluate(() => playground.demos().find((d) => d.id === 'python').exercise.query));
  assert.equal(ready.get('code'), compressToEncodedURIComponent(example('counter').code), 'the python demo\'s exercise holds the counter example as it is now');
  assertNoProblems(problems);
  await page.close();
});

test('an embed runs a program from its address', async (t) => {
  if (!need(t, { runs: true })) return;
  const code = example('asyncio-timeout').code;
  const { page, problems } = await openPlayground(env.browser.context, `${env.servers.plain}embed.html?demo=python&code=${compressToEncodedURIComponent(code)}&panels=controls,output&autorun=1`);
  await waitDone(page);
  assert.deepEqual(await page.locator('#output li .text').allTextContents(), linesOf(cpython(code)));
  assertNoProblems(problems);
  await page.close();
});

test('axe-core finds nothing to fix on the python demo, light and dark, with an error marked', async (t) => {
  if (!need(t)) return;
  const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  for (const scheme of ['light', 'dark']) {
    const { page, problems } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=python`);
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForSelector('.cm-content');
    if (python.runs) {
      await page.evaluate(() => document.querySelector('.editor-box').editor.setText('print("a")\nimport sys\nprint("b", file=sys.stderr)\n1 / 0\n'));
      await runBy(page, () => page.click('#run'));
      await page.waitForSelector('.cm-error-line');
    }
    await page.evaluate(AXE);
    const found = await page.evaluate(async () => (await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))
      .violations.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`));
    assert.deepEqual(found, [], scheme);
    assertNoProblems(problems);
    await page.close();
  }
});
