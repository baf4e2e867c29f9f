// Accessibility, checked by axe-core (WCAG 2 A and AA rules: names, labels, roles,
// contrast) on every state of the page a class meets: a demo after a run with the
// timeline's table open, an exercise, the sharing dialogs, the embed, the dark theme.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { useServersAndBrowser, openPlayground } from './support.mjs';

const env = useServersAndBrowser(before, after);
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function violations(page) {
  await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
  });
  return found;
}

const done = (page) => page.waitForFunction(() => /^(Done|Stopped)/.test(document.getElementById('status').textContent), null, { timeout: 60000 });

for (const scheme of ['light', 'dark']) {
  test(`the page after a run, timeline table open (${scheme})`, async () => {
    const { page, problems } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=io-vs-cpu&tasks=2&io_ms=20&cpu_ms=20`);
    await page.emulateMedia({ colorScheme: scheme });
    await page.click('#run');
    await done(page);
    await page.click('#timeline-table-panel summary');
    await page.waitForSelector('#timeline-table tbody tr');
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('an exercise, before and after the run', async () => {
  const { page } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=io-vs-cpu&tasks=2&io_ms=20&cpu_ms=20&predict=fastest&choices=cpu_async,cpu_threads`);
  assert.deepEqual(await violations(page), []);
  await page.check('#exercise input[value="cpu_threads"]');
  await page.click('#run');
  await done(page);
  assert.deepEqual(await violations(page), []);
  await page.close();
});

test('the sharing dialogs', async () => {
  const { page } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=gil&work_ms=20`);
  await page.click('#embed-code');
  assert.deepEqual(await violations(page), []);
  await page.keyboard.press('Escape');
  await page.click('#make-exercise');
  assert.deepEqual(await violations(page), []);
  await page.close();
});

test('the embed page, showing why a thread demo cannot run', async () => {
  const { page } = await openPlayground(env.browser.context, `${env.servers.plain}embed.html?demo=threads`);
  await page.waitForSelector('#demo-notice:not([hidden])');
  assert.deepEqual(await violations(page), []);
  await page.close();
});
