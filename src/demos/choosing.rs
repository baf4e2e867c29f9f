//! `choosing`: which approach to take, measured on this machine. The same tasks, run
//! sequentially, with async, with threads under a GIL, with threads without one, and
//! with processes; then a sweep of speedup against the number of workers, with the
//! ideal line and Amdahl's law fitted to it.
//!
//! What the learner should notice is `LESSON`, shown above the demo's controls.

use std::sync::Arc;

use futures::future::join_all;
use serde_json::{json, Map, Value};

use super::phases::Timing;
use super::{Demo, Exercise, Python, RunContext, RunError, Runnable};
use crate::models::event_loop::{sleep, yield_now};
use crate::models::gil::{Gil, Holder};
use crate::models::processes::{map_on_pool, start_pool, Job};
use crate::models::threads::run_queue;
use crate::params::{Params, DEFAULT_CORES};
use crate::platform::cancel::Cancelled;
use crate::platform::cancel::unless_cancelled;
use crate::trace::{json_ms, LaneId, LaneKind, Recorder, RunResult, SpanKind};
use crate::workloads::cpu::Work;
use crate::workloads::tasks::WorkIn;

/// This demo in the registry (`DEMOS` in mod.rs).
pub const DEMO: Demo = Demo {
    id: "choosing",
    title: "Choosing: which approach, measured",
    chapter: 10,
    needs_threads: false,
    params: PARAMS,
    timings: TIMINGS,
    lesson: LESSON,
    python: Some(Python { program: PYTHON, runnable: Runnable::Never, run_params: &[] }),
    source: Some(crate::demo_source!("choosing.rs")),
    exercise: Some(Exercise {
        title: "Waiting on I/O: which approach?",
        query: "workload=io&tasks=8&work_ms=100&sweep=false&predict=fastest&choices=sequential,async,processes",
        question: Some("Eight tasks each wait 100 ms on I/O. Which finishes first: one after another, asyncio, or a process pool?"),
    }),
    run: |params, ctx| Box::pin(run(params, ctx)),
};

/// What to look for, shown above the demo's controls (`lesson` in `playground.demos()`).
pub const LESSON: &str = "Which approach should you choose? The same tasks run five ways on this machine: \
    sequentially, with async, with threads under a GIL, with threads without one, and with \
    processes. Choose the workload and compare. Each claim of the lesson is shown next to the \
    figure measured here, and the sweep shows how the speedup grows with workers, against the \
    ideal and Amdahl's law.";

/// The Python a learner would write for CPython: its parameters are the constants at its
/// top (`TASKS = 3` is `tasks`, with its default), which the page sets to the current values.
const PYTHON: &str = r#"import asyncio
import os
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

WORKLOAD = "cpu"    # "io": wait, "cpu": compute, "mixed": half of each
TASKS = 8
WORK_MS = 100       # one task, alone
WORKERS = os.cpu_count()     # this machine's cores
SWEEP = True        # also time 1 to 8 threads, for the speedup against workers

CPU_MS = {"io": 0, "cpu": WORK_MS, "mixed": WORK_MS // 2}[WORKLOAD]
WAIT_MS = WORK_MS - CPU_MS


def compute():                    # about CPU_MS ms in CPython
    return sum(i * i for i in range(CPU_MS * 10_000))


def task(i):
    compute()
    time.sleep(WAIT_MS / 1000)


async def atask(i):               # the same task as a coroutine: only the waiting awaits
    compute()
    await asyncio.sleep(WAIT_MS / 1000)


async def with_async():
    await asyncio.gather(*(atask(i) for i in range(TASKS)))


if __name__ == "__main__":
    for i in range(TASKS):                                           # sequential
        task(i)
    asyncio.run(with_async())                                        # async
    with ThreadPoolExecutor(WORKERS) as pool:                        # threads: GIL, or python3.13t without
        list(pool.map(task, range(TASKS)))
    with ProcessPoolExecutor(WORKERS) as pool:                       # processes
        list(pool.map(task, range(TASKS)))
    if SWEEP:
        for workers in range(1, 9):
            with ThreadPoolExecutor(workers) as pool:
                list(pool.map(task, range(TASKS)))"#;

crate::demo_params! {
    pub struct Values {
        workload: &'static str = choice(&["io", "cpu", "mixed"], "cpu", "What each task does: wait on I/O, compute, or half of each."),
        tasks: usize = int(1, 32, 8, "tasks", "How many tasks every approach runs."),
        work_ms: f64 = int(1, 1000, 100, "ms", "How long one task takes alone."),
        workers: usize = int(1, 8, DEFAULT_CORES, "workers", "Threads or processes per pool. Default: this machine's cores."),
        sweep: bool = bool(true, "Also measure the speedup for 1, 2, ... workers, and fit Amdahl's law to it."),
    }
}

/// The times a run reports (`<name>_ms`): what an exercise can ask about.
pub const TIMINGS: &[Timing] = &[
    Timing::always("sequential"),
    Timing::always("async"),
    Timing::with_threads("threads_gil"),
    Timing::with_threads("threads_no_gil"),
    Timing::always("processes"),
];

/// One task: compute this much, then wait this long.
#[derive(Clone, Copy)]
pub struct Task {
    pub work: Work,
    pub wait_ms: f64,
}

pub fn tasks(workload: &str, n: usize, work_ms: f64) -> Vec<Task> {
    let (cpu, wait) = match workload {
        "io" => (0.0, work_ms),
        "cpu" => (work_ms, 0.0),
        _ => (work_ms / 2.0, work_ms / 2.0),
    };
    (0..n)
        .map(|i| Task { work: Work { iterations: crate::workloads::cpu::iterations_for(cpu), ..Work::new(i, 0.0) }, wait_ms: wait })
        .collect()
}

/// Amdahl's law: the speedup on `n` workers when a fraction `serial` cannot be shared.
pub fn amdahl(serial: f64, n: f64) -> f64 {
    1.0 / (serial + (1.0 - serial) / n)
}

/// The serial fraction that best fits measured `(workers, speedup)` points, by least
/// squares on 1/speedup = s + (1 - s)/n, clamped to [0, 1]. `None` without a point at n > 1.
pub fn fit_serial_fraction(points: &[(f64, f64)]) -> Option<f64> {
    let (mut num, mut den) = (0.0, 0.0);
    for &(n, speedup) in points.iter().filter(|(n, s)| *n > 1.0 && *s > 0.0) {
        let x = 1.0 - 1.0 / n;
        num += (1.0 / speedup - 1.0 / n) * x;
        den += x * x;
    }
    (den > 0.0).then(|| (num / den).clamp(0.0, 1.0))
}

type Outcome = Result<Vec<u64>, RunError>;

async fn sequential(rec: &Recorder, lane: LaneId, tasks: &[Task], ctx: &RunContext) -> Outcome {
    let mut out = Vec::new();
    for (i, t) in tasks.iter().enumerate() {
        out.push(compute_yielding(rec, lane, i, t.work, ctx).await?);
        wait_traced(rec, lane, i, t.wait_ms).await;
    }
    Ok(out)
}

/// Computes on the event loop, yielding between slices only so that `cancel` gets in.
async fn compute_yielding(rec: &Recorder, lane: LaneId, task: usize, work: Work, ctx: &RunContext) -> Result<u64, RunError> {
    if work.iterations == 0 {
        return Ok(work.expected());
    }
    let slice = crate::workloads::cpu::iterations_for(10.0).max(1);
    let from = rec.now();
    let mut p = work.start();
    while !p.is_done() {
        ctx.cancel.check()?;
        p.step(slice);
        yield_now().await;
    }
    rec.span(lane, SpanKind::Cpu, Some(task), format!("task {}", task + 1), from, rec.now());
    Ok(p.checksum())
}

async fn wait_traced(rec: &Recorder, lane: LaneId, task: usize, ms: f64) {
    if ms > 0.0 {
        let from = rec.now();
        sleep(ms).await;
        rec.span(lane, SpanKind::Io, Some(task), format!("task {} waits", task + 1), from, rec.now());
    }
}

/// asyncio: every task is a coroutine; computing never awaits, waiting does.
// rust-panel: begin
async fn with_async(rec: &Recorder, lane: LaneId, tasks: &[Task]) -> Vec<u64> {
    join_all(tasks.iter().enumerate().map(|(i, t)| async move {
        let checksum = if t.work.iterations > 0 {
            let from = rec.now();
            let c = t.work.expected();
            rec.span(lane, SpanKind::Cpu, Some(i), format!("task {}", i + 1), from, rec.now());
            c
        } else {
            t.work.expected()
        };
        wait_traced(rec, lane, i, t.wait_ms).await;
        checksum
    }))
    .await
}
// rust-panel: end

/// A thread pool whose threads share one `gil` (a disabled one: free-threaded).
// rust-panel: begin
async fn with_threads(rec: &Recorder, lanes: &[LaneId], tasks: &[Task], gil: Gil, ctx: &RunContext) -> Outcome {
    let (rec, lanes, tasks, gil, cancel) = (rec.clone(), lanes.to_vec(), tasks.to_vec(), Arc::new(gil), ctx.cancel.clone());
    let results = run_queue(lanes.len(), tasks.len(), move |worker, i| {
        let holder = Holder { rec: &rec, lane: lanes[worker], task: worker, gil: &gil, cancel: &cancel };
        holder.take_gil()?;
        let checksum = if tasks[i].work.iterations > 0 { holder.compute(tasks[i].work)? } else { tasks[i].work.expected() };
        if tasks[i].wait_ms > 0.0 {
            holder.io(tasks[i].wait_ms)?;
        }
        gil.release(worker);
        Ok::<u64, Cancelled>(checksum)
    })
    .await
    .map_err(RunError::Failed)?;
    results.into_iter().collect::<Result<_, _>>().map_err(RunError::from)
}
// rust-panel: end

async fn with_processes(rec: &Recorder, lanes: &[LaneId], tasks: &[Task]) -> Result<Vec<u64>, String> {
    let jobs: Vec<Job> = tasks
        .iter()
        .enumerate()
        .map(|(i, t)| Job {
            task: "work",
            input: serde_json::to_string(&WorkIn { seed: t.work.seed, iterations: t.work.iterations, wait_ms: t.wait_ms }).unwrap_or_default(),
            label: format!("task {}", i + 1),
            kind: if t.work.iterations > 0 { SpanKind::Cpu } else { SpanKind::Io },
        })
        .collect();
    let pool = start_pool(rec, lanes).await?;
    let outputs = map_on_pool(rec, &pool, lanes, &jobs).await?;
    outputs
        .iter()
        .map(|o| serde_json::from_str::<String>(o).ok().and_then(|s| s.parse().ok()).ok_or_else(|| format!("bad answer {o}")))
        .collect()
}

struct Row {
    approach: &'static str,
    wall_ms: Option<f64>,
    matches: Option<bool>,
    note: Option<&'static str>,
}

pub async fn run(params: &Params, ctx: &RunContext) -> Result<RunResult, RunError> {
    // rust-panel: begin
    let Values { workload, tasks: n, work_ms, workers, sweep: sweep_wanted } = Values::read(params);
    let tasks = tasks(workload, n, work_ms);
    // rust-panel: end
    let expected: Vec<u64> = tasks.iter().map(|t| t.work.expected()).collect();

    let rec = Recorder::start();
    let mut rows: Vec<Row> = Vec::new();
    let measure = |approach: &'static str, start: f64, end: f64, got: Option<&Vec<u64>>| Row {
        approach,
        wall_ms: Some(end - start),
        matches: got.map(|g| *g == expected),
        note: None,
    };

    let lane = rec.lane("sequential", LaneKind::Main);
    let start = rec.now();
    let got = sequential(&rec, lane, &tasks, ctx).await?;
    rows.push(measure("sequential", start, rec.now(), Some(&got)));

    let lane = rec.lane("async: event loop", LaneKind::EventLoop);
    let start = rec.now();
    let got = unless_cancelled(&ctx.cancel, with_async(&rec, lane, &tasks)).await?;
    rows.push(measure("async", start, rec.now(), Some(&got)));

    for (approach, gil_on) in [("threads + GIL", true), ("threads, no GIL", false)] {
        if !ctx.has_threads {
            rows.push(Row { approach, wall_ms: None, matches: None, note: Some("needs the threads build (cross-origin isolation)") });
            continue;
        }
        let lanes: Vec<_> = (0..workers).map(|i| rec.lane(format!("{approach}: thread {}", i + 1), LaneKind::Thread)).collect();
        let start = rec.now();
        let got = with_threads(&rec, &lanes, &tasks, Gil::new(gil_on, 5.0), ctx).await?;
        rows.push(measure(approach, start, rec.now(), Some(&got)));
    }

    // rust-panel: begin
    let lanes: Vec<_> = (0..workers).map(|i| rec.lane(format!("processes: process {}", i + 1), LaneKind::Process)).collect();
    let start = rec.now();
    let got = unless_cancelled(&ctx.cancel, with_processes(&rec, &lanes, &tasks)).await?.map_err(RunError::Failed)?;
    rows.push(measure("processes", start, rec.now(), Some(&got)));
    // rust-panel: end

    // rust-panel: begin
    // The sweep: speedup of the best parallel approach against the number of workers.
    let mut sweep: Vec<(f64, f64)> = Vec::new();
    let sweep_approach = if ctx.has_threads { "threads, no GIL" } else { "async" };
    let cores = crate::params::cores_hint();
    if sweep_wanted && ctx.has_threads {
        let baseline = rows[0].wall_ms.unwrap_or(1.0);
        let most = if workload == "cpu" { cores.max(2) } else { 8 };
        for w in 1..=most.min(8) {
            let lanes: Vec<_> = (0..w).map(|i| rec.lane(format!("sweep {w}: thread {}", i + 1), LaneKind::Thread)).collect();
            let start = rec.now();
            with_threads(&rec, &lanes, &tasks, Gil::new(false, 5.0), ctx).await?;
            sweep.push((w as f64, baseline / (rec.now() - start)));
        }
    }
    let serial = fit_serial_fraction(&sweep);
    // rust-panel: end

    let base = rows[0].wall_ms.unwrap_or(f64::NAN);
    let speedup = |name: &str| rows.iter().find(|r| r.approach == name).and_then(|r| r.wall_ms).map(|w| base / w);
    let winner = rows.iter().filter(|r| r.wall_ms.is_some()).min_by(|a, b| a.wall_ms.unwrap().total_cmp(&b.wall_ms.unwrap())).map(|r| r.approach).unwrap_or("sequential");
    let x = |v: Option<f64>| v.map_or("–".to_string(), |s| format!("×{s:.2}"));
    let why = match workload {
        "io" => format!(
            "The tasks mostly wait, and waiting overlaps under every concurrent approach: async reached {} on one thread, threads with the GIL {}, processes {} after paying to start.",
            x(speedup("async")), x(speedup("threads + GIL")), x(speedup("processes"))
        ),
        "cpu" => format!(
            "Computing speeds up only where several cores compute at once: threads without the GIL reached {}, processes {}, but threads with the GIL {} and async {}.",
            x(speedup("threads, no GIL")), x(speedup("processes")), x(speedup("threads + GIL")), x(speedup("async"))
        ),
        _ => format!(
            "Half computing, half waiting: async overlaps only the waits ({}), the GIL lets threads overlap waits but not computing ({}), without it both overlap ({}).",
            x(speedup("async")), x(speedup("threads + GIL")), x(speedup("threads, no GIL"))
        ),
    };
    let verdict = format!("{winner} won ({} over sequential). {why}", x(speedup(winner)));
    rec.log(0, verdict.clone());

    // The lesson's claims, each next to the figure of this run that tests it.
    let mut claims = Vec::new();
    let mut claim = |text: &str, figure: Option<f64>, holds: Option<bool>, note: Option<String>| {
        claims.push(json!({ "claim": text, "figure": figure.map(|f| (f * 100.0).round() / 100.0), "holds": holds, "note": note }));
    };
    let one_core = cores < 2;
    if workload != "io" {
        let g = speedup("threads + GIL");
        claim("The GIL keeps CPU-bound threads from computing in parallel.", g, g.map(|s| s < 1.4), None);
        let f = speedup("threads, no GIL");
        let note = one_core.then(|| "this device has one core: nothing can compute in parallel here".to_string());
        claim("Without the GIL, CPU-bound threads use several cores.", f, if one_core { None } else { f.map(|s| s > 1.3) }, note);
        let a = speedup("async");
        claim("Async does not speed up computing.", a, a.map(|s| s < 1.3), None);
    }
    if workload != "cpu" {
        let a = speedup("async");
        claim("Async overlaps waiting, on a single thread.", a, a.map(|s| s > 1.3), None);
    }
    let p = speedup("processes");
    claim("Processes pay to start, then compute in parallel.", p, None, Some(format!("{:.0} ms spent starting processes and copying data", rec.total(SpanKind::Overhead))));

    let mut stats = Map::new();
    stats.insert("matches_sequential".into(), json!(rows.iter().all(|r| r.matches != Some(false))));
    for r in &rows {
        if let Some(w) = r.wall_ms {
            let key = match r.approach {
                "threads + GIL" => "threads_gil",
                "threads, no GIL" => "threads_no_gil",
                other => other,
            };
            stats.insert(format!("{key}_ms"), json_ms(w));
        }
    }
    if let Some(s) = serial {
        stats.insert("serial_fraction".into(), json!((s * 1000.0).round() / 1000.0));
    }
    let table: Vec<Value> = rows
        .iter()
        .map(|r| json!({
            "approach": r.approach,
            "wall_ms": r.wall_ms.map(json_ms),
            "speedup": r.wall_ms.map(|w| ((base / w) * 100.0).round() / 100.0),
            "matches_sequential": r.matches,
            "note": r.note,
            "winner": r.approach == winner,
        }))
        .collect();
    let value = json!({
        "rows": table,
        "winner": winner,
        "verdict": verdict,
        "claims": claims,
        "sweep": {
            "approach": sweep_approach,
            "points": sweep.iter().map(|(w, s)| json!({ "workers": w, "speedup": (s * 100.0).round() / 100.0 })).collect::<Vec<_>>(),
            "serial_fraction": serial,
            "amdahl": serial.map(|s| sweep.iter().map(|(w, _)| json!({ "workers": w, "speedup": (amdahl(s, *w) * 100.0).round() / 100.0 })).collect::<Vec<_>>()),
        },
    });
    Ok(rec.finish(DEMO.id, params.to_json(), ctx.build, value, stats))
}
