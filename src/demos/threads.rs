//! `threads`: start N threads, let each print its own sequence with a blocking sleep
//! after every line, then join them all (Python's `threading.Thread`, `start`, `join`).
//!
//! What the learner should notice is `LESSON`, shown above the demo's controls.

use serde_json::{json, Map};

use super::phases::Timing;
use super::{Demo, Exercise, Python, RunContext, RunError, Runnable};
use crate::models::threads::spawn_all;
use crate::params::Params;
use crate::trace::{json_ms, LaneKind, Recorder, SpanKind};

/// This demo in the registry (`DEMOS` in mod.rs).
pub const DEMO: Demo = Demo {
    id: "threads",
    title: "Threads: start, sleep, join",
    chapter: 4,
    needs_threads: true,
    params: PARAMS,
    timings: TIMINGS,
    lesson: LESSON,
    python: Some(Python { program: PYTHON, runnable: Runnable::Always, run_params: &[] }),
    source: Some(crate::demo_source!("threads.rs")),
    exercise: Some(Exercise {
        title: "Four threads that sleep",
        query: "threads=4&steps=3&delay_ms=100&predict=wall_ms",
        question: Some("Four threads each print three lines and sleep 100 ms after every line (time.sleep). How long does the whole run take?"),
    }),
    run: |params, ctx| Box::pin(run(params, ctx)),
};

/// What to look for, shown above the demo's controls (`lesson` in `playground.demos()`).
pub const LESSON: &str = "Each thread prints its own sequence and sleeps after every line, like Python's \
    threading.Thread with time.sleep. Watch the lines interleave, then run it again: the order \
    changes, because the scheduler, not your program, decides who wakes first. The sleeps \
    overlap, so the whole run takes about as long as one thread, not the sum of all of them.";

/// The Python a learner would write for CPython: its parameters are the constants at its
/// top (`TASKS = 3` is `tasks`, with its default), which the page sets to the current values.
const PYTHON: &str = r#"import sys
import threading
import time

THREADS = 2
STEPS = 5
DELAY_MS = 100      # time.sleep after each line: blocks this thread only

LETTERS = [None, "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "αβγδεζηθικλμ"]


def symbol(thread, step):         # 1 2 3 …, a b c …, A B C …, α β γ …, then t5.1 t5.2 …
    if thread == 0:
        return str(step + 1)
    if thread < len(LETTERS) and step < len(LETTERS[thread]):
        return LETTERS[thread][step]
    return f"t{thread + 1}.{step + 1}"


def show(thread):
    for step in range(STEPS):
        # One write per line: print() writes the text and the newline separately,
        # and another thread can print in between.
        sys.stdout.write(symbol(thread, step) + "\n")
        time.sleep(DELAY_MS / 1000)


print(f"main: starting {THREADS} threads")
threads = [threading.Thread(target=show, args=(i,)) for i in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("main: all threads joined")"#;

crate::demo_params! {
    pub struct Values {
        threads: usize = int(1, 8, 2, "threads", "How many threads to start."),
        steps: usize = int(1, 50, 5, "lines", "How many lines each thread prints."),
        delay_ms: f64 = int(0, 2000, 100, "ms", "How long each thread sleeps after printing a line (time.sleep)."),
    }
}

/// The times a run reports (`<name>_ms`): what an exercise can ask about.
pub const TIMINGS: &[Timing] = &[];

const GREEK: &[&str] = &["α", "β", "γ", "δ", "ε", "ζ", "η", "θ", "ι", "κ", "λ", "μ"];

/// What thread `thread` prints at step `step`: numbers, then letters, then capitals, ...
/// (the classic numbers-and-letters example, generalised to N threads).
pub fn symbol(thread: usize, step: usize) -> String {
    let letter = |base: u8| -> Option<String> {
        u8::try_from(step).ok().filter(|s| *s < 26).map(|s| char::from(base + s).to_string())
    };
    let made = match thread {
        0 => Some((step + 1).to_string()),
        1 => letter(b'a'),
        2 => letter(b'A'),
        3 => GREEK.get(step).map(|g| g.to_string()),
        _ => None,
    };
    made.unwrap_or_else(|| format!("t{}.{}", thread + 1, step + 1))
}

/// What every thread prints, computed without threads: the answer a run must match.
pub fn sequential_answer(threads: usize, steps: usize) -> Vec<Vec<String>> {
    (0..threads)
        .map(|t| (0..steps).map(|s| symbol(t, s)).collect())
        .collect()
}

pub async fn run(params: &Params, ctx: &RunContext) -> Result<crate::trace::RunResult, RunError> {
    // rust-panel: begin
    let Values { threads, steps, delay_ms } = Values::read(params);
    // rust-panel: end

    let rec = Recorder::start();
    let main = rec.lane("main thread", LaneKind::Main);
    let lanes: Vec<_> = (0..threads)
        .map(|i| rec.lane(format!("thread {}", i + 1), LaneKind::Thread))
        .collect();

    // rust-panel: begin
    rec.log(main, format!("main: starting {threads} threads"));
    let started_at = rec.now();
    let worker_rec = rec.clone();
    let cancel = ctx.cancel.clone();
    let outcome = spawn_all(threads, move |i| {
        let lane = lanes[i];
        // From start() to the thread's first instruction: the real cost of starting it.
        worker_rec.span(lane, SpanKind::Overhead, Some(i), "start", started_at, worker_rec.now());
        let mut printed = Vec::with_capacity(steps);
        for step in 0..steps {
            let text = symbol(i, step);
            worker_rec.log(lane, text.clone());
            printed.push(text);
            let slept_from = worker_rec.now();
            let slept = cancel.sleep_blocking(delay_ms);
            worker_rec.span(lane, SpanKind::Sleep, Some(i), "time.sleep", slept_from, worker_rec.now());
            slept?;
        }
        Ok::<_, crate::platform::cancel::Cancelled>(printed)
    })
    .await
    .map_err(RunError::Failed)?;
    rec.span(main, SpanKind::Wait, None, "join()", started_at, rec.now());

    let printed: Vec<Vec<String>> = outcome.into_iter().collect::<Result<_, _>>()?;
    rec.log(main, "main: all threads joined");
    // rust-panel: end

    let expected = sequential_answer(threads, steps);
    let mut stats = Map::new();
    stats.insert("matches_sequential".into(), json!(printed == expected));
    stats.insert("sequential_sleep_ms".into(), json_ms(delay_ms * (threads * steps) as f64));
    let mut result = rec.finish(DEMO.id, params.to_json(), ctx.build, json!({ "printed": printed }), stats);
    let switches = interleavings(&result.logs, main);
    result.stats.insert("interleavings".into(), json!(switches));
    Ok(result)
}

/// How often consecutive printed lines come from different threads: 0 means no interleaving.
pub fn interleavings(logs: &[crate::trace::Log], skip_lane: usize) -> usize {
    let lanes: Vec<usize> = logs.iter().map(|l| l.lane).filter(|l| *l != skip_lane).collect();
    lanes.windows(2).filter(|w| w[0] != w[1]).count()
}
