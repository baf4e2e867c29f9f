//! `python`: the learner's own program, run by the Python engine (`crates/python`) with
//! CPython's concurrency semantics: each Python thread a real thread (in the threads
//! build) taking turns under one GIL, switching where CPython 3.11 does, or in parallel
//! without it (`gil: false`); asyncio is one event loop; blocking calls really wait.
//!
//! What to notice: the timeline is the program's own. A lane per Python thread (named as
//! the Thread is), `cpu` while it holds the GIL, `wait` while it waits for the GIL, a lock,
//! a queue or a join, `sleep` in `time.sleep`; an event-loop lane while `asyncio.run` runs,
//! with each `asyncio.sleep` drawn on it.
//!
//! The engine is large (a parser and an interpreter), so it is compiled only into the
//! `python` and `python-threads` builds (feature `python`), which the page loads when this
//! demo first runs. The
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
    ParamSpec::bool(
        "gil",
        true,
        "Run Python threads under one global interpreter lock, as CPython does. Off: free-threaded, as python3.13t: threads run Python in parallel on the cores (needs the threads build).",
    ),
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
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    use python_engine::{Config, Host, Slice, Vm};
    use serde_json::{json, Map, Value};

    use super::super::{RunContext, RunError};
    use crate::cancel::CancelToken;
    use crate::models::event_loop::{sleep, yield_now};
    use crate::params::{ParamError, Params};
    use crate::trace::{json_ms, LaneKind, Recorder, RunResult, SpanKind};

    /// Where Python threads can be real threads: natively (tests) and in the threads build.
    const REAL_THREADS: bool = cfg!(any(feature = "threads", not(target_arch = "wasm32")));

    /// Python threads alive on real threads, across runs: a stopped run's threads take a
    /// moment to notice, and the next run waits for them to give their Workers back.
    static LIVE_THREADS: AtomicUsize = AtomicUsize::new(0);

    /// The engine's host: its clock is the run's, its lanes, spans and lines go to the trace.
    struct TraceHost {
        rec: Recorder,
        cancel: CancelToken,
        /// The engine's own address (taken on the engine thread): relative URLs in
        /// `requests.get` resolve against it, so "/sim/page/3" is the playground's page.
        base_url: String,
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
        fn lane(&self, label: &str, kind: python_engine::LaneKind) -> usize {
            let kind = match kind {
                python_engine::LaneKind::Main => LaneKind::Main,
                python_engine::LaneKind::Thread => LaneKind::Thread,
                python_engine::LaneKind::EventLoop => LaneKind::EventLoop,
                python_engine::LaneKind::Process => LaneKind::Process,
            };
            self.rec.lane(label, kind)
        }
        fn span(&self, lane: usize, kind: python_engine::SpanKind, start_ms: f64, end_ms: f64, label: &str, task: Option<usize>) {
            let kind = match kind {
                python_engine::SpanKind::Cpu => SpanKind::Cpu,
                python_engine::SpanKind::Wait => SpanKind::Wait,
                python_engine::SpanKind::Sleep => SpanKind::Sleep,
                python_engine::SpanKind::Io => SpanKind::Io,
                python_engine::SpanKind::Overhead => SpanKind::Overhead,
            };
            self.rec.span(lane, kind, task, label, start_ms, end_ms);
        }
        fn log(&self, lane: usize, _t_ms: f64, text: &str, _stderr: bool) {
            self.rec.log(lane, text);
        }
        fn cancelled(&self) -> bool {
            self.cancel.is_cancelled()
        }
        fn spawn(&self, body: Box<dyn FnOnce() + Send>) -> Result<(), String> {
            spawn_python_thread(body)
        }
        fn http_get(&self, url: &str) -> Result<python_engine::HttpResponse, String> {
            let page = crate::workloads::fetch::get_text_blocking(&crate::platform::url::resolve(url, &self.base_url))?;
            Ok(python_engine::HttpResponse { status: page.status, url: page.url, body: page.body })
        }
    }

    /// Starts a real thread for a Python thread: a pool Worker in the browser (each Python
    /// thread holds one for its whole life, as an OS thread would), an OS thread natively.
    fn spawn_python_thread(body: Box<dyn FnOnce() + Send>) -> Result<(), String> {
        if !REAL_THREADS {
            return Err("this page runs the single build (it is not cross-origin isolated), which has no Workers sharing memory to run it on".into());
        }
        let body = move || {
            body();
            LIVE_THREADS.fetch_sub(1, Ordering::SeqCst);
        };
        if cfg!(target_arch = "wasm32") {
            let capacity = crate::models::threads::pool_size();
            if LIVE_THREADS.fetch_add(1, Ordering::SeqCst) >= capacity {
                LIVE_THREADS.fetch_sub(1, Ordering::SeqCst);
                return Err(format!("this page runs at most {capacity} Python threads at once, a Worker each, and all are running"));
            }
            rayon::spawn(body);
            Ok(())
        } else {
            LIVE_THREADS.fetch_add(1, Ordering::SeqCst);
            std::thread::Builder::new().stack_size(16 << 20).spawn(body).map(|_| ()).map_err(|e| {
                LIVE_THREADS.fetch_sub(1, Ordering::SeqCst);
                e.to_string()
            })
        }
    }

    /// How long the engine runs before it lets the worker handle messages (Stop, progress).
    const SLICE_MS: f64 = 30.0;
    /// The longest it sleeps at once while every Python thread waits, so Stop is seen soon.
    const MAX_IDLE_MS: f64 = 50.0;
    /// How long a run waits for a stopped run's threads to end before it starts anyway.
    const DRAIN_MS: f64 = 2000.0;

    pub async fn run(params: &Params, ctx: &RunContext) -> Result<RunResult, RunError> {
        let gil = params.flag("gil");
        if !gil && !REAL_THREADS {
            return Err(RunError::Param(ParamError {
                param: Some("gil".into()),
                message: "parameter \"gil\": free-threaded Python (gil: false) runs Python threads in parallel on \
                          Workers that share memory, and this page has none (it is not cross-origin isolated, so \
                          it runs the single build). Run with gil: true, or open the playground where it is isolated."
                    .into(),
            }));
        }
        let code = params.text("code").to_string();
        let rec = Recorder::start();
        // The page sits one folder above the engine worker (www/engine-worker.js).
        let base_url = crate::platform::url::absolute("..");
        let host = Arc::new(TraceHost { rec: rec.clone(), cancel: ctx.cancel.clone(), base_url });
        let config = Config { switch_interval_ms: params.ms("switch_interval_ms"), threads: REAL_THREADS, gil, ..Config::default() };
        let mut vm = Vm::new(host, config);
        vm.load_main(&code);
        let vm = if REAL_THREADS { run_on_threads(vm, ctx).await? } else { run_in_turns(vm, ctx).await? };
        if ctx.cancel.is_cancelled() {
            return Err(RunError::Cancelled);
        }
        let error = match vm.error() {
            Some((ty, message, line)) => json!({ "type": ty, "message": message, "line": if line > 0 { Value::from(line) } else { Value::Null } }),
            None => Value::Null,
        };
        let value = json!({
            "stdout": vm.stdout(),
            "stderr": vm.stderr(),
            "exit_code": vm.exit_code(),
            "error": error,
        });
        let mut stats = Map::new();
        stats.insert("gil_handovers".into(), Value::from(vm.gil_switches()));
        stats.insert("real_threads".into(), Value::from(vm.shared.real_threads));
        stats.insert("gil".into(), Value::from(vm.shared.gil_enabled()));
        let processes = python_engine::shared::lock(&vm.shared.run.processes).clone();
        stats.insert(
            "processes".into(),
            Value::from(processes.iter().map(|p| json!({ "name": p.name, "pid": p.pid, "exitcode": p.exitcode })).collect::<Vec<_>>()),
        );
        stats.insert(
            "threads".into(),
            Value::from(
                vm.shared
                    .threads()
                    .iter()
                    .map(|t| json!({ "name": t.name, "running_ms": json_ms(t.cpu_ms), "waiting_ms": json_ms(t.wait_ms) }))
                    .collect::<Vec<_>>(),
            ),
        );
        Ok(rec.finish("python", params.to_json(), ctx.build, value, stats))
    }

    /// Every Python thread takes turns on this (the engine's) thread: the single build.
    async fn run_in_turns(mut vm: Vm, ctx: &RunContext) -> Result<Vm, RunError> {
        loop {
            if ctx.cancel.is_cancelled() {
                return Err(RunError::Cancelled);
            }
            match vm.run_slice(SLICE_MS) {
                Slice::Done => return Ok(vm),
                Slice::Ready => yield_now().await,
                Slice::IdleUntil(t) => sleep((t - vm.now()).clamp(0.0, MAX_IDLE_MS)).await,
                Slice::Deadlock => sleep(MAX_IDLE_MS).await,
            }
        }
    }

    /// Each Python thread on a real thread of its own, the main one included: the engine's
    /// thread only waits, so it stays free for Stop and progress.
    async fn run_on_threads(vm: Vm, ctx: &RunContext) -> Result<Vm, RunError> {
        let mut waited = 0.0;
        while LIVE_THREADS.load(Ordering::SeqCst) > 0 && waited < DRAIN_MS {
            sleep(10.0).await;
            waited += 10.0;
        }
        let (done, finished) = futures::channel::oneshot::channel();
        let main = Box::new(move || {
            let mut vm = vm;
            if !vm.finished {
                vm.run_main_to_end();
            }
            let _ = done.send(vm);
        });
        spawn_python_thread(main).map_err(|e| RunError::Failed(format!("the Python main thread could not start: {e}")))?;
        let vm = finished.await.map_err(|_| RunError::Failed("the Python main thread ended without a result".into()))?;
        if ctx.cancel.is_cancelled() {
            return Err(RunError::Cancelled);
        }
        Ok(vm)
    }
}
