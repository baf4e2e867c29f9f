//! Isolated "processes": each is a dedicated Worker with its own instance of the single
//! (non-shared) wasm build, so nothing in memory is shared. A task and its result cross
//! as JSON text (the analogue of pickling) by postMessage (a copy); the trace shows what
//! that costs as `overhead` spans: starting the process, sending, receiving.
//!
//! A `Process` is terminated when dropped, so a cancelled run (whose future is dropped)
//! leaves no worker behind.

use std::cell::Cell;
use std::rc::Rc;

use futures::future::join_all;

use crate::trace::{LaneId, Recorder, SpanKind};

/// What one task sent to a process came back with: its output and, on the process's
/// own clock (aligned to ours), when it started and finished the work.
pub struct Reply {
    pub output: String,
    pub started_at_ms: f64,
    pub done_at_ms: f64,
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::cell::RefCell;

    use futures::channel::mpsc;
    use futures::StreamExt;
    use js_sys::{Object, Reflect};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    use super::Reply;

    pub struct Process {
        worker: web_sys::Worker,
        inbox: RefCell<mpsc::UnboundedReceiver<Result<JsValue, String>>>,
        _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
        _on_error: Closure<dyn FnMut(web_sys::ErrorEvent)>,
    }

    fn field(v: &JsValue, name: &str) -> JsValue {
        Reflect::get(v, &name.into()).unwrap_or(JsValue::UNDEFINED)
    }

    impl Process {
        /// Starts a worker and waits until it has loaded its own wasm instance.
        pub async fn start() -> Result<Process, String> {
            let url = crate::platform::url::absolute("process-worker.js");
            let options = web_sys::WorkerOptions::new();
            options.set_type(web_sys::WorkerType::Module);
            let worker = web_sys::Worker::new_with_options(&url, &options)
                .map_err(|e| format!("cannot start a process worker: {e:?}"))?;
            let (sender, inbox) = mpsc::unbounded();
            let errors = sender.clone();
            let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                let _ = sender.unbounded_send(Ok(e.data()));
            });
            let on_error = Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |e: web_sys::ErrorEvent| {
                e.prevent_default();
                let _ = errors.unbounded_send(Err(format!("the process failed: {}", e.message())));
            });
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            let process = Process { worker, inbox: RefCell::new(inbox), _on_message: on_message, _on_error: on_error };
            let ready = process.receive().await?;
            if field(&ready, "type").as_string().as_deref() != Some("ready") {
                return Err("the process did not start".into());
            }
            Ok(process)
        }

        // One call at a time per process: a pool gives each process one task at a time.
        async fn receive(&self) -> Result<JsValue, String> {
            let mut inbox = self.inbox.borrow_mut();
            inbox.next().await.unwrap_or_else(|| Err("the process ended".into()))
        }

        pub async fn call(&self, task: &str, input: String) -> Result<Reply, String> {
            let message = Object::new();
            let _ = Reflect::set(&message, &"task".into(), &task.into());
            let _ = Reflect::set(&message, &"input".into(), &input.into());
            self.worker
                .post_message(&message)
                .map_err(|e| format!("cannot send to the process: {e:?}"))?;
            let reply = self.receive().await?;
            let time = |name| field(&reply, name).as_f64().unwrap_or(0.0);
            match field(&reply, "type").as_string().as_deref() {
                Some("done") => Ok(Reply {
                    output: field(&reply, "output").as_string().unwrap_or_default(),
                    started_at_ms: time("got"),
                    done_at_ms: time("done"),
                }),
                _ => Err(field(&reply, "error").as_string().unwrap_or_else(|| "the task failed".into())),
            }
        }
    }

    impl Drop for Process {
        fn drop(&mut self) {
            self.worker.terminate();
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::Reply;

    /// Natively there are no Workers; the process demos run in the browser tests.
    pub struct Process;

    impl Process {
        pub async fn start() -> Result<Process, String> {
            Err("processes need a browser: each one is a Web Worker".into())
        }

        pub async fn call(&self, _task: &str, _input: String) -> Result<Reply, String> {
            Err("processes need a browser: each one is a Web Worker".into())
        }
    }
}

pub use imp::Process;

/// Starts a process for `lane`, tracing the start as an `overhead` span.
pub async fn start_traced(rec: &Recorder, lane: LaneId) -> Result<Process, String> {
    let from = rec.now();
    let process = Process::start().await?;
    rec.span(lane, SpanKind::Overhead, None, "start process (new Worker + load wasm)", from, rec.now());
    Ok(process)
}

/// Starts one process per lane, all at once.
pub async fn start_pool(rec: &Recorder, lanes: &[LaneId]) -> Result<Vec<Process>, String> {
    join_all(lanes.iter().map(|lane| start_traced(rec, *lane))).await.into_iter().collect()
}

/// One task for a process: what to run, and how to show it.
pub struct Job {
    pub task: &'static str,
    pub input: String,
    pub label: String,
    /// How the work itself shows: `Cpu` for computing, `Sleep` for waiting.
    pub kind: SpanKind,
}

/// Sends `job` to `process` and traces the round trip: sending (pickling + copying), the
/// work on the process's own clock, receiving. Returns the output text.
pub async fn call_traced(rec: &Recorder, lane: LaneId, task: usize, process: &Process, job: &Job) -> Result<String, String> {
    let sent = rec.now();
    let reply = process.call(job.task, job.input.clone()).await?;
    let got = rec.now();
    // Clocks of two workers agree to a fraction of a millisecond; keep the spans ordered.
    let started = rec.at(reply.started_at_ms).clamp(sent, got);
    let done = rec.at(reply.done_at_ms).clamp(started, got);
    rec.span(lane, SpanKind::Overhead, Some(task), format!("send {}", job.label), sent, started);
    rec.span(lane, job.kind, Some(task), job.label.clone(), started, done);
    rec.span(lane, SpanKind::Overhead, Some(task), format!("receive {}", job.label), done, got);
    Ok(reply.output)
}

/// A process pool: each process takes the next job from one queue until it is empty
/// (Pool.map / ProcessPoolExecutor). Outputs come back in job order.
pub async fn map_on_pool(rec: &Recorder, pool: &[Process], lanes: &[LaneId], jobs: &[Job]) -> Result<Vec<String>, String> {
    let next = Rc::new(Cell::new(0usize));
    let per_process = join_all(pool.iter().zip(lanes).map(|(process, lane)| {
        let next = Rc::clone(&next);
        async move {
            let mut done = Vec::new();
            loop {
                let i = next.get();
                if i >= jobs.len() {
                    return Ok::<_, String>(done);
                }
                next.set(i + 1);
                done.push((i, call_traced(rec, *lane, i, process, &jobs[i]).await?));
            }
        }
    }))
    .await;
    let mut slots: Vec<Option<String>> = vec![None; jobs.len()];
    for result in per_process {
        for (i, output) in result? {
            slots[i] = Some(output);
        }
    }
    slots
        .into_iter()
        .enumerate()
        .map(|(i, s)| s.ok_or_else(|| format!("job {} was never run", i + 1)))
        .collect()
}
