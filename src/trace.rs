//! The trace every run returns: lanes, spans and printed lines on one time line.
//!
//! A `Recorder` is cheap to clone and safe to share with worker threads; every
//! demo records through it, and `finish` turns it into the `RunResult` the page draws.

use std::cell::Cell;
use std::sync::{Arc, Mutex, MutexGuard};

use serde::Serialize;
use serde_json::{Map, Value};

use crate::platform::clock;

#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum LaneKind {
    Main,
    EventLoop,
    Thread,
    Process,
}

#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum SpanKind {
    /// Computing.
    Cpu,
    /// Waiting on a network or disk answer.
    Io,
    /// Sleeping on a timer.
    Sleep,
    /// Blocked on a lock, a queue or a join.
    Wait,
    /// Spawning, serialising, transferring.
    Overhead,
}

pub type LaneId = usize;

#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Lane {
    pub id: LaneId,
    pub label: String,
    pub kind: LaneKind,
}

#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Span {
    pub lane: LaneId,
    pub kind: SpanKind,
    pub start_ms: f64,
    pub end_ms: f64,
    pub task: Option<usize>,
    pub label: String,
}

#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Log {
    pub lane: LaneId,
    pub t_ms: f64,
    pub text: String,
}

#[derive(Serialize, Clone, Debug)]
pub struct RunResult {
    pub demo: String,
    pub params: Value,
    pub build: &'static str,
    pub wall_ms: f64,
    pub lanes: Vec<Lane>,
    pub spans: Vec<Span>,
    pub logs: Vec<Log>,
    pub value: Value,
    pub stats: Map<String, Value>,
}

#[derive(Default)]
struct Recorded {
    lanes: Vec<Lane>,
    spans: Vec<Span>,
    logs: Vec<Log>,
}

/// The run being recorded, for `live`: runs are one at a time per engine.
static LIVE: Mutex<Option<Recorder>> = Mutex::new(None);

/// What the current run has recorded so far, from span `spans_from` and line `logs_from`
/// on (what the caller has not seen yet): the page draws the run while it goes. Spans
/// appear when they end, in the order they ended.
#[derive(Serialize, Debug)]
pub struct LiveTrace {
    pub t_ms: f64,
    pub lanes: Vec<Lane>,
    pub spans: Vec<Span>,
    pub logs: Vec<Log>,
}

pub fn live(spans_from: usize, logs_from: usize) -> Option<LiveTrace> {
    let rec = LIVE.lock().unwrap_or_else(|poison| poison.into_inner()).clone()?;
    let t_ms = rec.now();
    let data = rec.data();
    Some(LiveTrace {
        t_ms,
        lanes: data.lanes.clone(),
        spans: data.spans.get(spans_from..).unwrap_or_default().to_vec(),
        logs: data.logs.get(logs_from..).unwrap_or_default().to_vec(),
    })
}

/// The run has ended: nothing is live until the next one starts.
pub fn end_live() {
    *LIVE.lock().unwrap_or_else(|poison| poison.into_inner()) = None;
}

thread_local! {
    static AFTER_RECORD: Cell<Option<fn()>> = const { Cell::new(None) };
}

/// Calls `hook` after every span or line that this thread records (None: stop). While a
/// demo computes on the engine's own thread no timer can fire there, so this is how the
/// engine sends the live trace during such a stretch. Other threads never call it.
pub fn after_record_on_this_thread(hook: Option<fn()>) {
    AFTER_RECORD.with(|h| h.set(hook));
}

fn recorded() {
    if let Some(hook) = AFTER_RECORD.with(Cell::get) {
        hook();
    }
}

#[derive(Clone)]
pub struct Recorder {
    origin_ms: f64,
    data: Arc<Mutex<Recorded>>,
}

impl Recorder {
    /// Starts the run's clock: every time recorded is milliseconds from this moment. The
    /// newest recorder is the one `live` reads while its run goes.
    pub fn start() -> Self {
        let rec = Recorder {
            origin_ms: clock::now_ms(),
            data: Arc::default(),
        };
        *LIVE.lock().unwrap_or_else(|poison| poison.into_inner()) = Some(rec.clone());
        rec
    }

    fn data(&self) -> MutexGuard<'_, Recorded> {
        self.data.lock().unwrap_or_else(|poison| poison.into_inner())
    }

    /// Milliseconds since the run started.
    pub fn now(&self) -> f64 {
        (clock::now_ms() - self.origin_ms).max(0.0)
    }

    /// A moment given on the shared clock (epoch ms, e.g. reported by another worker), as
    /// milliseconds since the run started.
    pub fn at(&self, epoch_ms: f64) -> f64 {
        (epoch_ms - self.origin_ms).max(0.0)
    }

    /// The inverse of `at`: a moment of this run on the shared clock (tests feed replies).
    #[cfg(test)]
    pub fn epoch(&self, run_ms: f64) -> f64 {
        self.origin_ms + run_ms
    }

    pub fn lane(&self, label: impl Into<String>, kind: LaneKind) -> LaneId {
        let mut data = self.data();
        let id = data.lanes.len();
        data.lanes.push(Lane {
            id,
            label: label.into(),
            kind,
        });
        id
    }

    pub fn span(
        &self,
        lane: LaneId,
        kind: SpanKind,
        task: Option<usize>,
        label: impl Into<String>,
        start_ms: f64,
        end_ms: f64,
    ) {
        self.data().spans.push(Span {
            lane,
            kind,
            start_ms,
            end_ms: end_ms.max(start_ms),
            task,
            label: label.into(),
        });
        recorded();
    }

    /// Runs `work` and records it as one span of `kind` on `lane`.
    pub fn timed<T>(
        &self,
        lane: LaneId,
        kind: SpanKind,
        task: Option<usize>,
        label: impl Into<String>,
        work: impl FnOnce() -> T,
    ) -> T {
        let start = self.now();
        let out = work();
        self.span(lane, kind, task, label, start, self.now());
        out
    }

    /// A copy of the spans recorded so far, for demos that report on their own trace.
    pub fn spans(&self) -> Vec<Span> {
        self.data().spans.clone()
    }

    /// Total time of the spans of `kind` recorded so far, over all lanes.
    pub fn total(&self, kind: SpanKind) -> f64 {
        self.data().spans.iter().filter(|s| s.kind == kind).map(|s| s.end_ms - s.start_ms).sum()
    }

    /// A line the demo printed, stamped with the moment it was printed.
    pub fn log(&self, lane: LaneId, text: impl Into<String>) {
        let t_ms = self.now();
        self.data().logs.push(Log {
            lane,
            t_ms,
            text: text.into(),
        });
        recorded();
    }

    /// Closes the run: logs in time order, `wall_ms` to the last span's end, `cpu_ms` summed.
    pub fn finish(
        self,
        demo: &str,
        params: Value,
        build: &'static str,
        value: Value,
        mut stats: Map<String, Value>,
    ) -> RunResult {
        let Recorded {
            lanes,
            mut spans,
            mut logs,
        } = std::mem::take(&mut *self.data());
        // Stable sorts: lines printed in the same instant keep the order they were recorded in.
        logs.sort_by(|a, b| a.t_ms.total_cmp(&b.t_ms));
        spans.sort_by(|a, b| a.start_ms.total_cmp(&b.start_ms));
        let last_event = spans
            .iter()
            .map(|s| s.end_ms)
            .chain(logs.iter().map(|l| l.t_ms))
            .fold(0.0, f64::max);
        let wall_ms = last_event;
        let cpu_ms: f64 = spans
            .iter()
            .filter(|s| s.kind == SpanKind::Cpu)
            .map(|s| s.end_ms - s.start_ms)
            .sum();
        stats.insert("cpu_ms".into(), json_ms(cpu_ms));
        RunResult {
            demo: demo.to_string(),
            params,
            build,
            wall_ms,
            lanes,
            spans,
            logs,
            value,
            stats,
        }
    }
}

/// Milliseconds rounded to microseconds: finer digits are clock noise.
pub fn json_ms(ms: f64) -> Value {
    Value::from((ms * 1000.0).round() / 1000.0)
}
