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

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

use crate::cancel::{CancelToken, Cancelled};
use crate::clock;
use crate::trace::{LaneId, Recorder, SpanKind};

/// How much a thread computes between two checks of the drop request ("a few bytecodes").
const SLICE_MS: f64 = 0.1;

#[derive(Default)]
struct State {
    holder: Option<usize>,
    /// How many times the lock changed hands: lets a waiter tell whether anyone got it.
    handovers: u64,
}

pub struct Gil {
    enabled: bool,
    switch_interval_ms: f64,
    state: Mutex<State>,
    changed: Condvar,
    // Read by the holder after every slice, without taking the lock (CPython's eval breaker).
    drop_request: AtomicBool,
}

impl Gil {
    pub fn new(enabled: bool, switch_interval_ms: f64) -> Self {
        Gil {
            enabled,
            switch_interval_ms: switch_interval_ms.max(0.01),
            state: Mutex::default(),
            changed: Condvar::new(),
            drop_request: AtomicBool::new(false),
        }
    }

    pub fn enabled(&self) -> bool {
        self.enabled
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|poison| poison.into_inner())
    }

    fn wait<'a>(&'a self, guard: MutexGuard<'a, State>, ms: f64) -> MutexGuard<'a, State> {
        let timeout = Duration::from_secs_f64(ms.max(0.001) / 1000.0);
        self.changed
            .wait_timeout(guard, timeout)
            .unwrap_or_else(|poison| poison.into_inner())
            .0
    }

    /// Blocks until thread `who` holds the lock: at once when the GIL is off.
    pub fn acquire(&self, who: usize, cancel: &CancelToken) -> Result<(), Cancelled> {
        if !self.enabled {
            return Ok(());
        }
        let mut state = self.state();
        let mut since = clock::now_ms();
        let mut handovers_then = state.handovers;
        loop {
            cancel.check()?;
            if state.holder.is_none() {
                state.holder = Some(who);
                state.handovers += 1;
                self.drop_request.store(false, Ordering::SeqCst);
                return Ok(());
            }
            let left = self.switch_interval_ms - (clock::now_ms() - since);
            if left <= 0.0 {
                if state.handovers == handovers_then {
                    // A whole interval and the lock never moved: ask its holder to let go.
                    self.drop_request.store(true, Ordering::SeqCst);
                }
                since = clock::now_ms();
                handovers_then = state.handovers;
                continue;
            }
            state = self.wait(state, left);
        }
    }

    pub fn release(&self, who: usize) {
        if !self.enabled {
            return;
        }
        let mut state = self.state();
        if state.holder == Some(who) {
            state.holder = None;
        }
        drop(state);
        self.changed.notify_all();
    }

    /// Whether another thread has asked the holder to let go (checked between slices).
    pub fn drop_requested(&self) -> bool {
        self.enabled && self.drop_request.load(Ordering::Relaxed)
    }

    /// Releases the lock, waits until another thread has taken it, then competes again.
    pub fn hand_over(&self, who: usize, cancel: &CancelToken) -> Result<(), Cancelled> {
        let mut state = self.state();
        if state.holder == Some(who) {
            state.holder = None;
        }
        self.drop_request.store(false, Ordering::SeqCst);
        let handovers = state.handovers;
        self.changed.notify_all();
        let give_up_at = clock::now_ms() + self.switch_interval_ms;
        while state.handovers == handovers && state.holder.is_none() && clock::now_ms() < give_up_at {
            cancel.check()?;
            state = self.wait(state, give_up_at - clock::now_ms());
        }
        drop(state);
        self.acquire(who, cancel)
    }

    /// How many times the lock changed hands so far.
    pub fn handovers(&self) -> u64 {
        self.state().handovers
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
