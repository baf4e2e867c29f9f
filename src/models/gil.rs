//! A global interpreter lock, for real: one lock in shared memory that a thread must
//! hold to compute, handed over the way CPython's has been since 3.2.
//!
//! A thread that wants the lock waits up to the switch interval; if no other thread got
//! the lock in that time, it sets a drop request. The holder checks the request between
//! small slices of work ("bytecodes"), releases the lock, and then waits until another
//! thread has actually taken it before competing again (CPython's FORCE_SWITCHING), so
//! the requester is not beaten to it by the thread that just let go. Sleeping or waiting
//! on I/O happens with the lock released. Turned off, it is the free-threaded build:
//! acquiring and releasing do nothing.

use crate::platform::cancel::{CancelToken, Cancelled};
use crate::platform::clock;
use crate::trace::{LaneId, Recorder, SpanKind};

/// How much a thread computes between two checks of the drop request ("a few bytecodes").
const SLICE_MS: f64 = 0.1;

/// The lock itself is the one the Python engine's threads take (crates/gil); here it runs
/// on the playground's clock and gives up when the run is cancelled.
pub struct Gil(gil::Gil);

struct RunEnv<'a>(&'a CancelToken);

impl gil::Env for RunEnv<'_> {
    fn now_ms(&self) -> f64 {
        clock::now_ms()
    }
    fn cancelled(&self) -> bool {
        self.0.is_cancelled()
    }
}

impl Gil {
    pub fn new(enabled: bool, switch_interval_ms: f64) -> Self {
        Gil(gil::Gil::new(enabled, switch_interval_ms))
    }

    pub fn enabled(&self) -> bool {
        self.0.enabled()
    }

    /// Blocks until thread `who` holds the lock: at once when the GIL is off.
    pub fn acquire(&self, who: usize, cancel: &CancelToken) -> Result<(), Cancelled> {
        self.0.acquire(who, &RunEnv(cancel)).map_err(|_| Cancelled)
    }

    pub fn release(&self, who: usize) {
        self.0.release(who)
    }

    /// Whether another thread has asked the holder to let go (checked between slices).
    pub fn drop_requested(&self) -> bool {
        self.0.drop_requested()
    }

    /// Releases the lock, waits until another thread has taken it, then competes again.
    pub fn hand_over(&self, who: usize, cancel: &CancelToken) -> Result<(), Cancelled> {
        self.0.hand_over(who, &RunEnv(cancel)).map_err(|_| Cancelled)
    }

    /// How many times the lock changed hands so far.
    pub fn handovers(&self) -> u64 {
        self.0.handovers()
    }
}

/// One thread's view of the lock while it works, tracing what it does: computing while
/// holding the lock, waiting for it, waiting on I/O with it released.
pub struct Holder<'a> {
    pub rec: &'a Recorder,
    pub lane: LaneId,
    /// Who holds the lock: distinct for every thread.
    pub task: usize,
    pub gil: &'a Gil,
    pub cancel: &'a CancelToken,
}

impl Holder<'_> {
    /// Waits for the lock, recording the wait; returns how long it took.
    pub fn take_gil(&self) -> Result<f64, Cancelled> {
        let from = self.rec.now();
        let got = self.gil.acquire(self.task, self.cancel);
        let to = self.rec.now();
        if self.gil.enabled() {
            self.rec.span(self.lane, SpanKind::Wait, Some(self.task), "waiting for the GIL", from, to);
        }
        got.map(|_| to - from)
    }

    /// Computes `work` holding the lock, a slice at a time, handing it over when asked.
    pub fn compute(&self, work: crate::workloads::cpu::Work) -> Result<u64, Cancelled> {
        let label = if self.gil.enabled() { "computing, holding the GIL" } else { "computing" };
        let slice = crate::workloads::cpu::iterations_for(SLICE_MS).max(1);
        let mut from = self.rec.now();
        let mut progress = work.start();
        while !progress.is_done() {
            progress.step(slice);
            if self.cancel.is_cancelled() {
                self.gil.release(self.task);
                return Err(Cancelled);
            }
            if self.gil.drop_requested() {
                let now = self.rec.now();
                self.rec.span(self.lane, SpanKind::Cpu, Some(self.task), label, from, now);
                let handed = self.gil.hand_over(self.task, self.cancel);
                from = self.rec.now();
                self.rec.span(self.lane, SpanKind::Wait, Some(self.task), "handed the GIL over, waiting to get it back", now, from);
                handed?;
            }
        }
        self.rec.span(self.lane, SpanKind::Cpu, Some(self.task), label, from, self.rec.now());
        Ok(progress.checksum())
    }

    /// One request: the lock is released while waiting, and must be taken back after.
    pub fn io(&self, ms: f64) -> Result<f64, Cancelled> {
        self.gil.release(self.task);
        let from = self.rec.now();
        let slept = self.cancel.sleep_blocking(ms);
        self.rec.span(self.lane, SpanKind::Io, Some(self.task), "waiting on I/O (GIL released)", from, self.rec.now());
        slept?;
        self.take_gil()
    }
}
