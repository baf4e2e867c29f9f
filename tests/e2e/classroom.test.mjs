// Classroom use: exercise links (predict, then run), the teacher's exercise builder, the
// ready-made exercises, and the timeline's content as a table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useServersAndBrowser, openPlayground } from './support.mjs';

const env = useServersAndBrowser(before, after);

const done = (page) => page.waitForFunction(() => /^(Done|Stopped)/.test(document.getElementById('status').textContent)
  || !document.getElementById('error').hidden, null, { timeout: 60000 });
const wallFigure = (page) => page.textContent('#figures div:first-child dd');

test('an exercise link hides the answer until the student has predicted and run', async () => {
  const { page, problems } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=asyncio&tasks=4&steps=2&delay_ms=40&predict=wall_ms`);
  await page.waitForSelector('#exercise:not([hidden]) #prediction');
  assert.match(await page.textContent('#exercise'), /How long will this run take/);
  assert.match(await page.textContent('#demo-lesson'), /appears after your run/);
  assert.equal(await page.isDisabled('#params input[type="number"]'), true, 'the parameters are fixed until the run');
  assert.equal(await wallFigure(page), '–');

  // Run without a prediction: nothing runs, the prediction box asks for one.
  await page.click('#run');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'prediction');
  assert.equal(await page.textContent('#status'), '');
  assert.equal(await page.evaluate(() => document.getElementById('timeline').dataset.view), undefined, 'no run was drawn');

  await page.fill('#prediction', '500');
  await page.press('#prediction', 'Enter'); // from the keyboard, like the controls
  await done(page);
  const verdict = await page.textContent('.exercise-verdict');
  const wall = await wallFigure(page);
  assert.match(verdict, /^You predicted 500 ms\. Measured: /);
  assert.ok(verdict.includes(`Measured: ${wall}`), `${verdict} names the measured wall time ${wall}`);
  assert.equal(await page.isDisabled('#prediction'), true, 'the prediction cannot change after the run');
  assert.doesNotMatch(await page.textContent('#demo-lesson'), /appears after your run/);
  assert.equal(await page.isDisabled('#params input[type="number"]'), false, 'after the run the parameters are the student\'s');
  assert.equal(new URL(page.url()).searchParams.get('predict'), 'wall_ms', 'the address still holds the exercise');
  assert.deepEqual(problems, []);
  await page.close();
});

test('"which finishes first": the verdict names the phase the run measured fastest', async () => {
  const { page, problems } = await openPlayground(env.browser.context,
    `${env.servers.isolated}?demo=io-vs-cpu&tasks=2&io_ms=20&cpu_ms=30&predict=fastest&choices=cpu_sequential,cpu_threads`);
  const choices = await page.$$eval('#exercise input[type="radio"]', (inputs) => inputs.map((i) => i.value));
  assert.deepEqual(choices, ['cpu_sequential', 'cpu_threads']);
  await page.check('#exercise input[value="cpu_sequential"]');
  // The page's own run, read back through the API's result: figures list each phase.
  await page.click('#run');
  await done(page);
  const verdict = await page.textContent('.exercise-verdict');
  const times = Object.fromEntries([...verdict.matchAll(/(CPU sequential|CPU threads) ([\d.]+) (ms|s)/g)].map((m) => [m[1], Number(m[2]) * (m[3] === 's' ? 1000 : 1)]));
  assert.equal(Object.keys(times).length, 2, verdict);
  const fastest = times['CPU threads'] < times['CPU sequential'] ? 'CPU threads' : 'CPU sequential';
  assert.ok(verdict.includes(`Measured: ${fastest} finished first`), verdict);
  assert.ok(verdict.endsWith(fastest === 'CPU sequential' ? 'Right.' : 'Not this time.'), verdict);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a wrong exercise link says what is wrong and leaves a working demo', async () => {
  const { page } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=gil&threads=3&predict=fastest&choices=threads`);
  await page.waitForSelector('#error:not([hidden])');
  assert.match(await page.textContent('#error'), /exercise was not used: predict=fastest needs "choices": two or more phases/);
  assert.equal(await page.isHidden('#exercise'), true);
  assert.equal(await page.inputValue('#param-threads'), '3', 'the parameters of the link still apply');
  await page.click('#run');
  await done(page);
  assert.match(await page.textContent('#status'), /^Done/);
  await page.close();

  const other = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=asyncio&predict=eval(1)`);
  await other.page.waitForSelector('#error:not([hidden])');
  assert.match(await other.page.textContent('#error'), /"predict" must name what to predict/);
  await other.page.close();

  // A time the demo never reports is refused before the student predicts, naming what it does report.
  const unknown = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=pool-map&predict=fastest&choices=sequential,gpu`);
  await unknown.page.waitForSelector('#error:not([hidden])');
  assert.match(await unknown.page.textContent('#error'), /does not measure "gpu": its phases are sequential, threads, processes/);
  assert.equal(await unknown.page.isHidden('#exercise'), true);
  await unknown.page.close();
  const wrongMode = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=scraper&mode=async&predict=threads_ms`);
  await wrongMode.page.waitForSelector('#error:not([hidden])');
  assert.match(await wrongMode.page.textContent('#error'), /measures "threads_ms" only with mode=threads/);
  await wrongMode.page.close();
});

test('on a page without threads, an exercise about a threads phase says so before the student predicts', async () => {
  const { page, problems } = await openPlayground(env.browser.context, `${env.servers.plain}?demo=io-vs-cpu&tasks=2&io_ms=10&cpu_ms=10&predict=fastest&choices=cpu_async,cpu_threads`);
  assert.equal((await page.evaluate(() => playground.ready)).build, 'single');
  const warning = await page.waitForSelector('#exercise .exercise-warning');
  assert.match(await warning.textContent(), /cannot measure the “CPU threads” phase: it needs shared-memory threads, and the page is not cross-origin isolated/);
  // A phase every build measures: no warning.
  await page.goto(`${env.servers.plain}?demo=io-vs-cpu&predict=fastest&choices=cpu_async,cpu_sequential`);
  await page.waitForSelector('#exercise:not([hidden])');
  assert.equal(await page.$('#exercise .exercise-warning'), null);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a teacher builds an exercise from the page, and the link asks exactly that', async () => {
  // The phases on offer are what the demo measures with the values set, before any run.
  const { page: scraper, problems: scraperProblems } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=scraper&mode=threads`);
  await scraper.click('#make-exercise');
  assert.deepEqual(await scraper.$$eval('#exercise-kind option', (o) => o.map((x) => x.value)), ['wall_ms', 'sequential_ms', 'threads_ms', 'fastest']);
  await scraper.keyboard.press('Escape');
  await scraper.selectOption('#param-mode', 'async');
  await scraper.click('#make-exercise');
  assert.deepEqual(await scraper.$$eval('#exercise-kind option', (o) => o.map((x) => x.value)), ['wall_ms', 'sequential_ms', 'async_ms', 'fastest']);
  assert.deepEqual(scraperProblems, []);
  await scraper.close();

  const { page, problems } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=gil&threads=2&work_ms=40`);
  await page.click('#make-exercise');
  const kinds = await page.$$eval('#exercise-kind option', (o) => o.map((x) => x.value));
  assert.deepEqual(kinds, ['wall_ms', 'sequential_ms', 'threads_ms', 'fastest']);
  await page.selectOption('#exercise-kind', 'fastest');
  await page.fill('#exercise-question-text', 'With the GIL, do two threads beat one?');
  const link = await page.inputValue('#exercise-link');
  const url = new URL(link);
  assert.equal(url.searchParams.get('predict'), 'fastest');
  assert.equal(url.searchParams.get('choices'), 'sequential,threads');
  assert.equal(url.searchParams.get('work_ms'), '40');
  // Unticking a choice leaves one: not an exercise, and the builder says why.
  await page.uncheck('#exercise-choices input[value="threads"]');
  assert.equal(await page.inputValue('#exercise-link'), '');
  assert.match(await page.textContent('#exercise-status'), /two or more phases/);
  assert.equal(await page.isDisabled('#exercise-copy'), true);
  await page.keyboard.press('Escape');
  assert.equal(await page.isVisible('#exercise-dialog'), false, 'Escape closes the dialog');

  const student = await openPlayground(env.browser.context, link);
  assert.equal(await student.page.textContent('#exercise-question'), 'With the GIL, do two threads beat one?');
  assert.deepEqual(await student.page.$$eval('#exercise input[type="radio"]', (i) => i.map((x) => x.value)), ['sequential', 'threads']);
  assert.equal(await student.page.inputValue('#param-work_ms'), '40');
  assert.deepEqual([...problems, ...student.problems], []);
  await student.page.close();
  await page.close();
});

test('every ready exercise opens from the page, runs, and can be checked', async () => {
  const { page, problems } = await openPlayground(env.browser.context, env.servers.isolated);
  const titles = await page.$$eval('#exercise-list a', (links) => links.map((a) => a.textContent));
  // One per chapter: the chapters the exercises open are exactly the demos' chapters.
  const chapters = await page.$$eval('#exercise-list .chapter', (spans) => spans.map((s) => s.textContent));
  const demoChapters = await page.evaluate(async () => (await playground.demos()).map((d) => String(d.chapter)));
  assert.deepEqual([...new Set(chapters)].sort(), [...new Set(demoChapters)].sort(), `exercises cover chapters ${chapters}`);
  for (let i = 0; i < titles.length; i++) {
    await page.click(`#exercise-list li:nth-child(${i + 1}) a`);
    await page.waitForSelector('#exercise:not([hidden])');
    const radios = await page.$$('#exercise input[type="radio"]');
    if (radios.length) await radios[0].check();
    else if (await page.$('textarea#prediction')) await page.fill('#prediction', 'what it prints'); // predict=stdout
    else await page.fill('#prediction', '300');
    await page.click('#run');
    await done(page);
    assert.equal(await page.isHidden('#error'), true, `${titles[i]}: ${await page.textContent('#error')}`);
    const verdict = await page.textContent('.exercise-verdict');
    assert.match(verdict, /^You predicted .*Measured: |^It printed \d+ lines?; |^Exactly what it printed/, `${titles[i]}: ${verdict}`);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('the timeline as a table lists every span of the run', async () => {
  const { page, problems } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=threads&threads=3&steps=2&delay_ms=10`);
  await page.click('#run');
  await done(page);
  await page.click('#timeline-table-panel summary');
  await page.waitForSelector('#timeline-table tbody tr');
  const rows = await page.$$eval('#timeline-table tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  const head = await page.$$eval('#timeline-table thead th', (ths) => ths.map((th) => th.textContent));
  assert.deepEqual(head, ['Lane', 'Kind', 'Task', 'What', 'Start', 'End', 'Duration']);
  // The same spans the timeline draws: its lane list counts them per lane.
  const counts = await page.$$eval('#timeline-lanes li', (lis) => lis.map((li) => Number(li.textContent.match(/(\d+) spans/)[1])));
  assert.ok(counts.length >= 3);
  assert.equal(rows.length, counts.reduce((a, b) => a + b, 0));
  assert.equal(new Set(rows.map((r) => r[0])).size >= 3, true, 'rows name the thread lanes');
  assert.ok(rows.every((r) => ['cpu', 'io', 'sleep', 'wait', 'overhead'].includes(r[1])));
  assert.deepEqual(problems, []);
  await page.close();
});
