//! What the engine needs from where it runs: a clock, a place for output, and a recorder
//! for the trace. The browser build records into the playground's trace; tests record
//! into memory.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LaneKind {
    Main,
    Thread,
    EventLoop,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpanKind {
    /// Running Python code (holding the GIL).
    Cpu,
    /// Blocked: on the GIL, a lock, a queue, a join (the label says which).
    Wait,
    Sleep,
    Io,
}

pub trait Host {
    /// Milliseconds on a monotonic clock (the run's clock).
    fn now_ms(&self) -> f64;
    /// A new lane; returns its index.
    fn lane(&mut self, label: &str, kind: LaneKind) -> usize;
    fn span(&mut self, lane: usize, kind: SpanKind, start_ms: f64, end_ms: f64, label: &str, task: Option<usize>);
    /// One printed line (without its newline), tied to the lane that printed it.
    fn log(&mut self, lane: usize, t_ms: f64, text: &str, stderr: bool);
    /// Milliseconds since the Unix epoch (for `time.time()`).
    fn wall_ms(&self) -> f64 {
        self.now_ms()
    }
    /// How many cores this machine has (`os.cpu_count()`).
    fn cores(&self) -> usize {
        2
    }
    /// Has the run been cancelled (Stop)?
    fn cancelled(&self) -> bool {
        false
    }
}

/// A host that keeps everything in memory: for native tests and the CLI.
#[derive(Default)]
pub struct MemoryHost {
    pub lanes: Vec<(String, LaneKind)>,
    pub spans: Vec<(usize, SpanKind, f64, f64, String)>,
    pub logs: Vec<(usize, f64, String, bool)>,
    start: Option<std::time::Instant>,
}

impl MemoryHost {
    pub fn new() -> Self {
        MemoryHost { start: Some(std::time::Instant::now()), ..Default::default() }
    }
}

impl Host for MemoryHost {
    fn now_ms(&self) -> f64 {
        self.start.map(|s| s.elapsed().as_secs_f64() * 1000.0).unwrap_or(0.0)
    }
    fn wall_ms(&self) -> f64 {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs_f64() * 1000.0).unwrap_or(0.0)
    }
    fn cores(&self) -> usize {
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2)
    }
    fn lane(&mut self, label: &str, kind: LaneKind) -> usize {
        self.lanes.push((label.to_string(), kind));
        self.lanes.len() - 1
    }
    fn span(&mut self, lane: usize, kind: SpanKind, start_ms: f64, end_ms: f64, label: &str, _task: Option<usize>) {
        self.spans.push((lane, kind, start_ms, end_ms, label.to_string()));
    }
    fn log(&mut self, lane: usize, t_ms: f64, text: &str, stderr: bool) {
        self.logs.push((lane, t_ms, text.to_string(), stderr));
    }
}
