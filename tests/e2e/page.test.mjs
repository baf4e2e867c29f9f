// The playground page: controls generated from the schema, permalinks, export, keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useServersAndBrowser, openPlayground } from './support.mjs';

const env = useServersAndBrowser(before, after);

/** The values the page's controls hold, read from the DOM as a user sees them. */
const readControls = (page, demo) =>
  page.evaluate((demo) => Object.fromEntries(demo.params.map((p) => {
    const input = document.getElementById(`param-${p.name}`);
    if (p.type === 'text') return [p.name, input.closest('.editor-box')?.editor?.getText() ?? input.value]; // a program, in its editor
    const value = p.type === 'bool' ? input.checked : p.type === 'choice' ? input.value : Number(input.value);
    return [p.name, value];
  })), demo);

test('every demo gets one control per parameter with the schema\'s range, and its extremes are all valid', async () => {
  const { page, problems } = await openPlayground(env.browser.context, env.servers.isolated);
  const demos = await page.evaluate(() => playground.demos());
  assert.equal(demos.length, 11);
  for (const demo of demos) {
    await page.click(`.lessons a[data-demo="${demo.id}"]`);
    await page.waitForFunction((id) => document.getElementById('demo-title').textContent && new URL(location.href).searchParams.get('demo') === id, demo.id);
    assert.equal(await page.locator('#params .param').count(), demo.params.length, demo.id);
    for (const p of demo.params) {
      const input = page.locator(`#param-${p.name}`);
      if (p.type === 'int' || p.type === 'urls') {
        assert.equal(await input.getAttribute('min'), String(p.min), `${demo.id}.${p.name} min`);
        assert.equal(await input.getAttribute('max'), String(p.max), `${demo.id}.${p.name} max`);
      } else if (p.type === 'bool') {
        assert.equal(await input.getAttribute('type'), 'checkbox');
      } else if (p.type === 'choice') {
        assert.deepEqual(await input.locator('option').allTextContents(), p.options);
      }
    }
    // Defaults, then every number at its minimum, then at its maximum: all accepted.
    for (const edge of ['default', 'min', 'max']) {
      for (const p of demo.params.filter((p) => p.type === 'int' || p.type === 'urls')) {
        await page.fill(`#param-${p.name}`, String(edge === 'default' ? p.default : p[edge]));
      }
      const values = await readControls(page, demo);
      const checked = await page.evaluate(([id, v]) => playground.validate(id, v).then(() => 'ok', (e) => e.message), [demo.id, values]);
      assert.equal(checked, 'ok', `${demo.id} at its ${edge}s: ${checked}`);
    }
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('a value outside the schema cannot be run from the page', async () => {
  const { page, problems } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=threads`);
  await page.fill('#param-threads', '99');
  await page.click('#run');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#param-threads:invalid').count(), 1);
  assert.equal(await page.locator('#output li').count(), 0, 'it ran anyway');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'param-threads');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a permalink round-trips: it restores the demo and parameters, and a run writes them back', async () => {
  const { page, problems } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=gil&threads=3&workload=mixed&gil=false&work_ms=30`);
  await page.waitForFunction(() => document.getElementById('param-threads').value === '3');
  assert.equal(await page.inputValue('#param-workload'), 'mixed');
  assert.equal(await page.isChecked('#param-gil'), false);
  await page.keyboard.press('Escape');
  await page.focus('#param-work_ms');
  await page.keyboard.press('Enter'); // Enter in a field runs the demo
  await page.waitForSelector('#output li');
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('demo'), 'gil');
  assert.equal(url.searchParams.get('threads'), '3');
  assert.equal(url.searchParams.get('workload'), 'mixed');
  assert.equal(url.searchParams.get('gil'), 'false');
  assert.equal(url.searchParams.has('switch_interval_ms'), false, 'defaults stay out of the link');
  // Opening that link again gives the same controls.
  const again = await openPlayground(env.browser.context, url.href);
  await again.page.waitForFunction(() => document.getElementById('param-threads').value === '3');
  assert.equal(await again.page.inputValue('#param-work_ms'), '30');
  await page.click('#copy-link');
  await page.waitForFunction(() => /Link copied|Copy this link/.test(document.getElementById('status').textContent));
  assert.deepEqual(problems, []);
  await page.close();
  await again.page.close();
});

test('a bad permalink says what was wrong and shows the defaults', async () => {
  for (const [query, name] of [['threads=99', 'threads'], ['threads=abc', 'threads'], ['bogus=1', 'bogus'], ['workload=disk', 'workload']]) {
    const { page, problems } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=gil&${query}`);
    await page.waitForSelector('#error:not([hidden])');
    const message = await page.textContent('#error');
    assert.match(message, /link's parameters were not used/);
    assert.ok(message.includes(`"${name}"`), message);
    assert.equal(await page.inputValue('#param-threads'), '2');
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('export gives Chrome trace JSON whose events match the run\'s spans', async () => {
  const { page, problems } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=threads&threads=3&steps=3&delay_ms=20`);
  await page.click('#run');
  await page.waitForSelector('#output li');
  const result = await page.evaluate(() => playground.run('threads', { threads: 3, steps: 3, delay_ms: 20 }));
  await page.click('#run');
  await page.waitForFunction(() => !document.getElementById('export-trace').disabled && document.getElementById('status').textContent.startsWith('Done'));
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-trace')]);
  const trace = JSON.parse(readFileSync(await download.path(), 'utf8'));
  const complete = trace.traceEvents.filter((e) => e.ph === 'X');
  const names = trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => e.args.name);
  assert.deepEqual(names, ['main thread (main)', 'thread 1 (thread)', 'thread 2 (thread)', 'thread 3 (thread)']);
  assert.equal(complete.length, result.spans.length);
  for (const e of complete) {
    assert.ok(Number.isInteger(e.ts) && Number.isInteger(e.dur) && e.dur >= 0 && e.pid === 1 && e.tid >= 1);
    assert.ok(['cpu', 'io', 'sleep', 'wait', 'overhead'].includes(e.cat));
  }
  // The same run exported directly: every span is one event with its times in microseconds.
  const direct = await page.evaluate(async (r) => (await import('/www/ui/export.js')).toChromeTrace(r), result);
  const x = direct.traceEvents.filter((e) => e.ph === 'X');
  result.spans.forEach((s, i) => {
    assert.equal(x[i].ts, Math.round(s.start_ms * 1000));
    assert.equal(x[i].dur, Math.round((s.end_ms - s.start_ms) * 1000));
    assert.equal(x[i].tid, s.lane + 1);
  });
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
  const bytes = readFileSync(await png.path());
  assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the timeline zooms and pans from the keyboard and tells what is under the pointer', async () => {
  const { page, problems } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=threads&threads=2&steps=4&delay_ms=50`);
  await page.click('#run');
  await page.waitForSelector('#output li');
  const view = async () => (await page.getAttribute('#timeline', 'data-view')).split('-').map(Number);
  const [from, to] = await view();
  assert.equal(from, 0);
  await page.focus('#timeline');
  await page.keyboard.press('+');
  const [zFrom, zTo] = await view();
  assert.ok(zTo - zFrom < (to - from) * 0.8, 'zoomed in');
  await page.keyboard.press('ArrowRight');
  const [pFrom] = await view();
  assert.ok(pFrom > zFrom, 'panned right');
  await page.keyboard.press('0');
  assert.deepEqual(await view(), [from, to]);
  // Hover the middle of thread 1's lane: a sleep span is there.
  const box = await page.locator('#timeline').boundingBox();
  const lanes = await page.locator('#timeline-lanes li').count();
  assert.equal(lanes, 3);
  let found = '';
  for (let y = 10; y < box.height - 30 && !found.includes('sleep'); y += 6) {
    await page.mouse.move(box.x + box.width * 0.6, box.y + y);
    found = await page.textContent('#timeline-details');
  }
  assert.match(found, /thread \d: time\.sleep \(sleep, task \d\), from .* for /);
  // Choosing an output line marks its moment on the timeline (and does not throw).
  await page.locator('#output li').nth(2).click();
  assert.equal(await page.locator('#output li[aria-current]').count(), 1);
  assert.deepEqual(problems, []);
  await page.close();
});

test('every demo shows its Python and its Rust, with the current parameter values', async () => {
  const { page, problems } = await openPlayground(env.browser.context, env.servers.isolated);
  const demos = await page.evaluate(() => playground.demos());
  for (const demo of demos) {
    await page.click(`.lessons a[data-demo="${demo.id}"]`);
    if (demo.params.some((p) => p.type === 'text')) {
      // Its program is a parameter, shown in its editor: no second copy in a code panel.
      await page.waitForSelector('#code-panel', { state: 'hidden' });
      continue;
    }
    await page.waitForFunction(() => document.querySelector('[data-code="python"]').textContent.length > 40);
    const python = await page.textContent('[data-code="python"]');
    const rust = await page.textContent('[data-code="rust"]');
    assert.ok(python.length > 80 && rust.length > 80, demo.id);
    const numeric = demo.params.find((p) => p.type === 'int' && p.min < p.max);
    if (numeric) {
      // Change a value: the code follows.
      const value = numeric.min === numeric.default ? numeric.max : numeric.min;
      await page.fill(`#param-${numeric.name}`, String(value));
      await page.waitForFunction(([a, b]) => document.querySelector('[data-code="python"]').textContent !== a || document.querySelector('[data-code="rust"]').textContent !== b, [python, rust]);
      const both = (await page.textContent('[data-code="python"]')) + (await page.textContent('[data-code="rust"]'));
      assert.ok(both.includes(String(value)) || both.includes(String(value / 1000)), `${demo.id}: ${numeric.name}=${value} not shown`);
    }
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('at a phone\'s width, in the dark theme, no demo is wider than the screen', async () => {
  const page = await env.browser.context.newPage();
  await page.setViewportSize({ width: 390, height: 800 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${env.servers.isolated}?demo=threads&delay_ms=5`);
  await page.evaluate(() => playground.ready);
  const demos = await page.evaluate(() => playground.demos().map((d) => d.id));
  for (const id of demos) {
    await page.click(`.lessons a[data-demo="${id}"]`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${id}: ${overflow} px wider than the screen`);
  }
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(15, 20, 25)');
  await page.close();
});

test('controls for a type the page does not know send the default, and a step is not a constraint', async () => {
  const { page, problems } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=threads`);
  const seen = await page.evaluate(async () => {
    const { renderControls } = await import('/www/ui/controls.js');
    const fieldset = document.createElement('fieldset');
    document.body.append(fieldset);
    const demo = {
      id: 'future',
      params: [
        { name: 'shape', type: 'vector', default: [1, 2], help: 'a type from a later demo' },
        { name: 'label', type: 'text', default: 'hello', help: '' },
        { name: 'n', type: 'int', min: 1, max: 9, step: 4, default: 1, unit: 'items', help: '' },
      ],
    };
    const controls = renderControls(fieldset, demo);
    const before = controls.values();
    const n = fieldset.querySelector('#param-n');
    n.value = '3'; // not a multiple of the slider's step: still a valid whole number
    n.dispatchEvent(new Event('input', { bubbles: true }));
    const result = {
      before,
      inputs: fieldset.querySelectorAll('.param').length,
      shapeType: fieldset.querySelector('#param-shape').type,
      shapeText: fieldset.querySelector('#param-shape').value,
      invalid: controls.firstInvalid()?.id ?? null,
      after: controls.values().n,
      changedShown: !fieldset.querySelector('[data-param="n"] .changed').hidden,
    };
    fieldset.remove();
    return result;
  });
  assert.deepEqual(seen.before, { shape: [1, 2], label: 'hello', n: 1 });
  assert.equal(seen.inputs, 3);
  assert.equal(seen.shapeType, 'text');
  assert.equal(seen.shapeText, '[1,2]');
  assert.equal(seen.invalid, null);
  assert.equal(seen.after, 3);
  assert.equal(seen.changedShown, true);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a changed parameter is marked and resets on its own', async () => {
  const { page, problems } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=threads`);
  const mark = page.locator('[data-param="steps"] .changed');
  assert.equal(await mark.isHidden(), true);
  await page.fill('#param-steps', '7');
  assert.equal(await mark.isVisible(), true);
  assert.equal(await page.locator('[data-param="threads"] .changed').isHidden(), true, 'only the changed one is marked');
  await mark.click();
  assert.equal(await page.inputValue('#param-steps'), '5');
  assert.equal(await mark.isHidden(), true);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a list of URLs the schema refuses cannot be run; a valid one runs and round-trips in the link', async () => {
  const { page, problems } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=scraper`);
  const schema = (await page.evaluate(() => playground.demos())).find((d) => d.id === 'scraper').params.find((p) => p.name === 'urls');
  const list = page.locator('#param-urls-list');
  // One more than max_list: refused at once, from the schema.
  await list.fill(Array.from({ length: schema.max_list + 1 }, (_, i) => `/sim/page/${i + 1}?latency_ms=1`).join('\n'));
  await page.click('#run');
  await page.waitForFunction(() => document.getElementById('param-urls-list').matches(':invalid'));
  assert.equal(await page.evaluate(() => document.activeElement.id), 'param-urls-list');
  // Not http(s): the engine's own rule, and its message, mark the list.
  await list.fill('ftp://example.com/file');
  await page.click('#run');
  await page.waitForFunction(() => document.getElementById('param-urls-list').validationMessage.includes('http'));
  assert.equal(await page.locator('#output li').count(), 0, 'a refused list ran anyway');
  assert.equal(await page.isHidden('#error'), true, 'the message belongs on the control, not in a page error');
  // Valid same-origin pages: it runs, and the address holds the list.
  await list.fill('/sim/page/1?latency_ms=5\n/sim/page/2?latency_ms=5');
  await page.click('#run');
  await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Done'));
  const url = new URL(page.url());
  assert.deepEqual(url.searchParams.getAll('urls'), ['/sim/page/1?latency_ms=5', '/sim/page/2?latency_ms=5']);
  const again = await openPlayground(env.browser.context, url.href);
  await again.page.waitForFunction(() => document.getElementById('param-urls-list').value.includes('page/2'));
  assert.equal(await again.page.inputValue('#param-urls-list'), '/sim/page/1?latency_ms=5\n/sim/page/2?latency_ms=5');
  assert.deepEqual(problems, []);
  assert.deepEqual(again.problems, []);
  await page.close();
  await again.page.close();
});

test('Run and Stop work from the keyboard alone', async () => {
  const { page, problems } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=threads&steps=50&delay_ms=2000`);
  // Tab from the top of the page reaches Run.
  let reached = false;
  for (let i = 0; i < 80 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.id === 'run');
  }
  assert.ok(reached, 'Tab never reached Run');
  const status = () => page.textContent('#status');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Running'));
  // Run is disabled while running: the focus moved to Stop, so Enter stops.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'stop');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('status').textContent === 'Stopped.');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'run');
  // And again, stopped with Esc this time.
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Running'));
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.getElementById('status').textContent === 'Stopped.');
  assert.equal(await status(), 'Stopped.');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the timeline draws the lanes of the run, and the keyboard walks its spans', async () => {
  const params = { threads: 3, workload: 'mixed', work_ms: 20 };
  const { page, problems } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=gil&threads=3&workload=mixed&work_ms=20`);
  const expected = await page.evaluate((p) => playground.run('gil', p), params);
  await page.waitForFunction(() => document.getElementById('param-threads').value === '3');
  await page.click('#run');
  await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Done'));
  // The accessible summary: one item per lane of the run, with its label and kind.
  const items = await page.locator('#timeline-lanes li').evaluateAll((lis) => lis.map((li) => ({ text: li.textContent, kind: li.dataset.kind })));
  assert.equal(items.length, expected.lanes.length);
  expected.lanes.forEach((lane, i) => {
    assert.ok(items[i].text.startsWith(`${lane.label} (${lane.kind}): `), items[i].text);
    assert.equal(items[i].kind, lane.kind);
  });
  const label = await page.getAttribute('#timeline', 'aria-label');
  assert.ok(label.includes(`${expected.lanes.length} lanes`) && expected.lanes.every((l) => label.includes(l.label)), label);
  // Keyboard: the first row's first span, then the next one, then a row down.
  const details = () => page.textContent('#timeline-details');
  await page.focus('#timeline');
  await page.keyboard.press('ArrowDown');
  const first = await details();
  assert.match(first, /^sequential: .* \((cpu|io|sleep|wait|overhead)(, task \d+)?\), from .* for /);
  await page.keyboard.press(']');
  const second = await details();
  assert.match(second, /^sequential: /);
  assert.notEqual(second, first);
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  assert.match(await details(), /^thread \d: /);
  // Enter zooms to the chosen span.
  const view = async () => (await page.getAttribute('#timeline', 'data-view')).split('-').map(Number);
  await page.keyboard.press('Enter');
  const [from, to] = await view();
  assert.ok(to - from < expected.wall_ms / 2, `zoomed to ${from}-${to}`);
  // The buttons do the same for touch screens.
  await page.click('#zoom-all');
  const [, whole] = await view();
  await page.click('#zoom-in');
  const [inFrom, inTo] = await view();
  assert.ok(inTo - inFrom < whole * 0.8, 'the zoom-in button zoomed in');
  await page.click('#zoom-out');
  await page.click('#zoom-out');
  assert.deepEqual(await view(), [0, whole]);
  assert.deepEqual(problems, []);
  await page.close();
});

test('phase figures: speedup and efficiency against the right sequential baseline, read from any stats', async () => {
  const { page, problems } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=threads`);
  const phases = await page.evaluate(async () => {
    const { phasesOf } = await import('/www/ui/figures.js');
    const lane = (id, label, kind = 'thread') => ({ id, label, kind });
    const pick = (list) => Object.fromEntries(list.map((p) => [p.name, { speedup: p.speedup && +p.speedup.toFixed(3), workers: p.workers, efficiency: p.efficiency && +p.efficiency.toFixed(3), baseline: p.baseline }]));
    return {
      // A demo that reports its speedups (io-vs-cpu's shape): groups with their own baselines.
      grouped: pick(phasesOf({
        stats: { cpu_ms: 5, cpu_sequential_ms: 100, cpu_threads_ms: 50, speedup_cpu_threads: 2, cpu_async_ms: 100, io_sequential_ms: 80, io_async_ms: 20 },
        lanes: [lane(0, 'CPU, sequential', 'main'), lane(1, 'CPU, thread 1'), lane(2, 'CPU, thread 2'), lane(3, 'I/O, async', 'event-loop')],
      })),
      // A demo that reports only times (choosing's shape): speedups computed, lanes told apart.
      computed: pick(phasesOf({
        stats: { sequential_ms: 90, threads_gil_ms: 90, threads_no_gil_ms: 30 },
        lanes: [lane(0, 'sequential', 'main'), lane(1, 'threads + GIL: thread 1'), lane(2, 'threads + GIL: thread 2'),
          lane(3, 'threads, no GIL: thread 1'), lane(4, 'threads, no GIL: thread 2'), lane(5, 'threads, no GIL: thread 3')],
      })),
    };
  });
  assert.deepEqual(phases.grouped.cpu_threads, { speedup: 2, workers: 2, efficiency: 1, baseline: 'cpu_sequential' });
  assert.deepEqual(phases.grouped.cpu_async, { speedup: 1, workers: 0, efficiency: null, baseline: 'cpu_sequential' });
  assert.deepEqual(phases.grouped.io_async, { speedup: 4, workers: 0, efficiency: null, baseline: 'io_sequential' });
  assert.equal(phases.grouped.cpu_sequential.baseline, null);
  assert.deepEqual(phases.computed.threads_gil, { speedup: 1, workers: 2, efficiency: 0.5, baseline: 'sequential' });
  assert.deepEqual(phases.computed.threads_no_gil, { speedup: 3, workers: 3, efficiency: 1, baseline: 'sequential' });
  // On the page: a real run's phases in a table, the baseline first.
  await page.click('.lessons a[data-demo="gil"]');
  await page.fill('#param-work_ms', '20');
  await page.click('#run');
  await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Done'));
  const rows = await page.locator('.phase-table tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.dataset.phase, tr.children[3].textContent]));
  assert.deepEqual(rows.map((r) => r[0]), ['sequential', 'threads']);
  assert.equal(rows[0][1], 'baseline');
  assert.match(rows[1][1], /^×\d+\.\d\d/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the code is coloured from tokens, and its text is exactly the program', async () => {
  const { page, problems } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=asyncio&tasks=7`);
  await page.waitForSelector('[data-code="python"] .tok-keyword');
  const python = await page.textContent('[data-code="python"]');
  const expected = await page.evaluate(() => {
    const demo = playground.demos().find((d) => d.id === 'asyncio');
    // The program as the demo declares it, with the current value of its one changed constant.
    return demo.python.program.replace(/^TASKS = 3$/m, 'TASKS = 7');
  });
  assert.match(expected, /^TASKS = 7$/m);
  assert.equal(python, expected);
  assert.ok(await page.locator('[data-code="rust"] .tok-keyword').count() > 0);
  // Every coloured piece is a span of text: nothing else was made from the code.
  const tags = await page.locator('[data-code] *').evaluateAll((nodes) => [...new Set(nodes.map((n) => n.tagName))]);
  assert.deepEqual(tags, ['SPAN']);
  assert.deepEqual(problems, []);
  await page.close();
});

// The timeline fills in while the run goes (it grows as lanes appear), so what lies below
// it may move; the controls and everything down to the timeline's top must not.
test('nothing above the timeline moves while a run is going, at desktop and phone widths', async () => {
  for (const width of [1280, 390]) {
    const { page, problems } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=threads&steps=50&delay_ms=2000`);
    await page.setViewportSize({ width, height: 900 });
    // Settled first: the code panel fills in (and is coloured) once its module has loaded.
    await page.waitForSelector('[data-code="python"] .tok-keyword');
    const tops = () => page.evaluate(() => ['run', 'stop', 'status', 'code-panel', 'figures', 'timeline'].map((id) => Math.round(document.getElementById(id).getBoundingClientRect().top + scrollY)));
    const before = await tops();
    await page.click('#run');
    await page.waitForFunction(() => document.getElementById('timeline').dataset.live === 'true');
    assert.deepEqual(await tops(), before, `${width} px: the page moved when the run started`);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.getElementById('status').textContent === 'Stopped.');
    assert.deepEqual(await tops(), before, `${width} px: the page moved when the run stopped`);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('the timeline is drawn while the run goes, and a stopped run leaves what it did', async () => {
  const { page, problems } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=executors&tasks=12&delay_ms=300`);
  await page.click('#run');
  // Live: spans that have ended are drawn before the run is over (the status counts them).
  await page.waitForFunction(() => / · \d+ spans$/.test(document.getElementById('status').textContent), null, { timeout: 10000 });
  assert.equal(await page.evaluate(() => document.getElementById('timeline').dataset.live), 'true');
  assert.match(await page.textContent('#status'), /^Running… /);
  assert.equal(await page.isEnabled('#stop'), true, 'still running');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.getElementById('status').textContent === 'Stopped.');
  assert.match(await page.textContent('#timeline-details'), /The run stopped at .*: the timeline and the output show what had happened by then/);
  assert.equal(await page.evaluate(() => document.getElementById('timeline').dataset.live), undefined);
  assert.ok((await page.$$eval('#timeline-lanes li', (lis) => lis.length)) >= 2, 'the stopped run\'s lanes are listed');
  assert.ok((await page.$$eval('#output li', (lis) => lis.length)) > 0, 'lines printed before the stop are shown');
  assert.equal(await page.isDisabled('#export-trace'), true, 'a partial run is not exported as a whole one');
  // The next run works and replaces it.
  await page.click('#run');
  await page.waitForFunction(() => /^Done/.test(document.getElementById('status').textContent), null, { timeout: 30000 });
  assert.equal(await page.isEnabled('#export-trace'), true);
  assert.deepEqual(problems, []);
  await page.close();
});
