//! The GIL lab, natively on real threads: the lock's invariants, and what it does to
//! CPU-bound and I/O-bound threads.

use concurrency_playground::cancel::CancelToken;
use concurrency_playground::demos::{self, RunContext};
use concurrency_playground::params::Raw;
use concurrency_playground::trace::{LaneKind, RunResult, Span, SpanKind};
use futures::executor::block_on;

fn gil_run(pairs: &[(&str, Raw)]) -> RunResult {
    let given: Vec<(String, Raw)> = pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
    let ctx = RunContext { cancel: CancelToken::new(), build: "native", has_threads: true };
    block_on(demos::run("gil", &given, ctx)).unwrap_or_else(|e| panic!("{e}"))
}

fn thread_spans(r: &RunResult, kind: SpanKind) -> Vec<&Span> {
    r.spans.iter().filter(|s| s.kind == kind && r.lanes[s.lane].kind == LaneKind::Thread).collect()
}

fn overlapping_pairs_across_lanes(spans: &[&Span]) -> usize {
    let mut n = 0;
    for (i, a) in spans.iter().enumerate() {
        for b in &spans[i + 1..] {
            if a.lane != b.lane && a.start_ms < b.end_ms && b.start_ms < a.end_ms {
                n += 1;
            }
        }
    }
    n
}

fn params(threads: f64, gil: bool, workload: &str, work_ms: f64) -> Vec<(&'static str, Raw)> {
    vec![
        ("threads", Raw::Number(threads)),
        ("gil", Raw::Bool(gil)),
        ("switch_interval_ms", Raw::Number(2.0)),
        ("workload", Raw::Text(workload.into())),
        ("work_ms", Raw::Number(work_ms)),
    ]
}

#[test]
fn gil_never_has_two_holders() {
    let r = gil_run(&params(3.0, true, "cpu", 40.0));
    let cpu = thread_spans(&r, SpanKind::Cpu);
    assert!(cpu.len() > 3, "the lock never changed hands: {} cpu spans", cpu.len());
    assert_eq!(overlapping_pairs_across_lanes(&cpu), 0, "two threads computed holding the GIL at once");
    assert!(r.stats["gil_handovers"].as_u64().unwrap() > 3);
    assert!(!thread_spans(&r, SpanKind::Wait).is_empty(), "no thread ever waited for the GIL");
    assert_eq!(r.stats["matches_sequential"], true);
}

#[test]
fn without_the_gil_cpu_threads_compute_at_once() {
    let r = gil_run(&params(2.0, false, "cpu", 40.0));
    assert!(overlapping_pairs_across_lanes(&thread_spans(&r, SpanKind::Cpu)) > 0);
    assert!(thread_spans(&r, SpanKind::Wait).is_empty(), "nothing to wait for without a GIL");
    assert_eq!(r.stats["matches_sequential"], true);
}

#[test]
fn io_waits_overlap_with_and_without_the_gil() {
    for gil in [true, false] {
        let r = gil_run(&params(3.0, gil, "io", 30.0));
        let io = thread_spans(&r, SpanKind::Io);
        assert_eq!(io.len(), 3 * 10, "gil {gil}");
        assert!(overlapping_pairs_across_lanes(&io) > 0, "gil {gil}: I/O waits never overlapped");
    }
}

#[test]
fn mixed_workload_makes_the_io_thread_wait_for_the_lock_only_under_the_gil() {
    let with = gil_run(&params(2.0, true, "mixed", 60.0));
    let io_lane = with.lanes.iter().find(|l| l.label == "thread 1").unwrap().id;
    // After I/O completes, thread 1 must take the lock back from the computing thread.
    let waits_after_io = with
        .spans
        .iter()
        .filter(|s| s.lane == io_lane && s.kind == SpanKind::Wait && s.start_ms > 0.0)
        .count();
    assert!(waits_after_io >= 10, "{waits_after_io} waits for the GIL on the I/O thread");
    assert!(with.stats["io_response_ms"].as_f64().is_some());
    let without = gil_run(&params(2.0, false, "mixed", 60.0));
    assert!(thread_spans(&without, SpanKind::Wait).is_empty());
    // The I/O thread and the computing thread overlap only without the lock... and with it,
    // I/O (lock released) still overlaps the other thread's computing.
    let io = thread_spans(&with, SpanKind::Io);
    let cpu = thread_spans(&with, SpanKind::Cpu);
    assert!(io.iter().any(|a| cpu.iter().any(|b| a.lane != b.lane && a.start_ms < b.end_ms && b.start_ms < a.end_ms)));
}

#[test]
fn gil_handover_passes_the_lock_between_two_threads() {
    use concurrency_playground::models::gil::Gil;
    use std::sync::Arc;
    let gil = Arc::new(Gil::new(true, 1.0));
    let cancel = CancelToken::new();
    gil.acquire(0, &cancel).unwrap();
    let (g, c) = (Arc::clone(&gil), cancel.clone());
    let waiter = std::thread::spawn(move || {
        g.acquire(1, &c).unwrap();
        g.release(1);
    });
    // The waiter asks for the lock after one interval; the holder answers every request, as
    // `Holder::compute` does between slices. One answer may not be enough: `hand_over` gives
    // up after an interval if the waiter was not scheduled in time (a loaded machine), takes
    // the lock back, and the waiter asks again.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let mut answered = 0;
    while !waiter.is_finished() {
        assert!(std::time::Instant::now() < deadline, "the waiter never got the lock ({answered} hand-overs)");
        if gil.drop_requested() {
            gil.hand_over(0, &cancel).unwrap();
            answered += 1;
        } else {
            std::thread::yield_now();
        }
    }
    waiter.join().unwrap();
    assert!(answered >= 1, "the waiter got the lock without asking for it");
    assert!(gil.handovers() >= 3, "0 -> 1 -> 0");
    gil.release(0);
}

mod choosing {
    use concurrency_playground::demos::choosing::{amdahl, fit_serial_fraction, tasks};

    #[test]
    fn amdahl_fit_recovers_the_serial_fraction_and_stays_in_0_1() {
        for s in [0.0, 0.1, 0.5, 1.0] {
            let points: Vec<(f64, f64)> = (1..=8).map(|n| (n as f64, amdahl(s, n as f64))).collect();
            let fit = fit_serial_fraction(&points).unwrap();
            assert!((fit - s).abs() < 1e-9, "{s} fitted as {fit}");
        }
        // Measurements better than ideal (noise) or worse than serial still fit into [0, 1].
        assert_eq!(fit_serial_fraction(&[(1.0, 1.0), (2.0, 2.3)]), Some(0.0));
        assert_eq!(fit_serial_fraction(&[(1.0, 1.0), (2.0, 0.5)]), Some(1.0));
        assert_eq!(fit_serial_fraction(&[(1.0, 1.0)]), None, "one worker says nothing about scaling");
    }

    #[test]
    fn workloads_split_the_task_time_between_computing_and_waiting() {
        let io = tasks("io", 3, 40.0);
        assert!(io.iter().all(|t| t.work.iterations == 0 && t.wait_ms == 40.0));
        let cpu = tasks("cpu", 3, 40.0);
        assert!(cpu.iter().all(|t| t.work.iterations > 0 && t.wait_ms == 0.0));
        let mixed = tasks("mixed", 3, 40.0);
        assert!(mixed.iter().all(|t| t.work.iterations > 0 && t.wait_ms == 20.0));
        assert_ne!(cpu[0].work.seed, cpu[1].work.seed, "every task has its own answer");
    }
}
