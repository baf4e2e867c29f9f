//! What the engine needs from where it runs: a clock, a place for output, and a recorder
//! for the trace. The browser build records into the playground's trace; tests record
//! into memory.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LaneKind {
    Main,
    Thread,
    EventLoop,
    /// A child process's main thread.
    Process,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpanKind {
    /// Running Python code (holding the GIL).
    Cpu,
    /// Blocked: on the GIL, a lock, a queue, a join (the label says which).
    Wait,
    Sleep,
    Io,
    /// Starting a process, pickling what crosses to it.
    Overhead,
}

pub trait Host: Send + Sync {
    /// Milliseconds on a monotonic clock (the run's clock).
    fn now_ms(&self) -> f64;
    /// A new lane; returns its index.
    fn lane(&self, label: &str, kind: LaneKind) -> usize;
    fn span(&self, lane: usize, kind: SpanKind, start_ms: f64, end_ms: f64, label: &str, task: Option<usize>);
    /// One printed line (without its newline), tied to the lane that printed it.
    fn log(&self, lane: usize, t_ms: f64, text: &str, stderr: bool);
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
    /// Runs `body` on a new thread of its own (a real thread: a Worker sharing memory in
    /// the browser). Err says why none could be started; then Python threads take turns
    /// on the caller's thread instead.
    fn spawn(&self, body: Box<dyn FnOnce() + Send>) -> Result<(), String> {
        drop(body);
        Err("this host has no threads".into())
    }
    /// A blocking HTTP GET (`requests.get`); the calling thread does not hold the GIL.
    /// Err says why it failed (no network, refused, timed out).
    fn http_get(&self, url: &str) -> Result<HttpResponse, String> {
        Err(format!("no network here: cannot fetch {url}"))
    }
}

/// What an HTTP GET gave back.
pub struct HttpResponse {
    pub status: u16,
    /// Where it came from, after redirects.
    pub url: String,
    pub body: String,
}

/// A host that keeps everything in memory: for native tests and the CLI.
/// A host that keeps everything in memory: for native tests and the CLI. Python threads
/// are OS threads when `Config::threads` says so; child processes always are.
#[derive(Default)]
pub struct MemoryHost {
    pub record: std::sync::Mutex<Record>,
    start: Option<std::time::Instant>,
}

#[derive(Default, Clone)]
pub struct Record {
    pub lanes: Vec<(String, LaneKind)>,
    pub spans: Vec<(usize, SpanKind, f64, f64, String)>,
    pub logs: Vec<(usize, f64, String, bool)>,
}

impl MemoryHost {
    pub fn new() -> Self {
        MemoryHost { start: Some(std::time::Instant::now()), ..Default::default() }
    }
    pub fn with_threads() -> Self {
        MemoryHost::new()
    }
    fn rec(&self) -> std::sync::MutexGuard<'_, Record> {
        self.record.lock().unwrap_or_else(|p| p.into_inner())
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
    fn lane(&self, label: &str, kind: LaneKind) -> usize {
        let mut r = self.rec();
        r.lanes.push((label.to_string(), kind));
        r.lanes.len() - 1
    }
    fn span(&self, lane: usize, kind: SpanKind, start_ms: f64, end_ms: f64, label: &str, _task: Option<usize>) {
        self.rec().spans.push((lane, kind, start_ms, end_ms, label.to_string()));
    }
    fn log(&self, lane: usize, t_ms: f64, text: &str, stderr: bool) {
        self.rec().logs.push((lane, t_ms, text.to_string(), stderr));
    }
    fn spawn(&self, body: Box<dyn FnOnce() + Send>) -> Result<(), String> {
        // Without `threads` Python threads take turns (Config::threads is off), but a child
        // process still gets an OS thread of its own.
        std::thread::Builder::new().stack_size(64 << 20).spawn(body).map(|_| ()).map_err(|e| e.to_string())
    }
}
