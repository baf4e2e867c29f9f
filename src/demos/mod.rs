//! The demos, one file each, and the registry the JS API reads.
//!
//! A demo declares its parameters (`PARAMS`), a sequential answer to check itself
//! against, and an async `run` that records what every lane did.

use std::fmt;
use std::future::Future;
use std::pin::Pin;

use serde::Serialize;

use crate::params::{self, ParamError, ParamSchema, ParamSpec, Params, Raw};
use crate::platform::cancel::{CancelToken, Cancelled};
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
    /// The Python a learner would write for CPython; none for a demo whose program is a
    /// parameter.
    pub python: Option<Python>,
    /// Its own file, from which the page's Rust panel is cut (see `excerpt`); none for a
    /// demo whose program is a parameter (the page shows that program instead).
    pub source: Option<Source>,
    /// The ready-made exercise of its chapter, listed on the page.
    pub exercise: Option<Exercise>,
    /// Runs it with validated parameters: its trace, or why not.
    pub run: RunFn,
}

/// A ready-made exercise: a link like the ones a teacher makes with "Make an exercise"
/// (www/ui/exercise.js reads them).
#[derive(Clone, Copy, Serialize)]
pub struct Exercise {
    pub title: &'static str,
    /// The link's query after `demo=<id>`: the parameters and what to predict.
    pub query: &'static str,
    /// The question, in words; none: the page asks its own for what is predicted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<&'static str>,
}

/// A whole Python program whose parameters are constants at its top, one line each:
/// `NAME = value` for the parameter `name`, written with its default (`os.cpu_count()`
/// for a default of this machine's cores). The page replaces each value with the current
/// one (www/ui/code.js), so the program shows, and runs with, what the demo runs.
#[derive(Clone, Copy)]
pub struct Python {
    pub program: &'static str,
    pub runnable: Runnable,
    /// Parameters of this demo that the python demo's run takes as its own, by the same
    /// name, when the program is opened there: the gil demo's `gil`, so that a program
    /// shown for `gil = false` runs free-threaded (a program cannot turn its
    /// interpreter's GIL off). Published as `python.run_params`.
    pub run_params: &'static [&'static str],
}

/// Whether the program runs unchanged in CPython printing what the demo prints, and in
/// the python demo: then the page offers "Edit as Python".
#[derive(Clone, Copy)]
pub enum Runnable {
    Always,
    Never,
    /// Only for this value of a choice.
    When(When),
    /// Only while the number parameter `param` is at most `max`: beyond it the program
    /// computes for minutes (Python does in seconds what the demo's Rust does in
    /// milliseconds). The page shows the button disabled, with `why`.
    UpTo { param: &'static str, max: u64, why: &'static str },
}

impl Runnable {
    /// Whether the program runs with these parameter values (`params` as validated).
    pub fn runs_with(&self, params: &serde_json::Value) -> bool {
        match self {
            Runnable::Always => true,
            Runnable::Never => false,
            Runnable::When(when) => params[when.param] == when.value,
            Runnable::UpTo { param, max, .. } => params[*param].as_f64().is_some_and(|v| v <= *max as f64),
        }
    }
}

impl Serialize for Runnable {
    /// `true`, `false`, `{ param, value }` or `{ param, max, why }`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct UpTo {
            param: &'static str,
            max: u64,
            why: &'static str,
        }
        match self {
            Runnable::Always => s.serialize_bool(true),
            Runnable::Never => s.serialize_bool(false),
            Runnable::When(when) => when.serialize(s),
            Runnable::UpTo { param, max, why } => UpTo { param, max: *max, why }.serialize(s),
        }
    }
}

#[derive(Serialize)]
struct PythonSchema {
    program: &'static str,
    runnable: Runnable,
    run_params: &'static [&'static str],
}

/// A demo's `run`, boxed so that every demo's fits one field of the registry.
pub type RunFn = for<'a> fn(&'a Params, &'a RunContext) -> Pin<Box<dyn Future<Output = Result<RunResult, RunError>> + 'a>>;

/// Every demo, in chapter order: each file declares its own entry (`DEMO`).
pub const DEMOS: &[Demo] = &[
    concurrency_vs_parallelism::DEMO,
    gil::DEMO,
    io_vs_cpu::DEMO,
    threads::DEMO,
    asyncio::DEMO,
    scraper::DEMO,
    processes::DEMO,
    pool_map::DEMO,
    executors::DEMO,
    choosing::DEMO,
    PYTHON_DEMO,
];

/// The python demo's entry, kept here: its file belongs to the Python engine's work.
const PYTHON_DEMO: Demo = Demo {
    id: "python",
    title: "Your own Python",
    chapter: 11,
    needs_threads: false,
    params: python::PARAMS,
    timings: python::TIMINGS,
    // Beside python.rs rather than in it, for the same reason.
    lesson: include_str!("python_lesson.txt"),
    python: None,
    source: None,
    exercise: Some(Exercise {
        title: "counter += 1 in four threads",
        // The "counter" example of www/ui/python-examples.js, compressed as links carry programs
        // (tests/e2e/python-editor.test.mjs checks that it still is that example).
        query: "code=MQAgwgCgngLgFgewHYgMwDoCMmQGcDuAljAMZwCmuI8ATuQIYAmVyANlCPTCCeTTPUIoADgiEwqAChL1WrXABoQrBAmEgARvRIBrALTlGAc0oBKBQChQScgDc%2Bm8jHzlyKeORB0mnJI2oUIPg0xJ4IAGYgAEQkCACuSDAOANQAvCCYUQBcAYRUsQC2lCDx3OQAHtrcQlYgwjRVhLxKGnHcHsr0SEZx9CYgjAjFSAjc9QgFeZ7E6CAAqrie9CAAMgi6QRQoxCAFXEk0uOi1c4lNOtFGhKxRvv40CSA7fYJIOeF05Hq0DIyGIJJ6FRhLBEEgMJhUDBzAFPOF4jQAt5mJxGIxalxYXh6EVqIRccgQFAETwEHRFHcQHFhIwuMUTNwVLgYMd8aJ%2BEjfkIjBYLLEEgcQOkAAy8ix-SL8xKSGD4sxZCwgJUgIwqLSsUkCviK5XwxEAfSeKAa3XIMrluFMCuVNs1iRS6UwYp%2BTCo6QA2i7GNz0AAVODImX0GgM1JSmBKYNGXCpSQAJgArML9cLUwpTKYQHqQIahF4uiZJAAWUwAXQs2eq7gDv1w1uVLOZwZgklMFbJ1CNnNd9aVLIAVmIkK2LPVxJJwlEKsJyCQkv5MKml8KlEZRiAAN7hvgAXyibaAA&predict=stdout",
        question: Some("Four threads each run counter += 1 a quarter of a million times, with no lock, under the GIL. What does the program print?"),
    }),
    run: |params, ctx| Box::pin(python::run(params, ctx)),
};

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
    (demo.run)(&params, &ctx).await
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
    /// The Python panel: `{ program, runnable, run_params }`, or null.
    python: Option<PythonSchema>,
    /// The Rust panel: excerpts of the demo's own file ("" for none).
    rust: String,
    exercise: Option<Exercise>,
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
            python: d.python.map(|p| PythonSchema { program: p.program, runnable: p.runnable, run_params: p.run_params }),
            // A demo's markers are checked by the native tests: a broken one shows no panel.
            rust: d.source.map(|s| excerpt::panel(&s).unwrap_or_default()).unwrap_or_default(),
            exercise: d.exercise,
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
            // The panel shows where the parameters are read, so the page can show their
            // values beside them (on the first line that names each, www/ui/code.js).
            let words: Vec<&str> = panel.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).collect();
            for p in demo.params {
                assert!(words.contains(&p.name), "{}: the panel never names {}", demo.id, p.name);
            }
        }
    }

    /// `NAME = value` in a demo's Python: the value, without a trailing comment.
    fn constant<'a>(program: &'a str, name: &str) -> Vec<&'a str> {
        let prefix = format!("{} = ", name.to_uppercase());
        program
            .lines()
            .filter_map(|l| l.strip_prefix(&prefix))
            .map(|v| v.split("  #").next().unwrap_or(v).trim())
            .collect()
    }

    #[test]
    fn every_python_program_sets_each_parameter_once_with_its_default() {
        use crate::params::{Kind, DEFAULT_CORES};
        for demo in DEMOS {
            let Some(python) = demo.python else { continue };
            for p in demo.params {
                let values = constant(python.program, p.name);
                let expected = match p.kind {
                    Kind::Int { default, .. } if default == DEFAULT_CORES => "os.cpu_count()".to_string(),
                    Kind::Int { default, .. } | Kind::Urls { default, .. } => default.to_string(),
                    Kind::Bool { default } => if default { "True" } else { "False" }.to_string(),
                    Kind::Choice { default, .. } => format!("\"{default}\""),
                    Kind::Text { .. } => continue,
                };
                // Python writes large numbers with underscores; the page writes plain digits.
                let digits = |v: &str| v.chars().all(|c| c.is_ascii_digit() || c == '_');
                let values: Vec<String> = values.iter().map(|v| if digits(v) { v.replace('_', "") } else { v.to_string() }).collect();
                assert_eq!(values, [expected], "{}: {} in its Python", demo.id, p.name.to_uppercase());
            }
        }
    }

    #[test]
    fn every_python_program_is_python() {
        // CPython parses each one (it is on every machine the corpus tests run on).
        for demo in DEMOS {
            let Some(python) = demo.python else { continue };
            let out = std::process::Command::new("python3")
                .args(["-c", "import ast, sys; ast.parse(sys.argv[1])", python.program])
                .output()
                .expect("python3");
            assert!(out.status.success(), "{}: {}", demo.id, String::from_utf8_lossy(&out.stderr));
        }
    }
}
