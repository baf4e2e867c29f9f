//! `asyncio`: N coroutines on one event loop, each printing and then awaiting a timer,
//! gathered (Python's `async def`, `await asyncio.sleep`, `asyncio.gather`).
//!
//! What the learner should notice is `LESSON`, shown above the demo's controls.

use serde_json::{json, Map};

use super::phases::Timing;
use super::{Demo, Exercise, Python, RunContext, RunError, Runnable};
use crate::models::event_loop::{gather, sleep};
use crate::params::Params;
use crate::platform::cancel::unless_cancelled;
use crate::trace::{json_ms, LaneKind, Recorder, SpanKind};
use crate::workloads::cpu::Work;

/// This demo in the registry (`DEMOS` in mod.rs).
pub const DEMO: Demo = Demo {
    id: "asyncio",
    title: "asyncio: coroutines on one event loop",
    chapter: 5,
    needs_threads: false,
    params: PARAMS,
    timings: TIMINGS,
    lesson: LESSON,
    python: Some(Python { program: PYTHON, runnable: Runnable::Always, run_params: &[] }),
    source: Some(crate::demo_source!("asyncio.rs")),
    exercise: Some(Exercise {
        title: "Ten coroutines waiting",
        query: "tasks=10&steps=3&delay_ms=100&predict=wall_ms",
        question: Some("Ten coroutines each await a 100 ms sleep three times, gathered on one event loop. How long does the whole run take?"),
    }),
    run: |params, ctx| Box::pin(run(params, ctx)),
};

/// What to look for, shown above the demo's controls (`lesson` in `playground.demos()`).
pub const LESSON: &str = "All coroutines share one thread: the event loop. Each prints a line, then awaits a timer \
    (await asyncio.sleep); while it waits, the others run. There is only one lane, yet the waits \
    overlap, so many coroutines finish in about the time of one. Nothing runs in parallel here: \
    this is concurrency without threads. Set blocking_ms and coroutine 1 computes without \
    awaiting: every other timer fires late, by about that much.";

/// The Python a learner would write for CPython: its parameters are the constants at its
/// top (`TASKS = 3` is `tasks`, with its default), which the page sets to the current values.
const PYTHON: &str = r#"import asyncio
import time

TASKS = 3
STEPS = 3
DELAY_MS = 100      # each await asyncio.sleep: the others run meanwhile
BLOCKING_MS = 0     # coroutine 1 computes this long after its first await, without awaiting


async def worker(n):
    for step in range(STEPS):
        print(f"task {n} step {step + 1}")
        await asyncio.sleep(DELAY_MS / 1000)
        if n == 1 and step == 0 and BLOCKING_MS > 0:
            time.sleep(BLOCKING_MS / 1000)   # no await: the whole event loop waits


async def main():
    await asyncio.gather(*(worker(n) for n in range(1, TASKS + 1)))


asyncio.run(main())"#;

crate::demo_params! {
    pub struct Values {
        tasks: usize = int(1, 1000, 3, "coroutines", "How many coroutines to gather."),
        steps: usize = int(1, 50, 3, "awaits", "How many times each coroutine prints and awaits."),
        delay_ms: f64 = int(0, 2000, 100, "ms", "How long each await asyncio.sleep lasts."),
        blocking_ms: f64 = int(0, 2000, 0, "ms", "Coroutine 1 computes this long after its first await, without awaiting: it blocks the event loop."),
    }
}

/// The times a run reports (`<name>_ms`): what an exercise can ask about.
pub const TIMINGS: &[Timing] = &[];

pub fn line(task: usize, step: usize) -> String {
    format!("task {} step {}", task + 1, step + 1)
}

/// What each coroutine prints, computed without an event loop.
pub fn sequential_answer(tasks: usize, steps: usize) -> Vec<Vec<String>> {
    (0..tasks).map(|t| (0..steps).map(|s| line(t, s)).collect()).collect()
}

/// A timer this much late or more is drawn as waiting after its sleep: less is the clock's
/// and the browser's timer granularity, not something a coroutine did.
const LATE_SHOWN_MS: f64 = 1.0;

pub async fn run(params: &Params, ctx: &RunContext) -> Result<crate::trace::RunResult, RunError> {
    // rust-panel: begin
    let Values { tasks, steps, delay_ms, blocking_ms } = Values::read(params);
    let blocking = Work::new(0, blocking_ms);
    // rust-panel: end

    let rec = Recorder::start();
    let lane = rec.lane("event loop", LaneKind::EventLoop);

    // rust-panel: begin
    let coroutine = |task: usize| {
        let rec = rec.clone();
        async move {
            let mut printed = Vec::with_capacity(steps);
            let mut worst_late_ms: f64 = 0.0;
            for step in 0..steps {
                let text = line(task, step);
                rec.log(lane, text.clone());
                printed.push(text);
                let from = rec.now();
                sleep(delay_ms).await;
                let to = rec.now();
                // Asleep only until its timer was due; later than that it was ready and
                // waited for the loop (a coroutine that computes without awaiting holds it).
                let due = (from + delay_ms).min(to);
                rec.span(lane, SpanKind::Sleep, Some(task), "await asyncio.sleep", from, due);
                if to - due > LATE_SHOWN_MS {
                    rec.span(lane, SpanKind::Wait, Some(task), "ready, waiting for the event loop", due, to);
                }
                worst_late_ms = worst_late_ms.max(to - from - delay_ms);
                if task == 0 && step == 0 && blocking.iterations > 0 {
                    // Right after its first await, while the others' timers are pending:
                    // no await inside, so nothing else on this loop runs until it is done.
                    let from = rec.now();
                    std::hint::black_box(blocking.expected());
                    rec.span(lane, SpanKind::Cpu, Some(task), "compute without await", from, rec.now());
                }
            }
            (printed, worst_late_ms)
        }
    };
    let all = gather((0..tasks).map(coroutine));
    let outcome = unless_cancelled(&ctx.cancel, all).await?;
    // rust-panel: end

    let (printed, lateness): (Vec<Vec<String>>, Vec<f64>) = outcome.into_iter().unzip();
    let mut stats = Map::new();
    stats.insert(
        "matches_sequential".into(),
        json!(printed == sequential_answer(tasks, steps)),
    );
    stats.insert("sequential_sleep_ms".into(), json_ms(delay_ms * (tasks * steps) as f64));
    stats.insert("max_timer_late_ms".into(), json_ms(lateness.iter().copied().fold(0.0, f64::max)));
    // Lateness of the coroutines that did nothing wrong: the cost of one that blocked.
    let others_late = lateness.iter().skip(1).copied().fold(0.0, f64::max);
    stats.insert("others_max_timer_late_ms".into(), json_ms(others_late));
    Ok(rec.finish(DEMO.id, params.to_json(), ctx.build, json!({ "printed": printed }), stats))
}
