//! Demos that compare ways of running the same tasks run them as phases, one after
//! another in one trace, and measure each against a sequential phase.

use std::future::Future;

use serde::Serialize;
use serde_json::{json, Map, Value};

use super::{RunContext, RunError};
use crate::models::threads::pool_cpu;
use crate::trace::{json_ms, LaneId, Recorder};
use crate::workloads::cpu::Work;

/// What a phase of CPU-bound tasks gives back: each task's checksum and when it finished.
pub type Done = (u64, f64);

pub fn checksums(done: &[Done]) -> Vec<u64> {
    done.iter().map(|(c, _)| *c).collect()
}

pub fn done_times(done: &[Done]) -> Vec<f64> {
    done.iter().map(|(_, t)| *t).collect()
}

/// Says on `lane` that `what` did not run because this build has no shared-memory threads.
pub fn log_skipped(rec: &Recorder, lane: LaneId, what: &str) {
    rec.log(lane, format!("{what} skipped: it needs shared-memory threads (the threads build)"));
}

/// A time a run reports as `<name>_ms` in its stats, declared ahead of any run so that a
/// page can say what a demo measures (an exercise asks about one) before it runs.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Timing {
    pub name: &'static str,
    /// Measured only where shared-memory threads exist (the threads build, native).
    pub needs_threads: bool,
    /// Measured only when this choice parameter has this value (`mode` = `async`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<When>,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct When {
    pub param: &'static str,
    pub value: &'static str,
}

impl Timing {
    pub const fn always(name: &'static str) -> Self {
        Timing { name, needs_threads: false, when: None }
    }

    pub const fn with_threads(name: &'static str) -> Self {
        Timing { name, needs_threads: true, when: None }
    }

    pub const fn when(self, param: &'static str, value: &'static str) -> Self {
        Timing { when: Some(When { param, value }), ..self }
    }
}

pub struct Phase {
    pub name: &'static str,
    pub start_ms: f64,
    pub end_ms: f64,
    /// When each task finished, from the phase's start.
    pub finished_ms: Vec<f64>,
}

impl Phase {
    /// `finished_at` are run times (from `Recorder::now`); stored relative to the phase.
    pub fn new(name: &'static str, start_ms: f64, end_ms: f64, finished_at: &[f64]) -> Self {
        Phase {
            name,
            start_ms,
            end_ms,
            finished_ms: finished_at.iter().map(|t| t - start_ms).collect(),
        }
    }

    pub fn wall_ms(&self) -> f64 {
        self.end_ms - self.start_ms
    }

    fn first_done(&self) -> f64 {
        self.finished_ms.iter().copied().fold(f64::INFINITY, f64::min)
    }
}

#[derive(Default)]
pub struct Phases(Vec<Phase>);

impl Phases {
    pub fn push(&mut self, phase: Phase) {
        self.0.push(phase);
    }

    /// Runs `tasks` (CPU-bound tasks, not started until awaited here) as phase `name`:
    /// timed from now to their end, with when each task finished.
    pub async fn cpu<E>(&mut self, rec: &Recorder, name: &'static str, tasks: impl Future<Output = Result<Vec<Done>, E>>) -> Result<Vec<Done>, E> {
        let start = rec.now();
        let done = tasks.await?;
        self.push(Phase::new(name, start, rec.now(), &done_times(&done)));
        Ok(done)
    }

    /// Runs `tasks` (waits, each giving when it ended) as phase `name`.
    pub async fn io(&mut self, rec: &Recorder, name: &'static str, tasks: impl Future<Output = Vec<f64>>) {
        let start = rec.now();
        let done = tasks.await;
        self.push(Phase::new(name, start, rec.now(), &done));
    }

    /// `works` on a pool of threads, one per lane of `lanes`, as phase `name`: whether
    /// every checksum equals `answer` (the sequential phase's). In a build without
    /// shared-memory threads nothing runs, `skipped_on` says so, and nothing differs.
    #[allow(clippy::too_many_arguments)] // each is one thing the phase needs; a struct would only rename them
    pub async fn cpu_on_threads(
        &mut self,
        rec: &Recorder,
        ctx: &RunContext,
        name: &'static str,
        lanes: &[LaneId],
        works: &[Work],
        answer: &[u64],
        skipped_on: LaneId,
    ) -> Result<bool, RunError> {
        if !ctx.has_threads {
            log_skipped(rec, skipped_on, &format!("{} phase", name.replace('_', " ")));
            return Ok(true);
        }
        let on_pool = async {
            // The pool failing to start is the run failing; a task's cancellation is a cancel.
            let each = pool_cpu(rec, lanes, works, &ctx.cancel).await.map_err(RunError::Failed)?;
            each.into_iter().collect::<Result<Vec<Done>, _>>().map_err(RunError::from)
        };
        let done = self.cpu(rec, name, on_pool).await?;
        Ok(checksums(&done) == answer)
    }

    pub fn get(&self, name: &str) -> Option<&Phase> {
        self.0.iter().find(|p| p.name == name)
    }

    /// `speedup` of `name` over `baseline`: how many times faster, measured in this run.
    pub fn speedup(&self, name: &str, baseline: &str) -> Option<f64> {
        let (p, b) = (self.get(name)?, self.get(baseline)?);
        (p.wall_ms() > 0.0).then(|| b.wall_ms() / p.wall_ms())
    }

    /// `<phase>_ms` for every phase, `speedup_<phase>` against its baseline.
    pub fn add_stats(&self, stats: &mut Map<String, Value>, baselines: &[(&str, &str)]) {
        for p in &self.0 {
            stats.insert(format!("{}_ms", p.name), json_ms(p.wall_ms()));
        }
        for (name, baseline) in baselines {
            if let Some(s) = self.speedup(name, baseline) {
                stats.insert(format!("speedup_{name}"), json!((s * 100.0).round() / 100.0));
            }
        }
    }

    /// The phases as data for the page: wall time and when the first and last task finished.
    pub fn to_json(&self) -> Value {
        Value::Array(
            self.0
                .iter()
                .map(|p| {
                    json!({
                        "name": p.name,
                        "start_ms": json_ms(p.start_ms),
                        "wall_ms": json_ms(p.wall_ms()),
                        "first_done_ms": json_ms(p.first_done()),
                        "finished_ms": p.finished_ms.iter().map(|t| json_ms(*t)).collect::<Vec<_>>(),
                    })
                })
                .collect(),
        )
    }
}
