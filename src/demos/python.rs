//! `python`: the learner's own program, run by the Python engine (`crates/python`) with
//! CPython's concurrency semantics: threads take turns under one GIL, switching where
//! CPython 3.11 does; asyncio is one event loop; blocking calls really wait.
//!
//! What to notice: the timeline is the program's own. A lane per Python thread (named as
//! the Thread is), `cpu` while it holds the GIL, `wait` while it waits for the GIL, a lock,
//! a queue or a join, `sleep` in `time.sleep`; an event-loop lane while `asyncio.run` runs,
//! with each `asyncio.sleep` drawn on it.
//!
//! The engine is large (a parser and an interpreter), so it is compiled only into the
//! `python` build (feature `python`), which the page loads when this demo first runs. The
//! schema is in every build, so the page can list and validate the demo before then.

use crate::params::ParamSpec;

use super::phases::Timing;

/// What the editor opens with: the tutorial's first threading program.
pub const DEFAULT_PROGRAM: &str = r#"import threading
import time


def numbers():
    for i in range(1, 6):
        print(i)
        time.sleep(0.1)


def letters():
    for letter in "abcde":
        print(letter)
        time.sleep(0.15)


t1 = threading.Thread(target=numbers)
t2 = threading.Thread(target=letters)
t1.start()
t2.start()
t1.join()
t2.join()
print("both threads are done")
"#;

/// The longest program accepted, in UTF-8 bytes.
pub const MAX_CODE_BYTES: usize = 64 * 1024;

pub const PARAMS: &[ParamSpec] = &[
    ParamSpec::text("code", MAX_CODE_BYTES, DEFAULT_PROGRAM, "The Python program to run (Python 3.11: threading, asyncio, queue, concurrent.futures, ...)."),
    ParamSpec::bool("gil", true, "Run Python threads under one global interpreter lock, as CPython does. Without it (free-threaded, as python3.13t) comes with processes and pools."),
    ParamSpec::int(
        "switch_interval_ms",
        1,
        100,
        5,
        "ms",
        "How long a thread may keep the GIL while another waits for it (sys.setswitchinterval).",
    ),
];

pub const TIMINGS: &[Timing] = &[];

#[cfg(feature = "python")]
pub use engine::run;

#[cfg(not(feature = "python"))]
pub async fn run(_params: &crate::params::Params, _ctx: &super::RunContext) -> Result<crate::trace::RunResult, super::RunError> {
    Err(super::RunError::Failed(
        "this build has no Python engine: the page loads the python build for this demo".into(),
    ))
}

#[cfg(feature = "python")]
mod engine {
    use python_engine::{Config, Host, Slice, Vm};
    use serde_json::{json, Map, Value};

    use super::super::{RunContext, RunError};
    use crate::cancel::CancelToken;
    use crate::models::event_loop::{sleep, yield_now};
    use crate::params::{ParamError, Params};
    use crate::trace::{json_ms, LaneKind, Recorder, RunResult, SpanKind};

    /// The engine's host: its clock is the run's, its lanes, spans and lines go to the trace.
    struct TraceHost {
        rec: Recorder,
        cancel: CancelToken,
    }

    impl Host for TraceHost {
        fn now_ms(&self) -> f64 {
            self.rec.now()
        }
        fn wall_ms(&self) -> f64 {
            crate::clock::now_ms()
        }
        fn cores(&self) -> usize {
            crate::params::cores_hint()
        }
        fn lane(&mut self, label: &str, kind: python_engine::LaneKind) -> usize {
            let kind = match kind {
                python_engine::LaneKind::Main => LaneKind::Main,
                python_engine::LaneKind::Thread => LaneKind::Thread,
                python_engine::LaneKind::EventLoop => LaneKind::EventLoop,
            };
            self.rec.lane(label, kind)
        }
        fn span(&mut self, lane: usize, kind: python_engine::SpanKind, start_ms: f64, end_ms: f64, label: &str, task: Option<usize>) {
            let kind = match kind {
                python_engine::SpanKind::Cpu => SpanKind::Cpu,
                python_engine::SpanKind::Wait => SpanKind::Wait,
                python_engine::SpanKind::Sleep => SpanKind::Sleep,
                python_engine::SpanKind::Io => SpanKind::Io,
            };
            self.rec.span(lane, kind, task, label, start_ms, end_ms);
        }
        fn log(&mut self, lane: usize, _t_ms: f64, text: &str, _stderr: bool) {
            self.rec.log(lane, text);
        }
        fn cancelled(&self) -> bool {
            self.cancel.is_cancelled()
        }
    }

    /// How long the engine runs before it lets the worker handle messages (Stop, progress).
    const SLICE_MS: f64 = 30.0;
    /// The longest it sleeps at once while every Python thread waits, so Stop is seen soon.
    const MAX_IDLE_MS: f64 = 50.0;

    pub async fn run(params: &Params, ctx: &RunContext) -> Result<RunResult, RunError> {
        if !params.flag("gil") {
            return Err(RunError::Param(ParamError {
                param: Some("gil".into()),
                message: "parameter \"gil\": free-threaded Python (gil: false) is not available yet; \
                          it comes with processes and pools. Run with gil: true."
                    .into(),
            }));
        }
        let code = params.text("code").to_string();
        let rec = Recorder::start();
        let host = TraceHost { rec: rec.clone(), cancel: ctx.cancel.clone() };
        let config = Config { switch_interval_ms: params.ms("switch_interval_ms"), ..Config::default() };
        let mut vm = Vm::new(Box::new(host), config);
        vm.load_main(&code);
        loop {
            if ctx.cancel.is_cancelled() {
                return Err(RunError::Cancelled);
            }
            match vm.run_slice(SLICE_MS) {
                Slice::Done => break,
                Slice::Ready => yield_now().await,
                Slice::IdleUntil(t) => sleep((t - vm.now()).clamp(0.0, MAX_IDLE_MS)).await,
                Slice::Deadlock => sleep(MAX_IDLE_MS).await,
            }
        }
        let error = match &vm.error {
            Some((ty, message, line)) => json!({ "type": ty, "message": message, "line": if *line > 0 { Value::from(*line) } else { Value::Null } }),
            None => Value::Null,
        };
        let value = json!({
            "stdout": vm.stdout,
            "stderr": vm.stderr,
            "exit_code": vm.exit_code,
            "error": error,
        });
        let mut stats = Map::new();
        stats.insert("gil_handovers".into(), Value::from(vm.gil_switches));
        stats.insert(
            "threads".into(),
            Value::from(
                vm.threads
                    .iter()
                    .map(|t| json!({ "name": t.name, "running_ms": json_ms(t.cpu_ms), "waiting_ms": json_ms(t.wait_ms) }))
                    .collect::<Vec<_>>(),
            ),
        );
        Ok(rec.finish("python", params.to_json(), ctx.build, value, stats))
    }
}
