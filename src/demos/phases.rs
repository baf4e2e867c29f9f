//! Demos that compare ways of running the same tasks run them as phases, one after
//! another in one trace, and measure each against a sequential phase.

use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::trace::json_ms;

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
