//! `executors`: `concurrent.futures`. T tasks submitted to a pool of `max_workers`
//! threads (ThreadPoolExecutor) or processes (ProcessPoolExecutor); each waits a
//! different time, then returns its input squared.
//!
//! What the learner should notice is `LESSON`, shown above the demo's controls.

use serde_json::{json, Map};

use super::phases::Timing;
use super::{Demo, Exercise, Python, RunContext, RunError, Runnable};
use crate::models::processes::{map_on_pool, start_pool, Job};
use crate::models::threads::run_queue;
use crate::params::Params;
use crate::platform::cancel::unless_cancelled;
use crate::trace::{json_ms, LaneKind, Recorder, RunResult, SpanKind};
use crate::workloads::tasks::{sleep_result, SleepIn};

/// This demo in the registry (`DEMOS` in mod.rs).
pub const DEMO: Demo = Demo {
    id: "executors",
    title: "concurrent.futures: thread and process pools",
    chapter: 9,
    needs_threads: false,
    params: PARAMS,
    timings: TIMINGS,
    lesson: LESSON,
    python: Some(Python { program: PYTHON, runnable: Runnable::Always, run_params: &[] }),
    source: Some(crate::demo_source!("executors.rs")),
    exercise: Some(Exercise {
        title: "Six tasks, two workers",
        query: "kind=thread&max_workers=2&tasks=6&delay_ms=200&predict=pool_ms",
        question: Some("Six tasks taking 200, 60, 140, 260, 100 and 200 ms go to a ThreadPoolExecutor with max_workers=2. How long until all six are done?"),
    }),
    run: |params, ctx| Box::pin(run(params, ctx)),
};

/// What to look for, shown above the demo's controls (`lesson` in `playground.demos()`).
pub const LESSON: &str = "concurrent.futures: submit tasks to a pool of max_workers threads or processes. Never more \
    than max_workers run at once; the others wait their turn. The tasks take different times and \
    finish out of order (the as_completed line), yet map returns the results in the order you \
    submitted them.";

/// The Python a learner would write for CPython: its parameters are the constants at its
/// top (`TASKS = 3` is `tasks`, with its default), which the page sets to the current values.
const PYTHON: &str = r#"import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed

KIND = "thread"     # "thread": ThreadPoolExecutor, "process": ProcessPoolExecutor
MAX_WORKERS = 3
TASKS = 8
DELAY_MS = 200      # each task takes 1.0, 0.3, 0.7, 1.3 or 0.5 times this


def task(i):
    time.sleep([1.0, 0.3, 0.7, 1.3, 0.5][i % 5] * DELAY_MS / 1000)
    sys.stdout.write(f"task {i + 1} done: {i * i}\n")   # one write: a whole line
    return i * i


# A process pool's processes import this program again: its main part is guarded.
if __name__ == "__main__":
    Pool = ThreadPoolExecutor if KIND == "thread" else ProcessPoolExecutor
    print(f"submit {TASKS} tasks to a {KIND} pool of {MAX_WORKERS}")
    with Pool(max_workers=MAX_WORKERS) as pool:
        futures = [pool.submit(task, i) for i in range(TASKS)]
        order = [futures.index(f) + 1 for f in as_completed(futures)]   # finishing order
        print("as_completed order:", ", ".join(map(str, order)))
        results = [f.result() for f in futures]                         # input order, as map gives
        print("map results, in input order:", ", ".join(map(str, results)))"#;

crate::demo_params! {
    pub struct Values {
        kind: &'static str = choice(&["thread", "process"], "thread", "ThreadPoolExecutor or ProcessPoolExecutor."),
        max_workers: usize = int(1, 8, 3, "workers", "How many workers the pool has: at most this many tasks run at once."),
        tasks: usize = int(1, 64, 8, "tasks", "How many tasks are submitted."),
        delay_ms: f64 = int(0, 2000, 200, "ms", "The typical task time; each task takes between 0.3 and 1.3 times it, so they finish out of order."),
    }
}

/// The times a run reports (`<name>_ms`): what an exercise can ask about.
pub const TIMINGS: &[Timing] = &[
    Timing::with_threads("pool").when("kind", "thread"),
    Timing::always("pool").when("kind", "process"),
];

/// Task `i`'s duration: varied on purpose, so that completion order differs from input order.
pub fn duration_ms(i: usize, delay_ms: f64) -> f64 {
    const FACTORS: [f64; 5] = [1.0, 0.3, 0.7, 1.3, 0.5];
    delay_ms * FACTORS[i % FACTORS.len()]
}

pub async fn run(params: &Params, ctx: &RunContext) -> Result<RunResult, RunError> {
    // rust-panel: begin
    let Values { kind, max_workers: workers, tasks, delay_ms } = Values::read(params);
    if kind == "thread" && !ctx.has_threads {
        return Err(RunError::NeedsThreadsFor { demo: DEMO.id, what: "kind \"thread\"".into() });
    }
    let inputs: Vec<SleepIn> = (0..tasks).map(|i| SleepIn { ms: duration_ms(i, delay_ms), value: i as u64 }).collect();
    let expected: Vec<u64> = inputs.iter().map(sleep_result).collect();
    // rust-panel: end

    let rec = Recorder::start();
    let main = rec.lane("main thread", LaneKind::Main);
    let lane_kind = if kind == "thread" { LaneKind::Thread } else { LaneKind::Process };
    let lanes: Vec<_> = (0..workers).map(|i| rec.lane(format!("{kind} {}", i + 1), lane_kind)).collect();
    rec.log(main, format!("submit {tasks} tasks to a {kind} pool of {workers}"));
    let start = rec.now();

    // rust-panel: begin
    let results: Vec<u64> = if kind == "thread" {
        let (trec, tinputs, tlanes, cancel) = (rec.clone(), inputs.clone(), lanes.clone(), ctx.cancel.clone());
        run_queue(workers, tasks, move |worker, i| {
            cancel.check()?;
            let from = trec.now();
            let slept = cancel.sleep_blocking(tinputs[i].ms);
            let to = trec.now();
            trec.span(tlanes[worker], SpanKind::Sleep, Some(i), format!("task {}", i + 1), from, to);
            slept?;
            trec.log(tlanes[worker], format!("task {} done: {}", i + 1, sleep_result(&tinputs[i])));
            Ok::<u64, crate::platform::cancel::Cancelled>(sleep_result(&tinputs[i]))
        })
        .await
        .map_err(RunError::Failed)?
        .into_iter()
        .collect::<Result<_, _>>()?
    } else {
        let jobs: Vec<Job> = inputs
            .iter()
            .enumerate()
            .map(|(i, t)| Job { task: "sleep", input: serde_json::to_string(t).unwrap_or_default(), label: format!("task {}", i + 1), kind: SpanKind::Sleep })
            .collect();
        let work = async {
            let pool = start_pool(&rec, &lanes).await?;
            map_on_pool(&rec, &pool, &lanes, &jobs).await
        };
        let outputs = unless_cancelled(&ctx.cancel, work).await?.map_err(RunError::Failed)?;
        outputs
            .iter()
            .map(|o| serde_json::from_str::<u64>(o).map_err(|e| RunError::Failed(e.to_string())))
            .collect::<Result<_, _>>()?
    };
    // rust-panel: end
    let wall = rec.now() - start;

    // as_completed: the order the tasks finished in, read from the trace.
    let mut finished: Vec<(f64, usize)> = rec
        .spans()
        .iter()
        .filter(|s| s.kind == SpanKind::Sleep)
        .filter_map(|s| s.task.map(|t| (s.end_ms, t)))
        .collect();
    finished.sort_by(|a, b| a.0.total_cmp(&b.0));
    let completion_order: Vec<usize> = finished.iter().map(|(_, t)| *t).collect();
    rec.log(main, format!("as_completed order: {}", completion_order.iter().map(|t| (t + 1).to_string()).collect::<Vec<_>>().join(", ")));
    rec.log(main, format!("map results, in input order: {}", results.iter().map(u64::to_string).collect::<Vec<_>>().join(", ")));

    let one_after_another: f64 = inputs.iter().map(|t| t.ms).sum();
    let mut stats = Map::new();
    stats.insert("matches_sequential".into(), json!(results == expected));
    stats.insert("sequential_sleep_ms".into(), json_ms(one_after_another));
    stats.insert("pool_ms".into(), json_ms(wall));
    stats.insert("out_of_order".into(), json!(completion_order.windows(2).any(|w| w[0] > w[1])));
    if kind == "process" {
        stats.insert("overhead_ms".into(), json_ms(rec.total(SpanKind::Overhead)));
    }
    let value = json!({ "results": results, "completion_order": completion_order });
    Ok(rec.finish(DEMO.id, params.to_json(), ctx.build, value, stats))
}
