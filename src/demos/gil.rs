//! `gil`: N threads that must hold one global lock to compute, as in CPython; or no
//! lock at all, as in the free-threaded build of Python 3.13+.
//!
//! What the learner should notice is `LESSON`, shown above the demo's controls.

use std::sync::Arc;

use serde_json::{json, Map};

use super::phases::{Phase, Phases, Timing};
use super::{Demo, Exercise, Python, RunContext, RunError, Runnable};
use crate::models::gil::{Gil, Holder};
use crate::models::threads::spawn_all;
use crate::params::Params;
use crate::platform::cancel::Cancelled;
use crate::trace::{json_ms, LaneKind, Recorder, RunResult};
use crate::workloads::cpu::Work;

/// This demo in the registry (`DEMOS` in mod.rs).
pub const DEMO: Demo = Demo {
    id: "gil",
    title: "The GIL: one lock for all threads",
    chapter: 2,
    needs_threads: true,
    params: PARAMS,
    timings: TIMINGS,
    lesson: LESSON,
    python: Some(Python { program: PYTHON, runnable: Runnable::Always, run_params: &["gil"] }),
    source: Some(crate::demo_source!("gil.rs")),
    exercise: Some(Exercise {
        title: "Two threads, one GIL",
        query: "workload=cpu&gil=true&threads=2&work_ms=200&predict=threads_ms",
        question: Some("Two threads each compute for 200 ms, and only the thread holding the GIL may run. How long does the threaded phase take?"),
    }),
    run: |params, ctx| Box::pin(run(params, ctx)),
};

/// What to look for, shown above the demo's controls (`lesson` in `playground.demos()`).
pub const LESSON: &str = "In CPython, a thread must hold the global interpreter lock (GIL) to run Python code. Here \
    the threads really share one lock in shared memory: a thread that waits longer than the \
    switch interval asks the holder to let go, and waiting shows as blocked spans. With the GIL, \
    CPU-bound threads take turns and the run is no faster than doing the work sequentially; turn \
    it off (free-threaded Python 3.13+) and they compute at once. I/O-bound threads release the \
    lock while they wait, so they overlap either way. In the mixed workload, watch thread 1 wait \
    for the lock each time its I/O completes: the convoy effect.";

/// The Python a learner would write for CPython: its parameters are the constants at its
/// top (`TASKS = 3` is `tasks`, with its default), which the page sets to the current values.
const PYTHON: &str = r#"import sys
import threading
import time

THREADS = 2
GIL = True          # False: free-threaded, as CPython 3.13+ built without the GIL (python3.13t)
SWITCH_INTERVAL_MS = 5
WORKLOAD = "cpu"    # "cpu", "io", or "mixed": thread 1 waits on I/O, the others compute
WORK_MS = 200       # computing: WORK_MS * 3_000 steps, about WORK_MS ms in the playground (CPython is faster)

sys.setswitchinterval(SWITCH_INTERVAL_MS / 1000)
gil = getattr(sys, "_is_gil_enabled", lambda: True)()   # this Python's: always True before 3.13


def cpu(k):                       # computing, the GIL held: a checksum
    total = k
    for i in range(WORK_MS * 3_000):
        total = (total * 31 + i) % 1_000_000_007
    return f"checksum {total}"


def io(k):                        # WORK_MS ms of waiting in 10 requests, the GIL released
    for _ in range(10):
        time.sleep(WORK_MS / 10_000)
    return "its I/O"


def run(job, k, done):
    done[k] = job(k)
    sys.stdout.write(f"thread {k + 1} done: {done[k]}\n")   # one write: a whole line


if __name__ == "__main__":
    if GIL != gil:
        print(f"GIL = {GIL}, but this Python {'has a GIL' if gil else 'is free-threaded'}: it runs as it is")
    jobs = {"cpu": [cpu] * THREADS, "io": [io] * THREADS, "mixed": [io] + [cpu] * (THREADS - 1)}[WORKLOAD]
    print(f"sequential: the work of {THREADS} threads, one after another")
    expected = [job(k) for k, job in enumerate(jobs)]
    print(f"{THREADS} threads start, {'sharing one GIL' if gil else 'with no GIL'}")
    done = [None] * THREADS
    threads = [threading.Thread(target=run, args=(job, k, done)) for k, job in enumerate(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("the same results as one after another:", done == expected)"#;

crate::demo_params! {
    pub struct Values {
        threads: usize = int(1, 8, 2, "threads", "How many threads run at once."),
        gil: bool = bool(true, "Whether threads must hold the global interpreter lock to compute (off: free-threaded Python 3.13+)."),
        switch_interval_ms: f64 = int(1, 100, 5, "ms", "How long a thread waits for the GIL before asking the holder to let go (sys.setswitchinterval; CPython's default is 5 ms)."),
        workload: &'static str = choice(&["cpu", "io", "mixed"], "cpu", "What the threads do: compute, wait on I/O, or (mixed) thread 1 waits on I/O while the others compute."),
        work_ms: f64 = int(1, 2000, 200, "ms", "How much work each thread has: computing time alone, or total I/O waiting time."),
    }
}

/// The times a run reports (`<name>_ms`): what an exercise can ask about.
pub const TIMINGS: &[Timing] = &[Timing::always("sequential"), Timing::always("threads")];

/// An I/O-bound thread's waiting is cut into this many requests.
const IO_STEPS: usize = 10;

/// What one thread does.
#[derive(Clone, Copy)]
enum Job {
    Compute(Work),
    /// `IO_STEPS` waits of this many ms, each with the lock released.
    Io(f64),
}

fn jobs(workload: &str, threads: usize, work_ms: f64) -> Vec<Job> {
    (0..threads)
        .map(|t| match (workload, t) {
            ("io", _) | ("mixed", 0) => Job::Io(work_ms / IO_STEPS as f64),
            _ => Job::Compute(Work::new(t, work_ms)),
        })
        .collect()
}

/// What a thread reports: its checksum (computing threads) and how long it waited for
/// the lock each time its I/O completed (I/O threads).
#[derive(Default, Clone)]
struct Done {
    checksum: Option<u64>,
    response_ms: Vec<f64>,
}

trait RunJob {
    fn run(&self, job: Job) -> Result<Done, Cancelled>;
}

// rust-panel: begin
impl RunJob for Holder<'_> {
    fn run(&self, job: Job) -> Result<Done, Cancelled> {
        self.take_gil()?;
        let mut done = Done::default();
        match job {
            Job::Compute(work) => done.checksum = Some(self.compute(work)?),
            Job::Io(ms) => {
                for _ in 0..IO_STEPS {
                    done.response_ms.push(self.io(ms)?);
                }
            }
        }
        self.gil.release(self.task);
        Ok(done)
    }
}
// rust-panel: end

pub async fn run(params: &Params, ctx: &RunContext) -> Result<RunResult, RunError> {
    // rust-panel: begin
    let Values { threads, gil: gil_on, switch_interval_ms, workload, work_ms } = Values::read(params);
    let jobs = jobs(workload, threads, work_ms);
    // rust-panel: end

    let rec = Recorder::start();
    let seq_lane = rec.lane("sequential", LaneKind::Main);
    let lanes: Vec<_> = (0..threads).map(|i| rec.lane(format!("thread {}", i + 1), LaneKind::Thread)).collect();
    let mut phases = Phases::default();

    // The baseline: every thread's work, one after another, on one thread (no contention).
    rec.log(seq_lane, format!("sequential: the work of {threads} threads, one after another"));
    let start = rec.now();
    let (seq_rec, seq_jobs, cancel) = (rec.clone(), jobs.clone(), ctx.cancel.clone());
    let sequential = spawn_all(1, move |_| {
        let alone = Gil::new(false, 1.0);
        let mut out = Vec::new();
        for (task, job) in seq_jobs.iter().enumerate() {
            let c = Holder { rec: &seq_rec, lane: seq_lane, task, gil: &alone, cancel: &cancel };
            out.push((c.run(*job)?, seq_rec.now()));
        }
        Ok::<_, Cancelled>(out)
    })
    .await
    .map_err(RunError::Failed)?
    .pop()
    .unwrap_or(Ok(Vec::new()))?;
    phases.push(Phase::new("sequential", start, rec.now(), &sequential.iter().map(|d| d.1).collect::<Vec<_>>()));

    // rust-panel: begin
    let gil = Arc::new(Gil::new(gil_on, switch_interval_ms));
    rec.log(lanes[0], format!("{threads} threads start, {}", if gil_on { "sharing one GIL" } else { "with no GIL" }));
    let start = rec.now();
    let (thread_rec, thread_jobs, thread_gil, cancel) = (rec.clone(), jobs.clone(), Arc::clone(&gil), ctx.cancel.clone());
    let outcomes = spawn_all(threads, move |task| {
        let c = Holder { rec: &thread_rec, lane: lanes[task], task, gil: &thread_gil, cancel: &cancel };
        let done = c.run(thread_jobs[task]);
        if let Ok(d) = &done {
            let what = d.checksum.map_or("its I/O".to_string(), |c| format!("checksum {c:016x}"));
            thread_rec.log(lanes[task], format!("thread {} done: {what}", task + 1));
        }
        done.map(|d| (d, thread_rec.now()))
    })
    .await
    .map_err(RunError::Failed)?;
    let threaded: Vec<(Done, f64)> = outcomes.into_iter().collect::<Result<_, _>>()?;
    // rust-panel: end
    phases.push(Phase::new("threads", start, rec.now(), &threaded.iter().map(|d| d.1).collect::<Vec<_>>()));

    let matches = sequential.iter().zip(&threaded).all(|(a, b)| a.0.checksum == b.0.checksum);
    let responses: Vec<f64> = threaded.iter().flat_map(|d| d.0.response_ms.iter().copied()).collect();
    let mut stats = Map::new();
    stats.insert("matches_sequential".into(), json!(matches));
    phases.add_stats(&mut stats, &[("threads", "sequential")]);
    stats.insert("gil_handovers".into(), json!(gil.handovers()));
    if !responses.is_empty() {
        let mean = responses.iter().sum::<f64>() / responses.len() as f64;
        let worst = responses.iter().copied().fold(0.0, f64::max);
        stats.insert("io_response_ms".into(), json_ms(mean));
        stats.insert("io_response_max_ms".into(), json_ms(worst));
    }
    let value = json!({
        "checksums": threaded.iter().map(|d| d.0.checksum.map(|c| c.to_string())).collect::<Vec<_>>(),
        "phases": phases.to_json(),
    });
    Ok(rec.finish(DEMO.id, params.to_json(), ctx.build, value, stats))
}
