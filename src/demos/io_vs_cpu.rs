//! `io-vs-cpu`: why the kind of work decides the tool. I/O-bound tasks (waiting on a
//! simulated request) and CPU-bound tasks (computing), each run one after another and
//! concurrently.
//!
//! What the learner should notice is `LESSON`, shown above the demo's controls.

use serde_json::{json, Map};

use super::phases::{checksums, Phases, Timing};
use super::{Demo, Exercise, Python, RunContext, RunError, Runnable};
use crate::models::event_loop::{gathered_io, interleave_cpu, sequential_cpu, sequential_io, Interleave};
use crate::params::Params;
use crate::trace::{LaneKind, Recorder, RunResult};
use crate::workloads::cpu::Work;

/// This demo in the registry (`DEMOS` in mod.rs).
pub const DEMO: Demo = Demo {
    id: "io-vs-cpu",
    title: "I/O-bound vs CPU-bound work",
    chapter: 3,
    needs_threads: false,
    params: PARAMS,
    timings: TIMINGS,
    lesson: LESSON,
    python: Some(Python { program: PYTHON, runnable: Runnable::Always, run_params: &[] }),
    source: Some(crate::demo_source!("io_vs_cpu.rs")),
    exercise: Some(Exercise {
        title: "CPU work: asyncio or threads?",
        query: "predict=fastest&choices=cpu_async,cpu_threads",
        question: None,
    }),
    run: |params, ctx| Box::pin(run(params, ctx)),
};

/// What to look for, shown above the demo's controls (`lesson` in `playground.demos()`).
pub const LESSON: &str = "I/O-bound tasks spend their time waiting; CPU-bound tasks spend it computing. Both sets run \
    one after another, then concurrently. Async makes the waiting tasks finish in about the time \
    of one, but does nothing for the computing ones: they never wait, so there is nothing to \
    overlap. Only parallel threads speed up computing, and only up to the number of cores.";

/// The Python a learner would write for CPython: its parameters are the constants at its
/// top (`TASKS = 3` is `tasks`, with its default), which the page sets to the current values.
const PYTHON: &str = r#"import asyncio
from concurrent.futures import ThreadPoolExecutor

TASKS = 4
IO_MS = 200         # one I/O task's wait for its answer
CPU_MS = 100        # one CPU task's computing (the loop below: about that long in CPython)
WORKERS = 2


async def request():              # I/O-bound: waiting
    await asyncio.sleep(IO_MS / 1000)


def compute():                    # CPU-bound: computing
    return sum(i * i for i in range(CPU_MS * 10_000))


async def main():
    for _ in range(TASKS):                                           # I/O, sequential
        await request()
    await asyncio.gather(*(request() for _ in range(TASKS)))         # I/O, async


asyncio.run(main())
results = [compute() for _ in range(TASKS)]                          # CPU, sequential
# CPU with threads helps only without the GIL (python3.13t) or with processes:
with ThreadPoolExecutor(WORKERS) as pool:
    results = list(pool.map(lambda _: compute(), range(TASKS)))"#;

crate::demo_params! {
    pub struct Values {
        tasks: usize = int(1, 32, 4, "tasks", "How many tasks of each kind."),
        io_ms: f64 = int(0, 2000, 200, "ms", "How long one I/O task waits for its (simulated) answer."),
        cpu_ms: f64 = int(1, 2000, 100, "ms", "How long one CPU task computes when it runs alone."),
        workers: usize = int(1, 8, 2, "threads", "How many threads run the CPU tasks in the threads phase."),
    }
}

/// The times a run reports (`<name>_ms`): what an exercise can ask about.
pub const TIMINGS: &[Timing] = &[
    Timing::always("io_sequential"),
    Timing::always("io_async"),
    Timing::always("cpu_sequential"),
    Timing::always("cpu_async"),
    Timing::with_threads("cpu_threads"),
];

pub async fn run(params: &Params, ctx: &RunContext) -> Result<RunResult, RunError> {
    // rust-panel: begin
    let Values { tasks, io_ms, cpu_ms, workers } = Values::read(params);
    let waits = vec![io_ms; tasks];
    let works: Vec<Work> = (0..tasks).map(|t| Work::new(t, cpu_ms)).collect();
    // rust-panel: end
    let cancel = &ctx.cancel;
    let check = || cancel.check();

    let rec = Recorder::start();
    let io_seq = rec.lane("I/O, sequential", LaneKind::Main);
    let io_async = rec.lane("I/O, async", LaneKind::EventLoop);
    let cpu_seq = rec.lane("CPU, sequential", LaneKind::Main);
    let cpu_async = rec.lane("CPU, async", LaneKind::EventLoop);
    let cpu_threads: Vec<_> = if ctx.has_threads {
        (0..workers).map(|i| rec.lane(format!("CPU, thread {}", i + 1), LaneKind::Thread)).collect()
    } else {
        Vec::new()
    };
    let mut phases = Phases::default();

    // rust-panel: begin
    phases.io(&rec, "io_sequential", sequential_io(&rec, io_seq, &waits)).await;
    check()?;
    phases.io(&rec, "io_async", gathered_io(&rec, io_async, &waits)).await;
    check()?;

    let sequential = phases.cpu(&rec, "cpu_sequential", sequential_cpu(&rec, cpu_seq, &works, cancel)).await?;
    let answer = checksums(&sequential);

    // A coroutine that computes never reaches an await: each runs to its end in one go.
    let whole_task = Interleave { slice_ms: cpu_ms + 1.0 };
    let in_async = phases.cpu(&rec, "cpu_async", interleave_cpu(&rec, cpu_async, &works, whole_task, cancel)).await?;
    let mut all_match = checksums(&in_async) == answer;

    all_match &= phases.cpu_on_threads(&rec, ctx, "cpu_threads", &cpu_threads, &works, &answer, cpu_async).await?;
    // rust-panel: end

    let mut stats = Map::new();
    stats.insert("matches_sequential".into(), json!(all_match));
    phases.add_stats(
        &mut stats,
        &[("io_async", "io_sequential"), ("cpu_async", "cpu_sequential"), ("cpu_threads", "cpu_sequential")],
    );
    let value = json!({ "checksums": answer.iter().map(|c| c.to_string()).collect::<Vec<_>>(), "phases": phases.to_json() });
    Ok(rec.finish(DEMO.id, params.to_json(), ctx.build, value, stats))
}
