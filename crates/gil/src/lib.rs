//! A global interpreter lock, for real: one lock in shared memory that a thread must
//! hold to run, handed over the way CPython's has been since 3.2.
//!
//! A thread that wants the lock waits up to the switch interval; if no other thread got
//! the lock in that time, it sets a drop request. The holder checks the request at its
//! eval breaker, releases the lock, and then waits until another thread has actually
//! taken it before competing again (CPython's FORCE_SWITCHING), so the requester is not
//! beaten to it by the thread that just let go. Turned off, it is the free-threaded
//! build: acquiring and releasing do nothing.
//!
//! The clock and the cancellation check are the caller's (`Env`): the playground's demos
//! and the Python engine each run on their own clock.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

/// What the lock needs from where it runs.
pub trait Env {
    /// Milliseconds on a monotonic clock.
    fn now_ms(&self) -> f64;
    /// Whether the waiting thread should give up (the run was stopped).
    fn cancelled(&self) -> bool;
}

/// The wait was given up because `Env::cancelled` said so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancelled;

#[derive(Default)]
struct State {
    holder: Option<usize>,
    /// How many times the lock was taken: lets a waiter tell whether anyone got it.
    handovers: u64,
    /// Who took it last, and how many times it went to another thread than that.
    last: Option<usize>,
    changed_hands: u64,
}

pub struct Gil {
    enabled: bool,
    /// The switch interval in ms, as f64 bits (settable while threads run, as
    /// `sys.setswitchinterval` does).
    switch_interval: AtomicU64,
    state: Mutex<State>,
    changed: Condvar,
    // Read by the holder at its eval breaker, without taking the lock.
    drop_request: AtomicBool,
}

/// The longest a waiter sleeps before it looks at `Env::cancelled` again.
const CANCEL_POLL_MS: f64 = 20.0;

impl Gil {
    pub fn new(enabled: bool, switch_interval_ms: f64) -> Self {
        Gil {
            enabled,
            switch_interval: AtomicU64::new(switch_interval_ms.max(0.01).to_bits()),
            state: Mutex::default(),
            changed: Condvar::new(),
            drop_request: AtomicBool::new(false),
        }
    }

    pub fn enabled(&self) -> bool {
        self.enabled
    }

    pub fn switch_interval_ms(&self) -> f64 {
        f64::from_bits(self.switch_interval.load(Ordering::Relaxed))
    }

    pub fn set_switch_interval_ms(&self, ms: f64) {
        self.switch_interval.store(ms.max(0.001).to_bits(), Ordering::Relaxed);
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|poison| poison.into_inner())
    }

    fn wait<'a>(&'a self, guard: MutexGuard<'a, State>, ms: f64) -> MutexGuard<'a, State> {
        let timeout = Duration::from_secs_f64(ms.clamp(0.001, CANCEL_POLL_MS) / 1000.0);
        self.changed.wait_timeout(guard, timeout).unwrap_or_else(|poison| poison.into_inner()).0
    }

    /// Blocks until thread `who` holds the lock: at once when the GIL is off.
    pub fn acquire(&self, who: usize, env: &dyn Env) -> Result<(), Cancelled> {
        if !self.enabled {
            return Ok(());
        }
        let mut state = self.state();
        let mut since = env.now_ms();
        let mut handovers_then = state.handovers;
        loop {
            if env.cancelled() {
                return Err(Cancelled);
            }
            if state.holder.is_none() {
                state.holder = Some(who);
                state.handovers += 1;
                if state.last.is_some_and(|last| last != who) {
                    state.changed_hands += 1;
                }
                state.last = Some(who);
                self.drop_request.store(false, Ordering::SeqCst);
                return Ok(());
            }
            let left = self.switch_interval_ms() - (env.now_ms() - since);
            if left <= 0.0 {
                if state.handovers == handovers_then {
                    // A whole interval and the lock never moved: ask its holder to let go.
                    self.drop_request.store(true, Ordering::SeqCst);
                }
                since = env.now_ms();
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

    /// Whether another thread has asked the holder to let go (checked at the eval breaker).
    #[inline]
    pub fn drop_requested(&self) -> bool {
        self.enabled && self.drop_request.load(Ordering::Relaxed)
    }

    /// Releases the lock, waits until another thread has taken it, then competes again.
    pub fn hand_over(&self, who: usize, env: &dyn Env) -> Result<(), Cancelled> {
        self.let_go(who, env)?;
        self.acquire(who, env)
    }

    /// Releases the lock and waits (up to a switch interval) until another thread has
    /// taken it, so that the one that asked gets it, not the one that let go.
    pub fn let_go(&self, who: usize, env: &dyn Env) -> Result<(), Cancelled> {
        if !self.enabled {
            return Ok(());
        }
        let mut state = self.state();
        if state.holder == Some(who) {
            state.holder = None;
        }
        self.drop_request.store(false, Ordering::SeqCst);
        let handovers = state.handovers;
        self.changed.notify_all();
        let give_up_at = env.now_ms() + self.switch_interval_ms();
        while state.handovers == handovers && state.holder.is_none() && env.now_ms() < give_up_at {
            if env.cancelled() {
                return Err(Cancelled);
            }
            state = self.wait(state, give_up_at - env.now_ms());
        }
        Ok(())
    }

    /// How many times the lock was taken so far.
    pub fn handovers(&self) -> u64 {
        self.state().handovers
    }

    /// How many times it went from one thread to another (taken back by the thread that
    /// had it last does not count).
    pub fn changed_hands(&self) -> u64 {
        self.state().changed_hands
    }

    /// Who holds the lock now, if anyone (for tests and assertions).
    pub fn holder(&self) -> Option<usize> {
        self.state().holder
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;
    use std::sync::Arc;
    use std::time::Instant;

    struct Clock(Instant);
    impl Env for Clock {
        fn now_ms(&self) -> f64 {
            self.0.elapsed().as_secs_f64() * 1000.0
        }
        fn cancelled(&self) -> bool {
            false
        }
    }

    #[test]
    fn never_held_by_two_threads_and_handed_over_on_request() {
        let gil = Arc::new(Gil::new(true, 1.0));
        let inside = Arc::new(AtomicUsize::new(0));
        let handles: Vec<_> = (0..3)
            .map(|who| {
                let (gil, inside) = (gil.clone(), inside.clone());
                std::thread::spawn(move || {
                    let env = Clock(Instant::now());
                    gil.acquire(who, &env).unwrap();
                    let mut turns = 0;
                    let start = Instant::now();
                    while start.elapsed() < Duration::from_millis(60) {
                        assert_eq!(inside.fetch_add(1, Ordering::SeqCst), 0, "two holders at once");
                        inside.fetch_sub(1, Ordering::SeqCst);
                        if gil.drop_requested() {
                            gil.hand_over(who, &env).unwrap();
                            turns += 1;
                        }
                    }
                    gil.release(who);
                    turns
                })
            })
            .collect();
        let turns: usize = handles.into_iter().map(|h| h.join().unwrap()).sum();
        assert!(turns > 0, "nobody ever asked for the lock");
        assert!(gil.handovers() as usize > 3);
    }

    #[test]
    fn off_means_free_threaded() {
        let gil = Gil::new(false, 5.0);
        let env = Clock(Instant::now());
        gil.acquire(1, &env).unwrap();
        gil.acquire(2, &env).unwrap();
        assert_eq!(gil.holder(), None);
        assert!(!gil.drop_requested());
    }
}
