// The walking skeleton through the real page: a run from the Run button, its first
// drawing (lanes, output, stats), and Escape to stop. The JS API contract behind it (both
// builds, validation, cancellation, one run at a time) is in api.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useServersAndBrowser, openPlayground } from './support.mjs';

const env = useServersAndBrowser(before, after);

test('the page runs a demo from its Run button and draws its lanes and output', async () => {
  const { page, problems } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=threads`);
  await page.fill('#param-threads', '3');
  await page.fill('#param-delay_ms', '20');
  await page.click('#run');
  await page.waitForSelector('#output li');
  const lanes = await page.locator('#timeline-lanes li').allTextContents();
  assert.equal(lanes.length, 4);
  assert.deepEqual(lanes.map((l) => l.split(' (')[0]), ['main thread', 'thread 1', 'thread 2', 'thread 3']);
  assert.equal(await page.locator('#output li').count(), 3 * 5 + 2);
  assert.match(await page.locator('[data-stat="wall_ms"] dd').textContent(), /\d/);
  // Stop from the keyboard: Escape cancels a long run.
  await page.fill('#param-delay_ms', '2000');
  await page.click('#run');
  await page.waitForSelector('#stop:not([disabled])');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('#status').textContent.includes('Stopped'));
  assert.deepEqual(problems, []);
  await page.close();
});
