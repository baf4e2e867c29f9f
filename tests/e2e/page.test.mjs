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
    const value = p.type === 'bool' ? input.checked : p.type === 'choice' ? input.value : Number(input.value);
    return [p.name, value];
  })), demo);

test('every demo gets one control per parameter with the schema\'s range, and its extremes are all valid', async () => {
  const { page, problems } = await openPlayground(env.browser.context, env.servers.isolated);
  const demos = await page.evaluate(() => playground.demos());
  assert.equal(demos.length, 10);
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
