//! Native tests of the concurrency chapter: every way of running gives the sequential
//! answer, waits overlap where the model allows it and never where it does not.

use concurrency_playground::cancel::CancelToken;
use concurrency_playground::demos::{self, RunContext, RunError};
use concurrency_playground::params::Raw;
use concurrency_playground::trace::{LaneKind, RunResult, SpanKind};
use concurrency_playground::workloads::cpu::{crunch, Work};
use futures::executor::block_on;

fn run_with(id: &str, pairs: &[(&str, Raw)], has_threads: bool) -> Result<RunResult, RunError> {
    let given: Vec<(String, Raw)> = pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
    let ctx = RunContext { cancel: CancelToken::new(), build: "native", has_threads };
    block_on(demos::run(id, &given, ctx))
}

fn run(id: &str, pairs: &[(&str, Raw)]) -> RunResult {
    run_with(id, pairs, true).unwrap_or_else(|e| panic!("{id}: {e}"))
}

fn n(x: f64) -> Raw {
    Raw::Number(x)
}

fn text(s: &str) -> Raw {
    Raw::Text(s.into())
}

/// Spans of `kind` on lanes whose label starts with `prefix`, as (task, start, end).
fn spans(r: &RunResult, prefix: &str, kind: SpanKind) -> Vec<(Option<usize>, f64, f64)> {
    r.spans
        .iter()
        .filter(|s| s.kind == kind && r.lanes[s.lane].label.starts_with(prefix))
        .map(|s| (s.task, s.start_ms, s.end_ms))
        .collect()
}

fn any_overlap(list: &[(Option<usize>, f64, f64)]) -> bool {
    list.iter().enumerate().any(|(i, a)| list[i + 1..].iter().any(|b| a.1 < b.2 && b.1 < a.2))
}

#[test]
fn cpu_work_gives_the_same_checksum_however_it_is_sliced() {
    let work = Work { seed: 7, iterations: 10_007 };
    for slice in [1, 3, 1000, 10_007, u64::MAX] {
        let mut p = work.start();
        while !p.is_done() {
            p.step(slice);
        }
        assert_eq!(p.checksum(), work.expected(), "slice {slice}");
    }
    assert_ne!(crunch(1, 0, 100), crunch(2, 0, 100), "the seed matters");
}

#[test]
fn concurrency_vs_parallelism_phases_agree_and_only_threads_overlap() {
    let r = run("concurrency-vs-parallelism", &[("tasks", n(4.0)), ("work_ms", n(20.0)), ("threads", n(2.0)), ("slice_ms", n(2.0))]);
    assert_eq!(r.stats["matches_sequential"], true);
    // One lane computes one thing at a time, even when its tasks interleave.
    assert!(!any_overlap(&spans(&r, "sequential", SpanKind::Cpu)));
    let interleaved = spans(&r, "concurrent", SpanKind::Cpu);
    assert!(!any_overlap(&interleaved));
    // Interleaved: task 2 computes before task 1 has finished.
    let last_of_first = interleaved.iter().filter(|s| s.0 == Some(0)).map(|s| s.2).fold(0.0, f64::max);
    let first_of_second = interleaved.iter().filter(|s| s.0 == Some(1)).map(|s| s.1).fold(f64::INFINITY, f64::min);
    assert!(first_of_second < last_of_first, "the coroutines did not interleave");
    // Parallel: the two threads computed at the same time.
    assert!(any_overlap(&spans(&r, "parallel", SpanKind::Cpu)), "threads never overlapped");
    let phases = r.value["phases"].as_array().unwrap();
    assert_eq!(phases.iter().map(|p| p["name"].as_str().unwrap()).collect::<Vec<_>>(), ["sequential", "concurrent", "parallel"]);
}

#[test]
fn concurrency_vs_parallelism_without_threads_skips_only_the_parallel_phase() {
    let r = run_with("concurrency-vs-parallelism", &[("work_ms", n(5.0))], false).unwrap();
    assert_eq!(r.stats["matches_sequential"], true);
    assert!(r.lanes.iter().all(|l| l.kind != LaneKind::Thread));
    assert!(r.stats.get("parallel_ms").is_none());
    assert!(r.logs.iter().any(|l| l.text.contains("parallel phase skipped")));
}

#[test]
fn io_vs_cpu_async_overlaps_io_but_not_cpu() {
    // Tasks long enough that two threads overlap even when other programs load the machine.
    let r = run("io-vs-cpu", &[("tasks", n(4.0)), ("io_ms", n(30.0)), ("cpu_ms", n(40.0)), ("workers", n(2.0))]);
    assert_eq!(r.stats["matches_sequential"], true);
    assert!(!any_overlap(&spans(&r, "I/O, sequential", SpanKind::Io)));
    assert!(any_overlap(&spans(&r, "I/O, async", SpanKind::Io)), "async I/O waits must overlap");
    assert!(!any_overlap(&spans(&r, "CPU, async", SpanKind::Cpu)), "one event loop never computes two things at once");
    assert!(any_overlap(&spans(&r, "CPU, thread", SpanKind::Cpu)), "threads compute at once");
    // Waits overlapped, so the async phase took well under the sequential one.
    assert!(r.stats["io_async_ms"].as_f64().unwrap() < r.stats["io_sequential_ms"].as_f64().unwrap());
    // A coroutine that never awaits is done before the next one starts: the first finishes
    // a quarter of the way through the phase, not with the last.
    let phase = r.value["phases"].as_array().unwrap().iter().find(|p| p["name"] == "cpu_async").unwrap();
    let finished: Vec<f64> = phase["finished_ms"].as_array().unwrap().iter().map(|t| t.as_f64().unwrap()).collect();
    assert!(finished[0] < finished[3] / 2.0, "every coroutine finished at the end: {finished:?}");
}

#[test]
fn asyncio_coroutine_that_never_awaits_makes_the_others_timers_late() {
    let r = run("asyncio", &[("tasks", n(3.0)), ("steps", n(2.0)), ("delay_ms", n(20.0)), ("blocking_ms", n(60.0))]);
    let late = r.stats["others_max_timer_late_ms"].as_f64().unwrap();
    assert!(late > 0.0, "no timer was late: {late}");
    assert!(r.spans.iter().any(|s| s.kind == SpanKind::Cpu && s.label.contains("without await")));
    assert_eq!(r.stats["matches_sequential"], true);
}

#[test]
fn scraper_threads_and_async_overlap_requests_sequential_does_not() {
    for mode in ["async", "threads"] {
        let r = run("scraper", &[("urls", n(5.0)), ("latency_ms", n(30.0)), ("mode", text(mode)), ("workers", n(3.0))]);
        assert_eq!(r.stats["matches_sequential"], true, "{mode}");
        assert_eq!(r.stats["failures"], 0);
        assert!(!any_overlap(&spans(&r, "sequential", SpanKind::Io)), "{mode}: sequential requests overlapped");
        let chosen: Vec<_> = r.spans.iter().filter(|s| s.kind == SpanKind::Io && !r.lanes[s.lane].label.starts_with("sequential")).map(|s| (s.task, s.start_ms, s.end_ms)).collect();
        assert_eq!(chosen.len(), 5, "{mode}");
        assert!(any_overlap(&chosen), "{mode}: requests never overlapped");
        let urls = r.value["urls"].as_array().unwrap();
        assert_eq!(urls.len(), 5);
        assert!(urls.iter().all(|u| u["ok"] == true && u["bytes"].as_u64().unwrap() >= 1000));
    }
}

#[test]
fn scraper_threads_pool_never_runs_more_requests_than_workers() {
    let r = run("scraper", &[("urls", n(9.0)), ("latency_ms", n(15.0)), ("mode", text("threads")), ("workers", n(2.0))]);
    let reqs: Vec<_> = r.spans.iter().filter(|s| s.kind == SpanKind::Io && r.lanes[s.lane].kind == LaneKind::Thread).collect();
    for s in &reqs {
        let at_once = reqs.iter().filter(|o| o.start_ms <= s.start_ms && s.start_ms < o.end_ms).count();
        assert!(at_once <= 2, "{at_once} requests in flight on a pool of 2");
    }
}

#[test]
fn scraper_reports_a_failing_url_and_fetches_the_others() {
    // Natively only simulated pages answer: the real URL stands for one that fails.
    let urls = Raw::List(vec![text("/sim/page/2?latency_ms=5"), text("https://example.invalid/"), text("/sim/page/3?latency_ms=5")]);
    let r = run("scraper", &[("urls", urls), ("mode", text("async"))]);
    let urls = r.value["urls"].as_array().unwrap();
    assert_eq!(urls.iter().map(|u| u["ok"].as_bool().unwrap()).collect::<Vec<_>>(), [true, false, true]);
    assert!(urls[1]["error"].as_str().unwrap().len() > 3);
    assert_eq!(r.stats["failures"], 1);
    assert!(r.logs.iter().any(|l| l.text.contains("example.invalid") && l.text.contains("failed")));
}

#[test]
fn scraper_refuses_bad_urls_and_thread_mode_without_threads() {
    for bad in [
        Raw::List(vec![text("javascript:alert(1)")]),
        Raw::List(vec![text("file:///etc/passwd")]),
        Raw::List(vec![text("//evil.example/")]),
        Raw::List(vec![text("http://a b/")]),
        Raw::List(vec![]),
        Raw::List(vec![text("/x"); 21]),
        Raw::List(vec![n(3.0)]),
        n(0.0),
        n(101.0),
        text("https://example.com/"),
    ] {
        match run_with("scraper", &[("urls", bad.clone())], true) {
            Err(RunError::Param(e)) => assert!(e.message.contains("\"urls\""), "{}", e.message),
            other => panic!("{bad:?} was not refused: {:?}", other.map(|r| r.stats)),
        }
    }
    let e = run_with("scraper", &[("mode", text("threads"))], false).unwrap_err();
    assert_eq!(e.js_name(), "IsolationError");
    assert!(e.to_string().contains("mode \"threads\""), "{e}");
}

#[test]
fn asyncio_a_late_timer_is_drawn_asleep_until_due_then_waiting_for_the_loop() {
    // Coroutine 1 computes 150 ms without awaiting right after its first sleep: the other
    // coroutines' 20 ms timers come due while it holds the loop.
    let r = run("asyncio", &[("tasks", n(3.0)), ("steps", n(2.0)), ("delay_ms", n(20.0)), ("blocking_ms", n(150.0))]);
    let sleeps: Vec<_> = r.spans.iter().filter(|s| s.kind == SpanKind::Sleep).collect();
    for s in &sleeps {
        assert!(s.end_ms - s.start_ms <= 20.0 + 1e-6, "a sleep drawn past its deadline: {s:?}");
    }
    let waits: Vec<_> = r.spans.iter().filter(|s| s.kind == SpanKind::Wait && s.label.contains("waiting for the event loop")).collect();
    assert!(!waits.is_empty(), "the late part of the blocked coroutines' sleeps is drawn as waiting");
    let longest = waits.iter().map(|s| s.end_ms - s.start_ms).fold(0.0, f64::max);
    assert!(longest > 100.0, "they waited about as long as the loop was blocked: {longest} ms");
}
