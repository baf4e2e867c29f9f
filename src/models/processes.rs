//! Isolated "processes": each is a dedicated Worker with its own instance of the single
//! (non-shared) wasm build, so nothing in memory is shared. A task and its result cross
//! as JSON text (the analogue of pickling) by postMessage (a copy); the trace shows what
//! that costs as `overhead` spans: starting the process, sending, receiving.
//!
//! A `Process` is terminated when dropped, so a cancelled run (whose future is dropped)
//! leaves no worker behind.

use std::cell::Cell;
use std::collections::VecDeque;

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

        // One receiver at a time per process: replies come back in the order tasks were sent.
        async fn receive(&self) -> Result<JsValue, String> {
            let mut inbox = self.inbox.borrow_mut();
            inbox.next().await.unwrap_or_else(|| Err("the process ended".into()))
        }

        /// Queues a task at the process; its reply comes from `reply`, in sending order.
        pub fn send(&self, task: &str, input: String) -> Result<(), String> {
            let message = Object::new();
            let _ = Reflect::set(&message, &"task".into(), &task.into());
            let _ = Reflect::set(&message, &"input".into(), &input.into());
            self.worker
                .post_message(&message)
                .map_err(|e| format!("cannot send to the process: {e:?}"))
        }

        /// The reply to the oldest task sent and not yet answered.
        pub async fn reply(&self) -> Result<Reply, String> {
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

        pub fn send(&self, _task: &str, _input: String) -> Result<(), String> {
            Err("processes need a browser: each one is a Web Worker".into())
        }

        pub async fn reply(&self) -> Result<Reply, String> {
            Err("processes need a browser: each one is a Web Worker".into())
        }
    }
}

pub use imp::Process;

impl Process {
    /// Sends one task and waits for its reply.
    pub async fn call(&self, task: &str, input: String) -> Result<Reply, String> {
        self.send(task, input)?;
        self.reply().await
    }
}

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

/// How many tasks a pool's process holds beyond the one it runs. As CPython's
/// ProcessPoolExecutor queues one call more than it has workers, the next task is already in
/// a process's inbox when it finishes one: the round trip back to the pool's owner is not
/// paid between tasks (with 0, 64 empty tasks on 2 processes took about twice as long).
const QUEUED_PER_PROCESS: usize = 1;

/// A process pool: each process takes the next job from one queue until it is empty
/// (Pool.map / ProcessPoolExecutor). Outputs come back in job order.
pub async fn map_on_pool(rec: &Recorder, pool: &[Process], lanes: &[LaneId], jobs: &[Job]) -> Result<Vec<String>, String> {
    let next = Cell::new(0usize);
    let take = || {
        let i = next.get();
        (i < jobs.len()).then(|| {
            next.set(i + 1);
            i
        })
    };
    let per_process = join_all(pool.iter().zip(lanes).map(|(process, lane)| {
        let take = &take;
        async move {
            let mut done = Vec::new();
            let mut in_flight = VecDeque::new();
            let mut lane_trace = PoolLane { lane: *lane, previous: None };
            loop {
                while in_flight.len() <= QUEUED_PER_PROCESS {
                    let Some(i) = take() else { break };
                    let job = &jobs[i];
                    in_flight.push_back((i, rec.now()));
                    process.send(job.task, job.input.clone())?;
                }
                let Some((i, sent)) = in_flight.pop_front() else { break };
                let reply = process.reply().await?;
                lane_trace.record(rec, i, &jobs[i], sent, &reply, rec.now());
                done.push((i, reply.output));
            }
            lane_trace.finish(rec);
            Ok::<_, String>(done)
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

/// The spans of one pool process. With tasks queued ahead, a task's message waits in the
/// process's inbox while the one before runs, and a result travels back while the next one
/// runs: the lane shows what the process spent its time on, without overlaps. The gap
/// between two tasks is the previous result's "receive" until the pool got it (or the next
/// task started), then the next task's "send" (taking it from the inbox).
struct PoolLane {
    lane: LaneId,
    /// The task before, whose receive span waits for the next task's start: (task, label,
    /// done, got).
    previous: Option<(usize, String, f64, f64)>,
}

impl PoolLane {
    fn record(&mut self, rec: &Recorder, task: usize, job: &Job, sent: f64, reply: &Reply, got: f64) {
        // Clocks of two workers agree to a fraction of a millisecond; keep the spans ordered.
        let free_from = self.previous.as_ref().map_or(sent, |p| p.2.max(sent));
        let started = rec.at(reply.started_at_ms).clamp(free_from, got.max(free_from));
        let done = rec.at(reply.done_at_ms).clamp(started, got.max(started));
        let send_from = match self.previous.take() {
            Some((task, label, done, got)) => {
                let received = got.clamp(done, started);
                rec.span(self.lane, SpanKind::Overhead, Some(task), format!("receive {label}"), done, received);
                received.max(sent)
            }
            None => sent,
        };
        rec.span(self.lane, SpanKind::Overhead, Some(task), format!("send {}", job.label), send_from.min(started), started);
        rec.span(self.lane, job.kind, Some(task), job.label.clone(), started, done);
        self.previous = Some((task, job.label.clone(), done, got));
    }

    fn finish(&mut self, rec: &Recorder) {
        if let Some((task, label, done, got)) = self.previous.take() {
            rec.span(self.lane, SpanKind::Overhead, Some(task), format!("receive {label}"), done, got);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trace::LaneKind;

    /// A pool process's lane, fed the times of tasks queued ahead: the spans follow one
    /// another without overlapping, and each task's work is where the process said.
    #[test]
    fn a_pipelined_lane_shows_each_moment_once() {
        let rec = Recorder::start();
        let lane = rec.lane("process 1", LaneKind::Process);
        let mut trace = PoolLane { lane, previous: None };
        let job = |i: usize| Job { task: "sleep", input: String::new(), label: format!("task {i}"), kind: SpanKind::Sleep };
        // (sent, started, done, got): tasks 0 and 1 sent at once; task 1 starts before the
        // pool has task 0's result; task 2 is sent after that result, and waits for it.
        let times = [(0.0, 1.0, 3.0, 4.5), (0.1, 3.4, 5.0, 6.0), (4.6, 5.2, 7.0, 7.5)];
        for (i, (sent, started, done, got)) in times.into_iter().enumerate() {
            let reply = Reply { output: String::new(), started_at_ms: rec.epoch(started), done_at_ms: rec.epoch(done) };
            trace.record(&rec, i, &job(i), sent, &reply, got);
        }
        trace.finish(&rec);
        let spans = rec.spans();
        let shown: Vec<(String, f64, f64)> = spans.iter().map(|s| (s.label.clone(), s.start_ms, s.end_ms)).collect();
        let expect = [
            ("send task 0", 0.0, 1.0),
            ("task 0", 1.0, 3.0),
            ("receive task 0", 3.0, 3.4),
            ("send task 1", 3.4, 3.4),
            ("task 1", 3.4, 5.0),
            ("receive task 1", 5.0, 5.2),
            ("send task 2", 5.2, 5.2),
            ("task 2", 5.2, 7.0),
            ("receive task 2", 7.0, 7.5),
        ];
        assert_eq!(shown.len(), expect.len(), "{shown:?}");
        for ((label, start, end), (want, from, to)) in shown.iter().zip(expect) {
            assert_eq!(label, want);
            assert!((start - from).abs() < 1e-3 && (end - to).abs() < 1e-3, "{label}: {start}..{end}, expected {from}..{to}");
        }
    }
}
