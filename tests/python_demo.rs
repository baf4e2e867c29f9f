//! The `python` demo through the playground's own API (params, trace, cancel), natively.
//! Built only with `--features python` (as `make test` runs it).
#![cfg(feature = "python")]

use concurrency_playground::cancel::CancelToken;
use concurrency_playground::demos::{self, RunContext, RunError};
use concurrency_playground::params::Raw;
use concurrency_playground::trace::{RunResult, SpanKind};
use futures::executor::block_on;

fn ctx(cancel: CancelToken) -> RunContext {
    RunContext { cancel, build: "single", has_threads: false }
}

fn run_code(code: &str) -> Result<RunResult, RunError> {
    run_with(code, &[], CancelToken::new())
}

fn run_with(code: &str, extra: &[(&str, Raw)], cancel: CancelToken) -> Result<RunResult, RunError> {
    let mut given = vec![("code".to_string(), Raw::Text(code.to_string()))];
    given.extend(extra.iter().map(|(k, v)| (k.to_string(), v.clone())));
    block_on(demos::run("python", &given, ctx(cancel)))
}

const TWO_CPU_THREADS: &str = r#"
import threading
def work(n):
    total = 0
    for i in range(n):
        total += i * i
    print("sum", total)
ts = [threading.Thread(target=work, args=(200000,), name=f"worker-{k}") for k in range(2)]
for t in ts: t.start()
for t in ts: t.join()
"#;

#[test]
fn gil_is_never_held_by_two_threads_at_once() {
    let r = run_code(TWO_CPU_THREADS).unwrap();
    assert_eq!(r.value["exit_code"], 0, "{}", r.value);
    assert_eq!(r.value["stdout"], "sum 2666646666700000\nsum 2666646666700000\n");
    let mut cpu: Vec<(f64, f64)> = r.spans.iter().filter(|s| s.kind == SpanKind::Cpu).map(|s| (s.start_ms, s.end_ms)).collect();
    cpu.sort_by(|a, b| a.0.total_cmp(&b.0));
    assert!(cpu.len() > 2, "the threads took turns: {} cpu spans", cpu.len());
    for w in cpu.windows(2) {
        assert!(w[1].0 >= w[0].1 - 1e-6, "two threads ran Python at once: {:?} and {:?}", w[0], w[1]);
    }
    // Natively, as in the threads build, each Python thread is an OS thread of its own.
    assert_eq!(r.stats["real_threads"], true, "{:?}", r.stats);
    // Both threads got the GIL more than once: they were switched, not run one after the other.
    assert!(r.stats["gil_handovers"].as_u64().unwrap() >= 3, "{:?}", r.stats);
    let labels: Vec<&str> = r.lanes.iter().map(|l| l.label.as_str()).collect();
    assert!(labels.contains(&"worker-0") && labels.contains(&"worker-1") && labels.contains(&"MainThread"), "{labels:?}");
}

#[test]
fn threads_waiting_on_a_lock_show_wait_spans() {
    let code = r#"
import threading, time
lock = threading.Lock()
def holder():
    with lock:
        time.sleep(0.05)
def waiter():
    time.sleep(0.01)
    with lock:
        print("got it")
a = threading.Thread(target=holder); b = threading.Thread(target=waiter)
a.start(); b.start(); a.join(); b.join()
"#;
    let r = run_code(code).unwrap();
    assert_eq!(r.value["stdout"], "got it\n");
    let waits: Vec<_> = r.spans.iter().filter(|s| s.kind == SpanKind::Wait && s.label.contains("Lock.acquire")).collect();
    assert_eq!(waits.len(), 1, "{:?}", r.spans);
    // The waiter waits on the waiter's lane until the holder has slept and let go: its wait
    // ends after the holder's sleep ends (whatever the machine's load makes of the times).
    let holder_lane = r.lanes.iter().find(|l| l.label.contains("holder")).unwrap().id;
    let holder_sleep = r.spans.iter().find(|s| s.lane == holder_lane && s.kind == SpanKind::Sleep).expect("time.sleep is drawn as sleep");
    assert_ne!(waits[0].lane, holder_lane);
    assert!(waits[0].start_ms < holder_sleep.end_ms && waits[0].end_ms >= holder_sleep.end_ms, "{:?} vs {:?}", waits[0], holder_sleep);
}

#[test]
fn a_python_error_resolves_with_exit_code_one_and_the_line() {
    let r = run_code("x = 1\nprint('before')\ny = x / 0\n").unwrap();
    assert_eq!(r.value["exit_code"], 1);
    assert_eq!(r.value["stdout"], "before\n");
    assert_eq!(r.value["error"]["type"], "ZeroDivisionError");
    assert_eq!(r.value["error"]["line"], 3);
    let stderr = r.value["stderr"].as_str().unwrap();
    assert!(stderr.starts_with("Traceback (most recent call last):\n  File \"main.py\", line 3, in <module>\n"), "{stderr}");
    assert!(stderr.ends_with("ZeroDivisionError: division by zero\n"), "{stderr}");
}

#[test]
fn a_syntax_error_names_its_line() {
    let r = run_code("print('ok')\ndef f(:\n    pass\n").unwrap();
    assert_eq!(r.value["exit_code"], 1);
    assert_eq!(r.value["error"]["type"], "SyntaxError");
    assert_eq!(r.value["error"]["line"], 2);
    assert_eq!(r.value["stdout"], "", "nothing runs when the program does not parse");
}

#[test]
fn bad_parameters_are_refused_by_name() {
    let big = "x = 1\n".repeat(12_000);
    let e = run_code(&big).unwrap_err();
    assert_eq!(e.js_name(), "ParamError");
    assert!(e.to_string().contains("\"code\"") && e.to_string().contains("64 KB"), "{e}");
    let e = run_with("print(1)", &[("switch_interval_ms", Raw::Number(0.0))], CancelToken::new()).unwrap_err();
    assert!(e.to_string().contains("switch_interval_ms"), "{e}");
}

#[test]
fn an_endless_loop_stops_when_cancelled() {
    let cancel = CancelToken::new();
    let c2 = cancel.clone();
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(200));
        c2.cancel();
    });
    let start = std::time::Instant::now();
    let e = run_with("while True:\n    pass\n", &[], cancel).unwrap_err();
    assert_eq!(e.js_name(), "AbortError");
    assert!(start.elapsed().as_secs_f64() < 5.0);
    // And the next run works.
    assert_eq!(run_code("print(2 + 2)").unwrap().value["stdout"], "4\n");
}

#[test]
fn a_deadlock_waits_until_stopped() {
    let code = r#"
import threading, time
a = threading.Lock(); b = threading.Lock()
def one():
    with a:
        time.sleep(0.02)
        with b: pass
def two():
    with b:
        time.sleep(0.02)
        with a: pass
t1 = threading.Thread(target=one); t2 = threading.Thread(target=two)
t1.start(); t2.start()
print("started")
t1.join()
"#;
    let cancel = CancelToken::new();
    let c2 = cancel.clone();
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(400));
        c2.cancel();
    });
    let e = run_with(code, &[], cancel).unwrap_err();
    assert_eq!(e.js_name(), "AbortError", "a deadlock hangs, as in CPython, until Stop");
}

#[test]
fn asyncio_runs_on_an_event_loop_lane() {
    let code = r#"
import asyncio
async def job(name, delay):
    await asyncio.sleep(delay)
    print(name)
    return name
async def main():
    print(await asyncio.gather(job("a", 0.05), job("b", 0.02)))
asyncio.run(main())
"#;
    let r = run_code(code).unwrap();
    assert_eq!(r.value["stdout"], "b\na\n['a', 'b']\n", "{}", r.value);
    assert!(r.lanes.iter().any(|l| l.kind == concurrency_playground::trace::LaneKind::EventLoop));
    let sleeps: Vec<_> = r.spans.iter().filter(|s| s.kind == SpanKind::Sleep).collect();
    assert_eq!(sleeps.len(), 2, "{:?}", r.spans);
    // The two sleeps overlap: one loop, both waiting at once.
    assert!(sleeps[0].start_ms < sleeps[1].end_ms && sleeps[1].start_ms < sleeps[0].end_ms);
}

#[test]
fn a_sleep_is_drawn_until_its_deadline_and_the_late_part_as_waiting() {
    // The first coroutine blocks the loop for 150 ms while the second's 20 ms sleep is due.
    let code = r#"
import asyncio, time
async def blocker():
    await asyncio.sleep(0)
    time.sleep(0.15)
async def sleeper():
    await asyncio.sleep(0.02)
    print("woke")
async def main():
    await asyncio.gather(blocker(), sleeper())
asyncio.run(main())
"#;
    let r = run_code(code).unwrap();
    assert_eq!(r.value["stdout"], "woke\n");
    let sleep = r.spans.iter().find(|s| s.kind == SpanKind::Sleep && s.label.contains("asyncio.sleep(0.02)")).expect("the sleep");
    assert!(sleep.end_ms - sleep.start_ms < 60.0, "drawn as sleeping only until its deadline: {sleep:?}");
    let late = r.spans.iter().find(|s| s.kind == SpanKind::Wait && s.label.contains("waiting for the event loop")).expect("the late part");
    assert!(late.start_ms >= sleep.end_ms - 1e-6 && late.end_ms - late.start_ms > 50.0, "{late:?}");
    // And a thread's time.sleep never extends past its deadline either.
    for s in r.spans.iter().filter(|s| s.kind == SpanKind::Sleep && s.label == "time.sleep") {
        assert!(s.end_ms - s.start_ms < 150.0 + 20.0, "{s:?}");
    }
}

#[test]
fn free_threaded_threads_run_python_at_the_same_time() {
    let code = format!("import sys\nprint(sys._is_gil_enabled())\n{TWO_CPU_THREADS}");
    let r = run_with(&code, &[("gil", Raw::Bool(false))], CancelToken::new()).unwrap();
    assert_eq!(r.value["stdout"], "False\nsum 2666646666700000\nsum 2666646666700000\n", "{}", r.value);
    let lane_of = |name: &str| r.lanes.iter().find(|l| l.label == name).unwrap().id;
    let cpu = |lane| r.spans.iter().filter(move |s| s.kind == SpanKind::Cpu && s.lane == lane).map(|s| (s.start_ms, s.end_ms)).collect::<Vec<_>>();
    let (a, b) = (cpu(lane_of("worker-0")), cpu(lane_of("worker-1")));
    // Nobody takes turns: each thread runs from its start to its end, and the two overlap.
    let overlap = a.iter().any(|x| b.iter().any(|y| x.0 < y.1 && y.0 < x.1));
    assert!(overlap, "without the GIL the threads ran one after the other: {a:?} {b:?}");
    assert_eq!(r.stats["gil_handovers"], 0);
    assert!(!r.spans.iter().any(|s| s.label.contains("GIL") && s.kind == SpanKind::Wait), "nobody waits for a GIL that is not there");
}

#[test]
fn free_threaded_counter_updates_are_not_atomic() {
    // Four threads add to one global without a lock: without the GIL their loads and stores
    // interleave on two cores, so updates get lost, as on free-threaded CPython. (One core
    // could still come out exact; the test looks for a loss over a few runs.)
    let code = "import threading\ncounter = 0\ndef work():\n    global counter\n    for _ in range(200000):\n        counter += 1\nts = [threading.Thread(target=work) for _ in range(4)]\nfor t in ts: t.start()\nfor t in ts: t.join()\nprint(counter)\n";
    if std::thread::available_parallelism().map_or(1, |n| n.get()) < 2 {
        return;
    }
    let lost = (0..5).any(|_| {
        let r = run_with(code, &[("gil", Raw::Bool(false))], CancelToken::new()).unwrap();
        let n: u64 = r.value["stdout"].as_str().unwrap().trim().parse().unwrap();
        assert!(n <= 800000 && n > 0, "{n}");
        n < 800000
    });
    assert!(lost, "five free-threaded runs all came out exact");
    let r = run_code(code).unwrap();
    assert_eq!(r.value["stdout"], "800000\n", "with the GIL the increments come out exact");
}

#[test]
fn requests_from_threads_overlap_with_the_gil_released() {
    let code = r#"
import threading, time, requests
pages = {}
def fetch(n):
    r = requests.get(f"/sim/page/{n}", params={"latency_ms": 200})
    pages[n] = (r.status_code, r.ok, len(r.text), r.text.startswith(f"<!doctype html><title>page {n}</title>"))
start = time.perf_counter()
ts = [threading.Thread(target=fetch, args=(n,), name=f"fetch-{n}") for n in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(pages.items()))
print("overlapped:", time.perf_counter() - start < 0.6)
try:
    requests.get("https://example.invalid/")
except requests.ConnectionError as e:
    print("ConnectionError")
"#;
    let r = run_code(code).unwrap();
    assert_eq!(r.value["exit_code"], 0, "{}", r.value);
    let sizes: Vec<String> = (0..4).map(|n| format!("({n}, (200, True, {}, True))", 1000 + (n * 37) % 1000)).collect();
    assert_eq!(r.value["stdout"], format!("[{}]\noverlapped: True\nConnectionError\n", sizes.join(", ")));
    let io: Vec<_> = r.spans.iter().filter(|s| s.kind == SpanKind::Io).collect();
    assert_eq!(io.len(), 5, "each request is drawn as I/O: {io:?}");
    assert!(io[0].label.starts_with("requests.get /sim/page/"), "{}", io[0].label);
}

/// The tutorial's threaded fetch with urllib.request, on the simulated pages: each page's
/// size in bytes, a failure line for a URL that cannot be reached, the requests overlapping.
#[test]
fn urlopen_from_a_thread_pool_reads_bytes_and_reports_failures() {
    let code = r#"
import concurrent.futures, urllib.request, time
URLS = [f"/sim/page/{n}?latency_ms=200" for n in range(4)] + ["https://example.invalid/"]
def load_url(url, timeout):
    with urllib.request.urlopen(url, timeout=timeout) as conn:
        assert conn.status == 200 and conn.getcode() == 200 and conn.url == url
        assert int(conn.headers["Content-Length"]) > 0
        return conn.read()
start = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor(max_workers=5) as executor:
    future_to_url = {executor.submit(load_url, url, 60): url for url in URLS}
    for future in concurrent.futures.as_completed(future_to_url):
        url = future_to_url[future]
        try:
            data = future.result()
        except Exception as exc:
            print('%r generated an exception: %s' % (url, exc))
        else:
            print('%r page is %d bytes' % (url, len(data)), type(data).__name__, data.startswith(b"<!doctype html>"))
print("overlapped:", time.perf_counter() - start < 0.6)
"#;
    let r = run_code(code).unwrap();
    assert_eq!(r.value["exit_code"], 0, "{}", r.value);
    let out = r.value["stdout"].as_str().unwrap();
    let mut lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.pop(), Some("overlapped: True"), "{out}");
    lines.sort();
    assert_eq!(lines.len(), 5, "{out}");
    assert!(lines[0].starts_with("'/sim/page/0?latency_ms=200' page is 1000 bytes bytes True"), "{out}");
    for n in 0..4 {
        let want = format!("'/sim/page/{n}?latency_ms=200' page is {} bytes bytes True", 1000 + (n * 37) % 1000);
        assert!(lines.contains(&want.as_str()), "{want} missing from {out}");
    }
    assert!(lines[4].starts_with("'https://example.invalid/' generated an exception: <urlopen error "), "{out}");
    let io: Vec<_> = r.spans.iter().filter(|s| s.kind == SpanKind::Io).collect();
    assert_eq!(io.len(), 5, "each urlopen is drawn as I/O: {io:?}");
    assert!(io.iter().any(|s| s.label.starts_with("urlopen /sim/page/")), "{io:?}");
}

/// Coroutines fetching through asyncio.to_thread overlap; Response.content is bytes and
/// Response.json() on a page that is not JSON raises requests' JSONDecodeError (a ValueError).
#[test]
fn requests_through_asyncio_to_thread_overlap() {
    let code = r#"
import asyncio, requests, time
async def fetch(n):
    r = await asyncio.to_thread(requests.get, f"/sim/page/{n}", params={"latency_ms": 250})
    return n, r.status_code, len(r.content), type(r.content).__name__, r.content.decode() == r.text
async def main():
    start = time.perf_counter()
    results = await asyncio.gather(*(fetch(n) for n in range(3)))
    print(results)
    print("overlapped:", time.perf_counter() - start < 0.7)
asyncio.run(main())
r = requests.get("/sim/page/5")
try:
    r.json()
except requests.exceptions.JSONDecodeError as e:
    print(isinstance(e, ValueError), e)
"#;
    let r = run_code(code).unwrap();
    assert_eq!(r.value["exit_code"], 0, "{}", r.value);
    let sizes: Vec<String> = (0..3).map(|n| format!("({n}, 200, {}, 'bytes', True)", 1000 + (n * 37) % 1000)).collect();
    assert_eq!(
        r.value["stdout"],
        format!("[{}]\noverlapped: True\nTrue Expecting value: line 1 column 1 (char 0)\n", sizes.join(", "))
    );
    let io: Vec<(f64, f64)> = r.spans.iter().filter(|s| s.kind == SpanKind::Io).map(|s| (s.start_ms, s.end_ms)).collect();
    assert_eq!(io.len(), 4, "{io:?}");
    let overlap = io[..3].iter().map(|s| s.1).fold(f64::INFINITY, f64::min) - io[..3].iter().map(|s| s.0).fold(0.0, f64::max);
    assert!(overlap > 0.0, "the three to_thread requests did not overlap: {io:?}");
}
