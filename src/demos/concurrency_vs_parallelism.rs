//! `concurrency-vs-parallelism`: the same CPU-bound tasks three ways. One after another
//! (the baseline); interleaved on one event loop, each computing a slice and then
//! yielding (concurrency); and on N threads at once (parallelism).
//!
//! What the learner should notice is `LESSON`, shown above the demo's controls.

use serde_json::{json, Map};

use super::phases::{checksums, Phases, Timing};
use super::{Demo, Exercise, Python, RunContext, RunError, Runnable};
use crate::models::event_loop::{interleave_cpu, sequential_cpu, Interleave};
use crate::params::Params;
use crate::trace::{LaneKind, Recorder, RunResult};
use crate::workloads::cpu::Work;

/// This demo in the registry (`DEMOS` in mod.rs).
pub const DEMO: Demo = Demo {
    id: "concurrency-vs-parallelism",
    title: "Concurrency vs parallelism",
    chapter: 1,
    needs_threads: false,
    params: PARAMS,
    timings: TIMINGS,
    lesson: LESSON,
    python: Some(Python { program: PYTHON, runnable: Runnable::Always, run_params: &[] }),
    source: Some(crate::demo_source!("concurrency_vs_parallelism.rs")),
    exercise: Some(Exercise {
        title: "Taking turns or running at once?",
        query: "tasks=4&work_ms=150&predict=fastest&choices=sequential,concurrent,parallel",
        question: None,
    }),
    run: |params, ctx| Box::pin(run(params, ctx)),
};

/// What to look for, shown above the demo's controls (`lesson` in `playground.demos()`).
pub const LESSON: &str = "The same CPU-bound tasks, three ways. One after another; then interleaved on one event loop, \
    each computing a slice and yielding (concurrency); then on several threads at once \
    (parallelism). Interleaving lets every task make progress, but one lane still does one thing \
    at a time: it takes as long as the sequential run, and every task finishes near the end. \
    Threads finish sooner only when there are cores to run them: look at the speedup as you \
    raise threads past the number of cores.";

/// The Python a learner would write for CPython: its parameters are the constants at its
/// top (`TASKS = 3` is `tasks`, with its default), which the page sets to the current values.
const PYTHON: &str = r#"import asyncio
from concurrent.futures import ProcessPoolExecutor

TASKS = 4
WORK_MS = 150       # one task's computing, alone: WORK_MS * 3_000 steps (about that long in the playground; CPython is faster)
THREADS = 2         # parallel workers: processes here, as CPython's threads share one GIL
SLICE_MS = 10       # a coroutine computes this long, then lets the others run

STEPS = WORK_MS * 3_000


def work(total, lo, hi):          # a checksum over steps lo..hi, going on from total
    for i in range(lo, hi):
        total = (total * 31 + i) % 1_000_000_007
    return total


def task(k):                      # task k, all at once
    return work(k, 0, STEPS)


async def interleaved(k):         # concurrency: one loop, the tasks take turns
    slices = max(1, round(WORK_MS / SLICE_MS))
    total = k
    for s in range(slices):
        total = work(total, STEPS * s // slices, STEPS * (s + 1) // slices)
        await asyncio.sleep(0)    # let the others run
    return total


async def concurrently():
    return await asyncio.gather(*(interleaved(k) for k in range(TASKS)))


if __name__ == "__main__":
    print(f"sequential: {TASKS} tasks, one after another")
    results = [task(k) for k in range(TASKS)]
    print(f"concurrent: {TASKS} coroutines, one event loop")
    same = asyncio.run(concurrently()) == results
    print(f"parallel: {TASKS} tasks on {THREADS} processes")
    with ProcessPoolExecutor(THREADS) as pool:
        same = list(pool.map(task, range(TASKS))) == results and same
    print("the same checksums all three ways:", same)"#;

crate::demo_params! {
    pub struct Values {
        tasks: usize = int(1, 16, 4, "tasks", "How many CPU-bound tasks to run."),
        work_ms: f64 = int(1, 2000, 150, "ms", "How long one task computes when it runs alone."),
        threads: usize = int(1, 8, 2, "threads", "How many threads run the tasks in the parallel phase."),
        slice_ms: f64 = int(1, 100, 10, "ms", "How long a coroutine computes before it yields to the others (await asyncio.sleep(0))."),
    }
}

/// The times a run reports (`<name>_ms`): what an exercise can ask about.
pub const TIMINGS: &[Timing] = &[Timing::always("sequential"), Timing::always("concurrent"), Timing::with_threads("parallel")];

pub async fn run(params: &Params, ctx: &RunContext) -> Result<RunResult, RunError> {
    // rust-panel: begin
    let Values { tasks, work_ms, threads, slice_ms } = Values::read(params);
    let works: Vec<Work> = (0..tasks).map(|t| Work::new(t, work_ms)).collect();
    // rust-panel: end
    let cancel = &ctx.cancel;

    let rec = Recorder::start();
    let seq_lane = rec.lane("sequential", LaneKind::Main);
    let loop_lane = rec.lane("concurrent: event loop", LaneKind::EventLoop);
    let thread_lanes: Vec<_> = if ctx.has_threads {
        (0..threads).map(|i| rec.lane(format!("parallel: thread {}", i + 1), LaneKind::Thread)).collect()
    } else {
        Vec::new()
    };
    let mut phases = Phases::default();

    rec.log(seq_lane, format!("sequential: {tasks} tasks, one after another"));
    // rust-panel: begin
    let sequential = phases.cpu(&rec, "sequential", sequential_cpu(&rec, seq_lane, &works, cancel)).await?;
    let answer = checksums(&sequential);
    // rust-panel: end

    rec.log(loop_lane, format!("concurrent: {tasks} coroutines, one event loop"));
    // rust-panel: begin
    let interleaved = interleave_cpu(&rec, loop_lane, &works, Interleave { slice_ms }, cancel);
    let concurrent = phases.cpu(&rec, "concurrent", interleaved).await?;
    let mut all_match = checksums(&concurrent) == answer;
    // rust-panel: end

    if let Some(&lane) = thread_lanes.first() {
        rec.log(lane, format!("parallel: {tasks} tasks on {threads} threads"));
    }
    // rust-panel: begin
    all_match &= phases.cpu_on_threads(&rec, ctx, "parallel", &thread_lanes, &works, &answer, loop_lane).await?;
    // rust-panel: end

    let mut stats = Map::new();
    stats.insert("matches_sequential".into(), json!(all_match));
    phases.add_stats(&mut stats, &[("concurrent", "sequential"), ("parallel", "sequential")]);
    if let Some(s) = phases.speedup("parallel", "sequential") {
        stats.insert("parallel_efficiency".into(), json!((s / threads as f64 * 100.0).round() / 100.0));
    }
    let value = json!({ "checksums": answer.iter().map(|c| c.to_string()).collect::<Vec<_>>(), "phases": phases.to_json() });
    Ok(rec.finish(DEMO.id, params.to_json(), ctx.build, value, stats))
}
