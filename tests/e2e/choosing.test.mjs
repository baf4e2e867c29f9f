// `choosing` in the browser: a row per approach, every result equal to sequential, a
// verdict from the measured numbers, and an Amdahl fit in [0, 1].
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useServersAndBrowser, openPlayground, run } from './support.mjs';

const env = useServersAndBrowser(before, after);

const APPROACHES = ['sequential', 'async', 'threads + GIL', 'threads, no GIL', 'processes'];

for (const workload of ['io', 'cpu', 'mixed']) {
  test(`threads build, ${workload}: a row per approach, all equal to sequential, a winner and a verdict`, async () => {
    const { page, problems } = await openPlayground(env.browser.context, env.servers.isolated);
    const r = await run(page, 'choosing', { workload, tasks: 4, work_ms: 40, workers: 2, sweep: true });
    assert.equal(r.error, undefined, JSON.stringify(r.error));
    assert.deepEqual(r.value.rows.map((row) => row.approach), APPROACHES);
    for (const row of r.value.rows) {
      assert.equal(row.matches_sequential, true, row.approach);
      assert.ok(row.wall_ms > 0 && row.speedup > 0, row.approach);
    }
    assert.equal(r.value.rows.filter((row) => row.winner).length, 1);
    assert.ok(r.value.verdict.startsWith(`${r.value.winner} won`), r.value.verdict);
    const s = r.value.sweep.serial_fraction;
    assert.ok(s >= 0 && s <= 1, `serial fraction ${s}`);
    assert.ok(r.value.sweep.points.length >= 2);
    assert.ok(r.value.claims.length >= 2 && r.value.claims.every((c) => c.claim && 'holds' in c));
    if (workload !== 'cpu') {
      // Waits overlap in every concurrent approach.
      const waits = r.spans.filter((s) => s.kind === 'io' && r.lanes[s.lane].label.startsWith('async'));
      assert.ok(waits.some((a, i) => waits.slice(i + 1).some((b) => a.start_ms < b.end_ms && b.start_ms < a.end_ms)));
    }
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('single build: thread rows say they need the threads build, the others run', async () => {
  const { page, problems } = await openPlayground(env.browser.context, env.servers.plain);
  const r = await run(page, 'choosing', { workload: 'mixed', tasks: 3, work_ms: 20, workers: 2 });
  assert.equal(r.error, undefined, JSON.stringify(r.error));
  for (const row of r.value.rows) {
    if (row.approach.startsWith('threads')) {
      assert.equal(row.wall_ms, null);
      assert.match(row.note, /threads build/);
    } else {
      assert.equal(row.matches_sequential, true, row.approach);
    }
  }
  assert.equal(r.stats.matches_sequential, true);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the page shows the table, the verdict and the claims for a choosing run', async () => {
  const { page, problems } = await openPlayground(env.browser.context, `${env.servers.isolated}?demo=choosing`);
  await page.fill('#param-tasks', '3');
  await page.fill('#param-work_ms', '20');
  await page.click('#run');
  await page.waitForSelector('#choosing-panel:not([hidden]) .choosing-table');
  assert.equal(await page.locator('.choosing-table tbody tr').count(), 5);
  assert.equal(await page.locator('.choosing-table tr.winner').count(), 1);
  assert.match(await page.textContent('.verdict'), /won/);
  assert.ok((await page.locator('.claims li').count()) >= 3);
  assert.deepEqual(problems, []);
  await page.close();
});
