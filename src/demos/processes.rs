//! `processes`: N isolated processes, each squaring its share of the numbers 0..n, like
//! Python's `multiprocessing.Process`; then the same with N threads of one process.
//!
//! What the learner should notice is `LESSON`, shown above the demo's controls.

use std::sync::atomic::Ordering;

use futures::future::join_all;
use serde_json::{json, Map};

use super::phases::{log_skipped, Phase, Phases, Timing};
use super::{Demo, Exercise, Python, RunContext, RunError, Runnable};
use crate::models::event_loop::yield_now;
use crate::models::processes::{call_traced, start_traced, Job};
use crate::models::threads::spawn_all;
use crate::params::{Params, DEFAULT_CORES};
use crate::platform::cancel::unless_cancelled;
use crate::trace::{json_ms, LaneKind, Recorder, RunResult, SpanKind};
use crate::workloads::tasks::{square, SquareIn, SquareOut, COUNTER};

/// This demo in the registry (`DEMOS` in mod.rs).
pub const DEMO: Demo = Demo {
    id: "processes",
    title: "Processes: separate memory",
    chapter: 7,
    needs_threads: false,
    params: PARAMS,
    timings: TIMINGS,
    lesson: LESSON,
    python: Some(Python {
        program: PYTHON,
        runnable: Runnable::UpTo {
            param: "n",
            max: PYTHON_MAX_N,
            why: "Python squares a few million numbers a second: this program runs in the editor up to n = 4,000,000 (the default, 500,000,000, takes minutes, in CPython too).",
        },
        run_params: &[],
    }),
    source: Some(crate::demo_source!("processes.rs")),
    exercise: Some(Exercise {
        title: "A small job: processes or threads?",
        query: "n=2000000&predict=fastest&choices=sequential,threads,processes",
        question: Some("Summing the squares of two million numbers: which finishes first?"),
    }),
    run: |params, ctx| Box::pin(run(params, ctx)),
};

/// What to look for, shown above the demo's controls (`lesson` in `playground.demos()`).
pub const LESSON: &str = "Each process is a separate worker with its own copy of the program and its own memory, like \
    multiprocessing.Process. Each squares its share of the numbers and adds to its global \
    counter: every process reports only its own count, while threads, sharing one memory, all \
    add to one counter. Starting a process and sending it work cost time (grey overhead): with \
    little work, processes lose to doing it all in one.";

/// The Python a learner would write for CPython: its parameters are the constants at its
/// top (`TASKS = 3` is `tasks`, with its default), which the page sets to the current values.
/// The largest `n` whose Python runs in the editor in seconds: the program squares `n`
/// numbers twice (processes, then threads), a few million a second in CPython and in the
/// playground's engine alike, where the demo's Rust does 500 million in about a second.
pub const PYTHON_MAX_N: u64 = 4_000_000;

const PYTHON: &str = r#"import os
import threading
from multiprocessing import Process, Queue

PROCESSES = os.cpu_count()   # this machine's cores
N = 500_000_000     # numbers squared: CPython squares a few million a second

counter = 0                       # every process gets its own copy; threads share this one
lock = threading.Lock()


def square(lo, hi):
    global counter
    total = sum(i * i for i in range(lo, hi))
    with lock:                    # threads take turns here; each process has its own counter
        counter += hi - lo
    return total, counter


def in_process(k, lo, hi, out):
    out.put((k, *square(lo, hi)))


def in_thread(k, lo, hi, sums):
    sums[k] = square(lo, hi)[0]


if __name__ == "__main__":
    shares = [(N * k // PROCESSES, N * (k + 1) // PROCESSES) for k in range(PROCESSES)]
    out = Queue()
    procs = [Process(target=in_process, args=(k, lo, hi, out)) for k, (lo, hi) in enumerate(shares)]
    for p in procs:
        p.start()
    answers = sorted(out.get() for _ in procs)
    for p in procs:
        p.join()
    for k, total, mine in answers:
        lo, hi = shares[k]
        print(f"process {k + 1}: my counter = {mine} (my own {hi - lo} numbers only)")

    sums = [0] * PROCESSES
    threads = [threading.Thread(target=in_thread, args=(k, lo, hi, sums)) for k, (lo, hi) in enumerate(shares)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"threads: the one shared counter = {counter} (everyone's numbers)")
    print("the same sum both ways:", sum(a[1] for a in answers) == sum(sums))"#;

crate::demo_params! {
    pub struct Values {
        processes: usize = int(1, 8, DEFAULT_CORES, "processes", "How many processes (and threads) share the work. Default: this machine's cores."),
        n: u64 = int(1, 4_000_000_000, 500_000_000, "numbers", "How many numbers, 0..n, are squared and summed in all."),
    }
}

/// The times a run reports (`<name>_ms`): what an exercise can ask about.
pub const TIMINGS: &[Timing] = &[Timing::always("sequential"), Timing::always("processes"), Timing::with_threads("threads")];

/// Process `i`'s share of 0..n, out of `parts`.
pub fn share(n: u64, parts: u64, i: u64) -> SquareIn {
    SquareIn { from: n * i / parts, to: n * (i + 1) / parts }
}

pub async fn run(params: &Params, ctx: &RunContext) -> Result<RunResult, RunError> {
    // rust-panel: begin
    let Values { processes: procs, n } = Values::read(params);
    let shares: Vec<SquareIn> = (0..procs as u64).map(|i| share(n, procs as u64, i)).collect();
    // rust-panel: end

    let rec = Recorder::start();
    let seq_lane = rec.lane("sequential", LaneKind::Main);
    let proc_lanes: Vec<_> = (0..procs).map(|i| rec.lane(format!("process {}", i + 1), LaneKind::Process)).collect();
    let thread_lanes: Vec<_> = if ctx.has_threads {
        (0..procs).map(|i| rec.lane(format!("thread {}", i + 1), LaneKind::Thread)).collect()
    } else {
        Vec::new()
    };
    let mut phases = Phases::default();

    // Baseline: all of it here, a share at a time, yielding between shares for `cancel`.
    let start = rec.now();
    let mut expected = 0u64;
    for (i, s) in shares.iter().enumerate() {
        let from = rec.now();
        let out = square(s);
        rec.span(seq_lane, SpanKind::Cpu, Some(i), format!("square {}..{}", s.from, s.to), from, rec.now());
        expected = expected.wrapping_add(out.sum.parse::<u64>().unwrap_or(0));
        yield_now().await;
        ctx.cancel.check()?;
    }
    phases.push(Phase::new("sequential", start, rec.now(), &[rec.now()]));

    // rust-panel: begin
    // Processes: each gets its share as text, squares it in its own memory, answers.
    let start = rec.now();
    let work = async {
        join_all(shares.iter().enumerate().map(|(i, s)| {
            let rec = &rec;
            let lane = proc_lanes[i];
            async move {
                let process = start_traced(rec, lane).await?;
                let job = Job {
                    task: "square",
                    input: serde_json::to_string(s).map_err(|e| e.to_string())?,
                    label: format!("square {}..{}", s.from, s.to),
                    kind: SpanKind::Cpu,
                };
                let output = call_traced(rec, lane, i, &process, &job).await?;
                let out: SquareOut = serde_json::from_str(&output).map_err(|e| e.to_string())?;
                rec.log(lane, format!("process {}: my counter = {} (my own {} numbers only)", i + 1, out.counter, s.to - s.from));
                Ok::<_, String>((out, rec.now()))
            }
        }))
        .await
        .into_iter()
        .collect::<Result<Vec<_>, String>>()
    };
    let by_process = unless_cancelled(&ctx.cancel, work).await?.map_err(RunError::Failed)?;
    // rust-panel: end
    phases.push(Phase::new("processes", start, rec.now(), &by_process.iter().map(|p| p.1).collect::<Vec<_>>()));
    let process_sum = by_process.iter().fold(0u64, |a, p| a.wrapping_add(p.0.sum.parse().unwrap_or(0)));
    let process_counters: Vec<u64> = by_process.iter().map(|p| p.0.counter).collect();
    // Each process counted only its own share: no process saw another's additions.
    let isolated = by_process.iter().zip(&shares).all(|(p, s)| p.0.counter == s.to - s.from);

    let mut thread_counter = None;
    let mut threads_match = true;
    if ctx.has_threads {
        // rust-panel: begin
        COUNTER.store(0, Ordering::SeqCst);
        let start = rec.now();
        let (trec, tshares, tlanes) = (rec.clone(), shares.clone(), thread_lanes.clone());
        let by_thread = spawn_all(procs, move |i| {
            let s = &tshares[i];
            let from = trec.now();
            let out = square(s);
            trec.span(tlanes[i], SpanKind::Cpu, Some(i), format!("square {}..{}", s.from, s.to), from, trec.now());
            (out, trec.now())
        })
        .await
        .map_err(RunError::Failed)?;
        phases.push(Phase::new("threads", start, rec.now(), &by_thread.iter().map(|t| t.1).collect::<Vec<_>>()));
        let shared = COUNTER.load(Ordering::SeqCst);
        // rust-panel: end
        rec.log(thread_lanes[0], format!("threads: the one shared counter = {shared} (everyone's numbers)"));
        thread_counter = Some(shared);
        let thread_sum = by_thread.iter().fold(0u64, |a, t| a.wrapping_add(t.0.sum.parse().unwrap_or(0)));
        threads_match = thread_sum == expected && shared == n;
    } else {
        log_skipped(&rec, seq_lane, "the threads comparison");
    }

    let overhead: f64 = rec_overhead(&rec);
    let mut stats = Map::new();
    stats.insert("matches_sequential".into(), json!(process_sum == expected && threads_match));
    stats.insert("memory_isolated".into(), json!(isolated));
    phases.add_stats(&mut stats, &[("processes", "sequential"), ("threads", "sequential")]);
    stats.insert("overhead_ms".into(), json_ms(overhead));
    let value = json!({
        "sum": expected.to_string(),
        "process_counters": process_counters,
        "thread_counter": thread_counter,
        "phases": phases.to_json(),
    });
    Ok(rec.finish(DEMO.id, params.to_json(), ctx.build, value, stats))
}

/// Time spent starting processes and moving data to and from them, summed over lanes.
fn rec_overhead(rec: &Recorder) -> f64 {
    rec.total(SpanKind::Overhead)
}
