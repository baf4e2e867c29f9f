// One demo, one place: what the page shows about a demo comes from the demo's own Rust
// file, through playground.demos(): the lesson above the controls, the Python with the
// current values, and the "Rust that runs here" panel, the real source line for line, with
// the parameters' current values beside the lines that read them. The page needs nothing
// else: a demo it has never seen shows from its entry alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { useServersAndBrowser, openPlayground, assertNoProblems, ROOT } from './support.mjs';

const env = useServersAndBrowser(before, after);

/** The panel's lines that must be source: all but its first line (the file's name) and
 *  the marks between excerpts. */
function checkAgainstSource(id, panel) {
  const [header, ...lines] = panel.split('\n');
  const file = header.match(/^\/\/ (src\/\S+\.rs)$/)?.[1];
  assert.ok(file, `${id}: the panel's first line names its file: ${header}`);
  const source = new Set(readFileSync(path.join(ROOT, file), 'utf8').split('\n').map((l) => l.trim()));
  const shown = lines.filter((l) => l.trim() && l !== '// …');
  assert.ok(shown.length >= 5, `${id}: ${shown.length} lines of source`);
  for (const line of shown) assert.ok(source.has(line.trim()), `${id}: "${line.trim()}" is not a line of ${file}`);
}

test('every line of every Rust panel is a line of the demo\'s file in src/', async () => {
  const { page, problems } = await openPlayground(env.browser.context, env.servers.isolated);
  const demos = await page.evaluate(() => playground.demos());
  const withPanel = demos.filter((d) => d.rust);
  // Every demo but the one whose program is a parameter (its editor shows that program).
  assert.deepEqual(demos.filter((d) => !d.rust).map((d) => d.id), ['python']);
  for (const demo of withPanel) {
    checkAgainstSource(demo.id, demo.rust);
    // What the page shows is that text: the value notes are apart from it.
    await page.click(`.lessons a[data-demo="${demo.id}"]`);
    await page.waitForFunction((text) => document.querySelector('[data-code="rust"]').dataset.text === text, demo.rust);
    const shown = await page.locator('[data-code="rust"]').evaluate((el) => {
      const copy = el.cloneNode(true);
      for (const note of copy.querySelectorAll('.code-note')) note.remove();
      return copy.textContent;
    });
    assert.equal(shown, demo.rust, `${demo.id}: the panel shows exactly its excerpt`);
    checkAgainstSource(demo.id, shown);
  }
  assertNoProblems(problems);
  await page.close();
});

test('the pool-map panel shows how the threads really write the picture: through one Mutex', async () => {
  const { page, problems } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=pool-map`);
  await page.waitForSelector('[data-code="rust"] .tok-keyword');
  const rust = await page.getAttribute('[data-code="rust"]', 'data-text');
  assert.match(rust, /Arc::new\(Mutex::new\(vec!\[0u8/);
  assert.doesNotMatch(rust, /straight into/);
  assertNoProblems(problems);
  await page.close();
});

test('beside the line that reads the parameters, their current values, following the controls', async () => {
  const { page, problems } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=threads&threads=3&delay_ms=40`);
  await page.waitForSelector('[data-code="rust"] .tok-keyword');
  // The demo reads its parameters in one line, as the fields of its typed Values.
  const noteOfRead = () => page.locator('[data-code="rust"]').evaluate((el) => {
    const line = el.textContent.split('\n').find((l) => l.includes('Values::read(params)'));
    return line?.split('  // ')[1] ?? null;
  });
  assert.equal(await noteOfRead(), 'threads = 3, steps = 5, delay_ms = 40');
  await page.fill('#param-threads', '5');
  await page.waitForFunction(() => document.querySelector('[data-code="rust"] .code-note')?.textContent.includes('threads = 5'));
  assert.equal(await noteOfRead(), 'threads = 5, steps = 5, delay_ms = 40');
  // Coloured as Rust, the note a span of its own: one note, on that line.
  assert.ok(await page.locator('[data-code="rust"] .tok-keyword').count() > 5);
  assert.equal(await page.locator('[data-code="rust"] .code-note').count(), 1);
  assertNoProblems(problems);
  await page.close();
});

test('the lesson above the controls is the one the demo declares', async () => {
  const { page, problems } = await openPlayground(env.browser.context, env.servers.isolated);
  const demos = await page.evaluate(() => playground.demos());
  for (const demo of demos) {
    assert.ok(demo.lesson.length > 100, `${demo.id}: a lesson of a few sentences`);
    await page.click(`.lessons a[data-demo="${demo.id}"]`);
    assert.equal(await page.textContent('#demo-lesson'), demo.lesson, demo.id);
  }
  assertNoProblems(problems);
  await page.close();
});

test('the page shows a demo from what demos() says alone: nothing in www/ is written for it', async () => {
  const page = await env.browser.context.newPage();
  // A demo no file of the page knows, added where the engine worker hands the page its
  // list of demos; the engine's answer to validating it is made up the same way.
  await page.addInitScript(() => {
    const madeUp = {
      id: 'made-up', title: 'A demo the page has never seen', chapter: 12, needsThreads: false, timings: [],
      lesson: 'Everything on this page about it came from its entry in demos().',
      params: [{ name: 'count', type: 'int', default: 2, min: 1, max: 9, step: 1, unit: 'things', help: 'How many.' }],
      python: { program: 'COUNT = 2    # how many\nprint(COUNT)', runnable: false },
      rust: '// src/demos/made_up.rs\nlet count = params.count("count");\nrec.log(lane, count.to_string());',
    };
    const { postMessage } = Worker.prototype;
    const handlers = new WeakMap();
    Object.defineProperty(Worker.prototype, 'onmessage', {
      configurable: true,
      get() { return handlers.get(this); },
      set(handler) {
        handlers.set(this, handler);
        this.addEventListener('message', ({ data }) => {
          if (Array.isArray(data?.demos)) data = { ...data, demos: [...data.demos, madeUp] };
          handler({ data });
        });
      },
    });
    Worker.prototype.postMessage = function (message, ...rest) {
      if (message?.type === 'validate' && message.id === 'made-up') {
        handlers.get(this)({ data: { type: 'validated', vseq: message.vseq, params: { count: 2, ...message.params } } });
        return;
      }
      postMessage.call(this, message, ...rest);
    };
  });
  await page.goto(`${env.servers.isolated}?demo=made-up&count=4`);
  await page.evaluate(() => playground.ready);
  await page.waitForSelector('[data-code="rust"] .code-note');
  assert.equal(await page.textContent('.lessons a[data-demo="made-up"]'), '12made-up', 'in the chapters, by its number and id');
  assert.equal(await page.textContent('#demo-title'), 'A demo the page has never seen');
  assert.equal(await page.textContent('#demo-lesson'), 'Everything on this page about it came from its entry in demos().');
  assert.equal(await page.inputValue('#param-count'), '4');
  assert.equal(await page.getAttribute('[data-code="python"]', 'data-text'), 'COUNT = 4    # how many\nprint(COUNT)');
  assert.equal(await page.textContent('[data-code="rust"] .code-note'), '  // count = 4');
  await page.fill('#param-count', '7');
  await page.waitForFunction(() => document.querySelector('[data-code="python"]').dataset.text.startsWith('COUNT = 7'));
  assert.equal(await page.textContent('[data-code="rust"] .code-note'), '  // count = 7');
  await page.close();
});
