//! Where a blocked thread (real threads: a Worker) sleeps until what it waits for may have
//! happened. A thread waiting for a lock sleeps on that lock's key, one waiting for a queue
//! on the queue's, and a change wakes only the threads sleeping on its key's stripe.
//!
//! Why not one condition variable for everything: every lock released and every item put
//! woke every blocked thread of every process, each to look, find nothing and sleep again.
//! A process pool's task made some forty such wake-ups, most of its cost.

use std::sync::{Condvar, Mutex};
use std::time::Duration;

use crate::shared::lock;

/// What a blocked thread waits for, as far as waking it goes. Keys of different kinds
/// never collide; two keys may share a stripe (then both kinds of waiter wake).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// A lock (its address: the same `Arc<LockObj>` in every process that has it).
    Lock(usize),
    /// A multiprocessing queue, by id.
    Channel(usize),
    /// A thread's end (`join`), by thread id.
    Thread(u64),
    /// A process's exit, by pid.
    Process(u64),
    /// The main thread waiting for the other threads to end, and anything else: woken by
    /// any thread's end and by `notify_all`.
    Other,
}

const STRIPES: usize = 64;

struct Stripe {
    seq: Mutex<u64>,
    changed: Condvar,
}

pub struct Wakeups {
    stripes: Vec<Stripe>,
}

impl Default for Wakeups {
    fn default() -> Self {
        Wakeups { stripes: (0..STRIPES).map(|_| Stripe { seq: Mutex::new(0), changed: Condvar::new() }).collect() }
    }
}

impl Key {
    fn stripe(self) -> usize {
        let (kind, n) = match self {
            Key::Lock(a) => (1u64, (a >> 4) as u64),
            Key::Channel(id) => (2, id as u64),
            Key::Thread(id) => (3, id),
            Key::Process(pid) => (4, pid),
            Key::Other => (5, 0),
        };
        // Fibonacci hashing: neighbouring ids and addresses land on different stripes.
        let h = (n ^ (kind << 58)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> 58) as usize % STRIPES
    }
}

impl Wakeups {
    /// The stripe's count of changes: read it before looking whether the wait is over, then
    /// pass it to `wait`, so that a change in between is not slept through.
    pub fn seq(&self, key: Key) -> u64 {
        *lock(&self.stripes[key.stripe()].seq)
    }

    /// Sleeps until a change of `key`'s stripe after `seq`, or `ms` passed.
    pub fn wait(&self, key: Key, seq: u64, ms: f64) {
        let s = &self.stripes[key.stripe()];
        let g = lock(&s.seq);
        if *g == seq && ms > 0.0 {
            let _ = s.changed.wait_timeout(g, Duration::from_secs_f64(ms / 1000.0));
        }
    }

    /// Something threads waiting on `key` may be waiting for happened.
    pub fn notify(&self, key: Key) {
        let s = &self.stripes[key.stripe()];
        *lock(&s.seq) += 1;
        s.changed.notify_all();
    }

    /// Every blocked thread looks again (a process killed, the program exiting).
    pub fn notify_all(&self) {
        for s in &self.stripes {
            *lock(&s.seq) += 1;
            s.changed.notify_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::time::Instant;

    #[test]
    fn a_change_wakes_its_key_and_not_an_unrelated_stripe() {
        let w = Arc::new(Wakeups::default());
        let (a, b) = (Key::Channel(1), Key::Channel(2));
        assert_ne!(a.stripe(), b.stripe(), "neighbouring queues share a stripe");
        let seq = w.seq(a);
        let w2 = w.clone();
        let t = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(30));
            w2.notify(b); // another queue: the waiter sleeps on
            std::thread::sleep(Duration::from_millis(30));
            w2.notify(a);
        });
        let start = Instant::now();
        w.wait(a, seq, 5000.0);
        let waited = start.elapsed();
        t.join().unwrap();
        assert!(waited >= Duration::from_millis(55), "woke after {waited:?}, at the other queue's change");
        assert!(waited < Duration::from_millis(4000), "slept through its own change");
    }

    #[test]
    fn a_change_between_seq_and_wait_is_not_slept_through() {
        let w = Wakeups::default();
        let seq = w.seq(Key::Lock(0x1000));
        w.notify(Key::Lock(0x1000));
        let start = Instant::now();
        w.wait(Key::Lock(0x1000), seq, 5000.0);
        assert!(start.elapsed() < Duration::from_millis(1000));
        let seq = w.seq(Key::Other);
        w.notify_all();
        let start = Instant::now();
        w.wait(Key::Other, seq, 5000.0);
        assert!(start.elapsed() < Duration::from_millis(1000));
    }
}
