//! The demos, one file each, and the registry the JS API reads.
//!
//! A demo declares its parameters (`PARAMS`), a sequential answer to check itself
//! against, and an async `run` that records what every lane did.

use std::fmt;

use serde::Serialize;

use crate::cancel::{CancelToken, Cancelled};
use crate::params::{self, ParamError, ParamSchema, ParamSpec, Params, Raw};
use crate::trace::RunResult;

pub mod asyncio;
pub mod choosing;
pub mod concurrency_vs_parallelism;
pub mod excerpt;
pub use excerpt::Source;
pub mod executors;
pub mod gil;
pub mod io_vs_cpu;
mod phases;
pub use phases::{Timing, When};
pub mod pool_map;
pub mod processes;
pub mod python;
pub mod scraper;
pub mod threads;

pub struct Demo {
    pub id: &'static str,
    pub title: &'static str,
    /// Position in the lesson, from `concurrency-vs-parallelism` (1) to `choosing` (10).
    pub chapter: u8,
    /// Needs shared-memory threads: refused in the single build.
    pub needs_threads: bool,
    pub params: &'static [ParamSpec],
    pub timings: &'static [Timing],
    /// What to look for, shown above the demo's controls: the demo's `LESSON`.
    pub lesson: &'static str,
    /// Its own file, from which the page's Rust panel is cut (see `excerpt`); none for a
    /// demo whose program is a parameter (the page shows that program instead).
    pub source: Option<Source>,
}

pub const DEMOS: &[Demo] = &[
    Demo {
        id: "concurrency-vs-parallelism",
        title: "Concurrency vs parallelism",
        chapter: 1,
        needs_threads: false,
        params: concurrency_vs_parallelism::PARAMS,
        timings: concurrency_vs_parallelism::TIMINGS,
        lesson: concurrency_vs_parallelism::LESSON,
        source: Some(crate::demo_source!("concurrency_vs_parallelism.rs")),
    },
    Demo {
        id: "gil",
        title: "The GIL: one lock for all threads",
        chapter: 2,
        needs_threads: true,
        params: gil::PARAMS,
        timings: gil::TIMINGS,
        lesson: gil::LESSON,
        source: Some(crate::demo_source!("gil.rs")),
    },
    Demo {
        id: "io-vs-cpu",
        title: "I/O-bound vs CPU-bound work",
        chapter: 3,
        needs_threads: false,
        params: io_vs_cpu::PARAMS,
        timings: io_vs_cpu::TIMINGS,
        lesson: io_vs_cpu::LESSON,
        source: Some(crate::demo_source!("io_vs_cpu.rs")),
    },
    Demo {
        id: "threads",
        title: "Threads: start, sleep, join",
        chapter: 4,
        needs_threads: true,
        params: threads::PARAMS,
        timings: threads::TIMINGS,
        lesson: threads::LESSON,
        source: Some(crate::demo_source!("threads.rs")),
    },
    Demo {
        id: "asyncio",
        title: "asyncio: coroutines on one event loop",
        chapter: 5,
        needs_threads: false,
        params: asyncio::PARAMS,
        timings: asyncio::TIMINGS,
        lesson: asyncio::LESSON,
        source: Some(crate::demo_source!("asyncio.rs")),
    },
    Demo {
        id: "scraper",
        title: "A concurrent web scraper",
        chapter: 6,
        needs_threads: false,
        params: scraper::PARAMS,
        timings: scraper::TIMINGS,
        lesson: scraper::LESSON,
        source: Some(crate::demo_source!("scraper.rs")),
    },
    Demo {
        id: "processes",
        title: "Processes: separate memory",
        chapter: 7,
        needs_threads: false,
        params: processes::PARAMS,
        timings: processes::TIMINGS,
        lesson: processes::LESSON,
        source: Some(crate::demo_source!("processes.rs")),
    },
    Demo {
        id: "pool-map",
        title: "Pool.map: chunks of a picture",
        chapter: 8,
        needs_threads: false,
        params: pool_map::PARAMS,
        timings: pool_map::TIMINGS,
        lesson: pool_map::LESSON,
        source: Some(crate::demo_source!("pool_map.rs")),
    },
    Demo {
        id: "executors",
        title: "concurrent.futures: thread and process pools",
        chapter: 9,
        needs_threads: false,
        params: executors::PARAMS,
        timings: executors::TIMINGS,
        lesson: executors::LESSON,
        source: Some(crate::demo_source!("executors.rs")),
    },
    Demo {
        id: "choosing",
        title: "Choosing: which approach, measured",
        chapter: 10,
        needs_threads: false,
        params: choosing::PARAMS,
        timings: choosing::TIMINGS,
        lesson: choosing::LESSON,
        source: Some(crate::demo_source!("choosing.rs")),
    },
    Demo {
        id: "python",
        title: "Your own Python",
        chapter: 11,
        needs_threads: false,
        params: python::PARAMS,
        timings: python::TIMINGS,
        // Beside python.rs rather than in it: that file belongs to the Python engine's work.
        lesson: include_str!("python_lesson.txt"),
        source: None,
    },
];

/// What a run needs besides its parameters.
#[derive(Clone)]
pub struct RunContext {
    pub cancel: CancelToken,
    pub build: &'static str,
    /// Whether shared-memory threads exist in this build.
    pub has_threads: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RunError {
    UnknownDemo(String),
    Param(ParamError),
    NeedsThreads { demo: &'static str },
    /// One choice of a demo that otherwise runs anywhere, e.g. the scraper's thread mode.
    NeedsThreadsFor { demo: &'static str, what: String },
    Cancelled,
    Failed(String),
}

impl RunError {
    /// The JS `Error.name` the page sees.
    pub fn js_name(&self) -> &'static str {
        match self {
            RunError::UnknownDemo(_) | RunError::Param(_) => "ParamError",
            RunError::NeedsThreads { .. } | RunError::NeedsThreadsFor { .. } => "IsolationError",
            RunError::Cancelled => "AbortError",
            RunError::Failed(_) => "Error",
        }
    }
}

impl fmt::Display for RunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RunError::UnknownDemo(id) => {
                let ids: Vec<&str> = DEMOS.iter().map(|d| d.id).collect();
                let short: String = id.chars().take(40).collect();
                write!(f, "unknown demo \"{short}\"; the demos are: {}", ids.join(", "))
            }
            RunError::Param(e) => write!(f, "{e}"),
            RunError::NeedsThreads { demo } => write!(
                f,
                "the \"{demo}\" demo needs shared-memory threads, and this page is running the \
                 single-thread build (the threads build needs the page to be cross-origin isolated). \
                 Open the full playground to run it."
            ),
            RunError::NeedsThreadsFor { demo, what } => write!(
                f,
                "{what} of the \"{demo}\" demo needs shared-memory threads, and this page is running \
                 the single-thread build (the threads build needs the page to be cross-origin isolated). \
                 Choose another value, or open the full playground."
            ),
            RunError::Cancelled => write!(f, "the run was cancelled"),
            RunError::Failed(why) => write!(f, "the run failed: {why}"),
        }
    }
}

impl From<ParamError> for RunError {
    fn from(e: ParamError) -> Self {
        RunError::Param(e)
    }
}

impl From<Cancelled> for RunError {
    fn from(_: Cancelled) -> Self {
        RunError::Cancelled
    }
}

pub fn find(id: &str) -> Result<&'static Demo, RunError> {
    DEMOS
        .iter()
        .find(|d| d.id == id)
        .ok_or_else(|| RunError::UnknownDemo(id.to_string()))
}

/// Validates before anything runs, so a bad call costs nothing and changes nothing.
pub fn prepare(id: &str, given: &[(String, Raw)], ctx: &RunContext) -> Result<(&'static Demo, Params), RunError> {
    let demo = find(id)?;
    let params = params::validate(demo.id, demo.params, given)?;
    if demo.needs_threads && !ctx.has_threads {
        return Err(RunError::NeedsThreads { demo: demo.id });
    }
    Ok((demo, params))
}

pub async fn run(id: &str, given: &[(String, Raw)], ctx: RunContext) -> Result<RunResult, RunError> {
    let (demo, params) = prepare(id, given, &ctx)?;
    match demo.id {
        "concurrency-vs-parallelism" => concurrency_vs_parallelism::run(&params, &ctx).await,
        "gil" => gil::run(&params, &ctx).await,
        "io-vs-cpu" => io_vs_cpu::run(&params, &ctx).await,
        "threads" => threads::run(&params, &ctx).await,
        "asyncio" => asyncio::run(&params, &ctx).await,
        "scraper" => scraper::run(&params, &ctx).await,
        "processes" => processes::run(&params, &ctx).await,
        "pool-map" => pool_map::run(&params, &ctx).await,
        "executors" => executors::run(&params, &ctx).await,
        "choosing" => choosing::run(&params, &ctx).await,
        "python" => python::run(&params, &ctx).await,
        other => Err(RunError::UnknownDemo(other.to_string())),
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DemoSchema {
    id: &'static str,
    title: &'static str,
    chapter: u8,
    needs_threads: bool,
    params: Vec<ParamSchema>,
    timings: &'static [Timing],
    lesson: &'static str,
    /// The Rust panel: excerpts of the demo's own file ("" for none).
    rust: String,
}

/// `playground.demos()`: every demo with its parameter schema.
pub fn schemas() -> Vec<DemoSchema> {
    DEMOS
        .iter()
        .map(|d| DemoSchema {
            id: d.id,
            title: d.title,
            chapter: d.chapter,
            needs_threads: d.needs_threads,
            params: d.params.iter().map(ParamSchema::from).collect(),
            timings: d.timings,
            lesson: d.lesson.trim(),
            // A demo's markers are checked by the native tests: a broken one shows no panel.
            rust: d.source.map(|s| excerpt::panel(&s).unwrap_or_default()).unwrap_or_default(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_with_a_source_has_a_rust_panel_cut_from_it() {
        for demo in DEMOS {
            let Some(source) = demo.source else { continue };
            let panel = excerpt::panel(&source).unwrap_or_else(|e| panic!("{}: {e}", demo.id));
            let file: Vec<&str> = source.text.lines().map(str::trim).collect();
            for line in panel.lines().skip(1).filter(|l| *l != excerpt::GAP) {
                assert!(file.contains(&line.trim()), "{}: {line:?} is not in {}", demo.id, source.path);
            }
            // The panel shows where the parameters are read, so the page can show their values.
            for p in demo.params {
                assert!(panel.contains(&format!("(\"{}\")", p.name)), "{}: the panel never reads {}", demo.id, p.name);
            }
        }
    }
}
