// The python demo through the JS API in Chromium, on both builds: the differential corpus
// (tests/python/cases, each program run by CPython here and by the engine in the page, stdout
// compared exactly), the GIL invariant on the trace, Python errors that resolve, Stop on an
// endless loop, and the Python build fetched only when a program first runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { useServersAndBrowser, openPlayground, runOutcome, assertResult, assertNoProblems, ROOT } from './support.mjs';

const env = useServersAndBrowser(before, after);
const CASES = path.join(ROOT, 'tests/python/cases');

/** What CPython prints for `code`, run as main.py in a fresh directory. */
function cpython(code) {
  const dir = mkdtempSync(path.join(tmpdir(), 'cpython-'));
  try {
    writeFileSync(path.join(dir, 'main.py'), code);
    // Unbuffered: several processes' lines in the order they were printed (tests/python/README.md).
    return execFileSync('python3', ['main.py'], { cwd: dir, encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, PYTHONUNBUFFERED: '1' } });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Two threads, w0 and w1, each summing range(n) and printing the sum. */
const twoWorkers = (n) => [
  'import threading',
  'def work():',
  '    s = 0',
  `    for i in range(${n}):`,
  '        s += i',
  '    print(s)',
  'ts = [threading.Thread(target=work, name=f"w{k}") for k in range(2)]',
  'for t in ts: t.start()',
  'for t in ts: t.join()',
].join('\n');

async function open(t, url) {
  const opened = await openPlayground(env.browser.context, url);
  t.after(() => opened.page.close().catch(() => {}));
  return opened;
}

for (const build of ['threads', 'single']) {
  const urlOf = () => (build === 'threads' ? env.servers.isolated : env.servers.plain);

  test(`${build}: every program of the corpus prints in the page what CPython prints`, { timeout: 280_000 }, async (t) => {
    const { page, problems, ready } = await open(t, urlOf());
    assert.equal(ready.build, build);
    const files = readdirSync(CASES).filter((f) => f.endsWith('.py')).sort();
    const failures = [];
    for (const file of files) {
      const code = readFileSync(path.join(CASES, file), 'utf8');
      // Processes and free-threading need Workers that share memory: the threads build.
      const header = code.split('\n').slice(0, 3).map((l) => l.trim());
      const free = header.includes('# engine: free-threaded');
      const processes = /\bmultiprocessing\b|ProcessPoolExecutor/.test(code);
      if (build === 'single' && (free || processes)) continue;
      const expected = cpython(code);
      const r = await runOutcome(page, 'python', free ? { code, gil: false } : { code });
      if (r.error) failures.push(`${file}: rejected ${r.error.name}: ${r.error.message}`);
      else if (r.value.stdout !== expected) failures.push(`${file}:\n--- CPython\n${expected}--- engine\n${r.value.stdout}${r.value.stderr}`);
    }
    assert.deepEqual(failures, [], `${failures.length} of ${files.length} programs differ:\n${failures.join('\n')}`);
    assertNoProblems(problems);
  });

  test(`${build}: two CPU-bound threads take turns on the GIL: never two running at once`, { timeout: 60_000 }, async (t) => {
    const { page, problems } = await open(t, urlOf());
    const code = twoWorkers(150000);
    const r = assertResult(await runOutcome(page, 'python', { code, switch_interval_ms: 1 }));
    assert.equal(r.value.stdout, '11249925000\n11249925000\n');
    const cpu = r.spans.filter((s) => s.kind === 'cpu').sort((a, b) => a.start_ms - b.start_ms);
    // On the threads build each thread stamps its spans with its own Worker's clock
    // (performance.timeOrigin + now()), and Workers' clocks agree to about 0.01 ms: a
    // hand-over can look that much early. Two threads running at once would overlap by far more.
    const slack = build === 'threads' ? 0.05 : 1e-6;
    for (let i = 1; i < cpu.length; i++) {
      assert.ok(cpu[i].start_ms >= cpu[i - 1].end_ms - slack, `two threads ran at once: ${JSON.stringify([cpu[i - 1], cpu[i]])}`);
    }
    const lanesWithCpu = new Set(cpu.map((s) => s.lane));
    assert.ok(lanesWithCpu.size >= 2, 'both threads ran');
    // On the threads build each Python thread is a Worker of its own, under a real GIL; on
    // the single build they take turns on the engine's Worker.
    assert.equal(r.stats.real_threads, build === 'threads');
    assert.ok(r.stats.gil_handovers >= 3, `the GIL was handed over: ${r.stats.gil_handovers}`);
    assert.deepEqual(r.lanes.map((l) => l.label), ['MainThread', 'w0', 'w1']);
    assertNoProblems(problems);
  });

  test(`${build}: free-threaded (gil: false) ${build === 'threads' ? 'runs Python threads at the same time' : 'is refused by name: no shared memory'}`, { timeout: 60_000 }, async (t) => {
    const { page, problems } = await open(t, urlOf());
    const code = `import sys\nprint(sys._is_gil_enabled())\n${twoWorkers(300000)}`;
    const outcome = await runOutcome(page, 'python', { code, gil: false });
    if (build === 'single') {
      assert.equal(outcome.error?.name, 'ParamError');
      assert.match(outcome.error.message, /"gil"/);
      const next = assertResult(await runOutcome(page, 'python', { code: 'print(1)' }));
      assert.equal(next.value.stdout, '1\n');
    } else {
      const r = assertResult(outcome);
      assert.equal(r.value.stdout, 'False\n44999850000\n44999850000\n');
      const lane = (name) => r.lanes.find((l) => l.label === name).id;
      const cpu = (id) => r.spans.filter((s) => s.kind === 'cpu' && s.lane === id);
      const [a, b] = [cpu(lane('w0')), cpu(lane('w1'))];
      assert.ok(a.some((x) => b.some((y) => x.start_ms < y.end_ms && y.start_ms < x.end_ms)), `the two threads never ran at once: ${JSON.stringify([a, b])}`);
      assert.equal(r.stats.gil_handovers, 0);
    }
    assertNoProblems(problems);
  });

  test(`${build}: multiprocessing ${build === 'threads' ? 'starts processes with spawn semantics, each on its own lane' : 'says it needs the threads build'}`, { timeout: 60_000 }, async (t) => {
    const { page, problems } = await open(t, urlOf());
    const code = [
      'import multiprocessing as mp',
      'counter = 0',
      'def work(n, q):',
      '    global counter',
      '    counter += n',
      '    q.put((mp.current_process().name, counter))',
      'def square(x):',
      '    return x * x',
      'if __name__ == "__main__":',
      '    mp.set_start_method("spawn")',
      '    q = mp.Queue()',
      '    ps = [mp.Process(target=work, args=(i + 1, q)) for i in range(2)]',
      '    for p in ps: p.start()',
      '    print(sorted(q.get() for _ in ps))',
      '    for p in ps: p.join()',
      '    print("exit codes", [p.exitcode for p in ps], "counter here", counter)',
      '    with mp.Pool(2) as pool:',
      '        print(pool.map(square, range(8)))',
    ].join('\n');
    const r = assertResult(await runOutcome(page, 'python', { code }));
    if (build === 'single') {
      assert.equal(r.value.exit_code, 1);
      assert.equal(r.value.error.type, 'OSError');
      assert.match(r.value.error.message, /cannot start a process here: this page runs the single build/);
    } else {
      assert.equal(r.value.stdout, cpython(code));
      const processLanes = r.lanes.filter((l) => l.kind === 'process').map((l) => l.label);
      assert.deepEqual(processLanes, ['Process-1', 'Process-2', 'SpawnPoolWorker-3', 'SpawnPoolWorker-4']);
      assert.ok(r.spans.some((s) => s.kind === 'overhead' && s.label.startsWith('start Process-1')), 'starting a process is drawn as overhead');
      assert.deepEqual(r.stats.processes.slice(0, 2).map((p) => p.exitcode), [0, 0]);
    }
    assertNoProblems(problems);
  });

  test(`${build}: requests.get reaches the simulated pages from threads, the GIL released while it waits`, { timeout: 60_000 }, async (t) => {
    const { page, problems } = await open(t, urlOf());
    const code = [
      'import threading, requests',
      'sizes = {}',
      'def fetch(n):',
      '    r = requests.get(f"/sim/page/{n}", params={"latency_ms": 300})',
      '    r.raise_for_status()',
      '    sizes[n] = (r.status_code, len(r.text), r.text.startswith(f"<!doctype html><title>page {n}</title>"))',
      'ts = [threading.Thread(target=fetch, args=(n,)) for n in range(3)]',
      'for t in ts: t.start()',
      'for t in ts: t.join()',
      'print(sorted(sizes.items()))',
    ].join('\n');
    const r = assertResult(await runOutcome(page, 'python', { code }));
    const sizes = [0, 1, 2].map((n) => `(${n}, (200, ${1000 + ((n * 37) % 1000)}, True))`).join(', ');
    assert.equal(r.value.stdout, `[${sizes}]\n`, r.value.stderr);
    const io = r.spans.filter((s) => s.kind === 'io' && s.label.includes('/sim/page/'));
    assert.equal(io.length, 3);
    if (build === 'threads') {
      // Each thread waits on its own Worker with the GIL released: the three waits overlap.
      const overlap = Math.min(...io.map((s) => s.end_ms)) - Math.max(...io.map((s) => s.start_ms));
      assert.ok(overlap > 0, `the requests did not overlap: ${JSON.stringify(io)}`);
    }
    assertNoProblems(problems);
  });

  test(`${build}: the tutorial's urllib.request fetch on a thread pool reads each simulated page as bytes`, { timeout: 60_000 }, async (t) => {
    const { page, problems } = await open(t, urlOf());
    const code = [
      'import concurrent.futures, json, urllib.request',
      'URLS = [f"/sim/page/{n}?latency_ms=300" for n in range(3)] + ["/sim/page/4"]',
      'def load_url(url, timeout):',
      '    with urllib.request.urlopen(url, timeout=timeout) as conn:',
      '        return conn.read()',
      'with concurrent.futures.ThreadPoolExecutor(max_workers=5) as executor:',
      '    future_to_url = {executor.submit(load_url, url, 60): url for url in URLS}',
      '    for future in concurrent.futures.as_completed(future_to_url):',
      '        url = future_to_url[future]',
      '        try:',
      '            data = future.result()',
      '        except Exception as exc:',
      "            print('%r generated an exception: %s' % (url, exc))",
      '        else:',
      "            print('%r page is %d bytes' % (url, len(data)), type(data).__name__, data.startswith(b'<!doctype html>'))",
      'print(json.dumps({"ok": True, "pages": len(URLS)}, sort_keys=True))',
    ].join('\n');
    const r = assertResult(await runOutcome(page, 'python', { code }));
    assert.equal(r.value.exit_code, 0, r.value.stderr);
    const lines = r.value.stdout.trimEnd().split('\n');
    assert.equal(lines.pop(), '{"ok": true, "pages": 4}');
    const want = [0, 1, 2].map((n) => `'/sim/page/${n}?latency_ms=300' page is ${1000 + ((n * 37) % 1000)} bytes bytes True`);
    want.push(`'/sim/page/4' page is ${1000 + ((4 * 37) % 1000)} bytes bytes True`);
    assert.deepEqual(lines.sort(), want.sort());
    const io = r.spans.filter((s) => s.kind === 'io' && s.label.startsWith('urlopen /sim/page/'));
    assert.equal(io.length, 4);
    if (build === 'threads') {
      const slow = io.filter((s) => s.label.includes('latency_ms=300'));
      const overlap = Math.min(...slow.map((s) => s.end_ms)) - Math.max(...slow.map((s) => s.start_ms));
      assert.ok(overlap > 0, `the fetches did not overlap: ${JSON.stringify(slow)}`);
    }
    assertNoProblems(problems);
  });

  test(`${build}: a Python error resolves with exit code 1, the traceback and the line; Stop ends an endless loop`, { timeout: 60_000 }, async (t) => {
    const { page, problems } = await open(t, urlOf());
    const r = assertResult(await runOutcome(page, 'python', { code: 'print("a")\nd = {}\nd["missing"]\n' }));
    assert.equal(r.value.exit_code, 1);
    assert.equal(r.value.stdout, 'a\n');
    assert.deepEqual(r.value.error, { type: 'KeyError', message: "'missing'", line: 3 });
    assert.match(r.value.stderr, /^Traceback \(most recent call last\):\n {2}File "main.py", line 3, in <module>\n/);
    const syntax = assertResult(await runOutcome(page, 'python', { code: 'x = (1,\n' }));
    assert.equal(syntax.value.error.type, 'SyntaxError');
    assert.equal(syntax.value.error.line, 1);
    // An endless loop: cancel ends it, cooperatively, and the next run works.
    const pending = runOutcome(page, 'python', { code: 'while True:\n    pass\n' });
    await page.waitForTimeout(300);
    await page.evaluate(() => playground.cancel());
    const stopped = await pending;
    assert.equal(stopped.error?.name, 'AbortError');
    const next = assertResult(await runOutcome(page, 'python', { code: 'print(6 * 7)' }));
    assert.equal(next.value.stdout, '42\n');
    const big = await runOutcome(page, 'python', { code: '#'.repeat(65 * 1024) });
    assert.equal(big.error?.name, 'ParamError');
    assert.match(big.error.message, /"code"/);
    assertNoProblems(problems);
  });
}

test('the Python build is fetched only when a program first runs', { timeout: 60_000 }, async (t) => {
  const { page, problems } = await open(t, env.servers.isolated);
  const fetched = [];
  page.on('request', (req) => fetched.push(req.url()));
  await runOutcome(page, 'threads', { threads: 1, steps: 1, delay_ms: 1 });
  assert.ok(!fetched.some((u) => u.includes('/pkg/python')), 'another demo fetched the Python build');
  const r = assertResult(await runOutcome(page, 'python', { code: 'print("hi")' }));
  assert.equal(r.value.stdout, 'hi\n');
  // An isolated page gets the threaded Python build (a Worker per Python thread).
  assert.ok(fetched.some((u) => u.includes('/pkg/python-threads/')), 'the python run fetched its build');
  assert.ok(!fetched.some((u) => u.includes('/pkg/python/')), 'the isolated page fetched the single Python build too');
  assertNoProblems(problems);
});
