//! What every thread of one Python process shares: the host, the modules, the output,
//! the threads' registry, the random generators, the GIL.
//!
//! Each Python thread has its own `Vm` (its frames, its nesting level, its frame pool).
//! With real threads each `Vm` runs on an OS thread of its own (a Worker in the browser)
//! and takes the GIL to run Python; without them one `Vm` runs every thread in turns.
//! Either way this is the state they share, each part behind its own lock: with the GIL
//! those locks are never contended, and without it (free-threading) they keep it safe.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

use indexmap::IndexMap;

use crate::compile::Source;
use crate::host::Host;
use crate::pyrandom::PyRandom;
use crate::value::Value;

/// Locks `m`; a panic elsewhere (a test's catch_unwind) does not make the state unusable.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// One Python thread as the others see it (`threading.enumerate`, `join`, the stats).
#[derive(Clone, Debug)]
pub struct ThreadInfo {
    pub id: u64,
    pub name: String,
    pub lane: usize,
    pub daemon: bool,
    pub done: bool,
    pub cpu_ms: f64,
    pub wait_ms: f64,
}

#[derive(Default)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    /// The unfinished last line of each stream (a line goes to the trace when it ends).
    pub line_buf: String,
    pub err_buf: String,
}

#[derive(Default, Clone)]
pub struct Status {
    pub exit_code: i32,
    /// (type, message, line) of the exception that ended the program.
    pub error: Option<(String, String, u32)>,
}

pub struct Shared {
    pub host: Arc<dyn Host>,
    /// Python threads are real threads (each its own `Vm` on its own OS thread).
    pub real_threads: bool,
    pub gil: gil::Gil,
    pub modules: Mutex<IndexMap<String, Value>>,
    pub sources: Mutex<HashMap<String, Source>>,
    pub out: Mutex<Output>,
    pub status: Mutex<Status>,
    pub registry: Mutex<Vec<ThreadInfo>>,
    pub random: Mutex<PyRandom>,
    /// The generator states of `random.Random` instances.
    pub rng_states: Mutex<Vec<PyRandom>>,
    /// Instances with a Python `__eq__` used as dict keys or set items, by hash: the first of
    /// each equality class stands for it in `Key::canon`.
    pub eq_canon: Mutex<HashMap<i64, Vec<Value>>>,
    /// threading's exit hooks have run (the main module ended).
    pub exit_hooks_done: AtomicBool,
    /// The main thread has finished: daemon threads stop where they are, as at exit.
    pub exiting: AtomicBool,
    /// Times the GIL changed hands between threads in turns (real threads: the GIL counts).
    pub switches: AtomicU64,
    next_thread_id: AtomicU64,
    next_lock_id: AtomicU64,
    /// Real threads: bumped when something a waiter may wait for happens (a lock released,
    /// a thread ended); waiters sleep on `changed` until it moves or their deadline.
    change_seq: Mutex<u64>,
    changed: Condvar,
}

impl Shared {
    /// `gil`: real threads take the GIL to run Python (false: free-threaded).
    pub fn new(host: Arc<dyn Host>, real_threads: bool, gil: bool, switch_interval_ms: f64, random: PyRandom) -> Shared {
        Shared {
            host,
            real_threads,
            gil: gil::Gil::new(real_threads && gil, switch_interval_ms),
            modules: Mutex::default(),
            sources: Mutex::default(),
            out: Mutex::default(),
            status: Mutex::default(),
            registry: Mutex::default(),
            random: Mutex::new(random),
            rng_states: Mutex::default(),
            eq_canon: Mutex::default(),
            exit_hooks_done: AtomicBool::new(false),
            exiting: AtomicBool::new(false),
            switches: AtomicU64::new(0),
            next_thread_id: AtomicU64::new(1),
            next_lock_id: AtomicU64::new(1),
            change_seq: Mutex::new(0),
            changed: Condvar::new(),
        }
    }

    pub fn new_thread_id(&self) -> u64 {
        self.next_thread_id.fetch_add(1, Ordering::Relaxed)
    }

    pub fn new_lock_id(&self) -> u64 {
        self.next_lock_id.fetch_add(1, Ordering::Relaxed)
    }

    /// Whether Python threads run one at a time (the GIL, or taking turns on one thread).
    pub fn gil_enabled(&self) -> bool {
        !self.real_threads || self.gil.enabled()
    }

    pub fn switch_interval_ms(&self) -> f64 {
        self.gil.switch_interval_ms()
    }

    /// Something a waiting thread may be waiting for happened.
    pub fn notify(&self) {
        if self.real_threads {
            *lock(&self.change_seq) += 1;
            self.changed.notify_all();
        }
    }

    pub fn change_seq(&self) -> u64 {
        *lock(&self.change_seq)
    }

    /// Sleeps until `notify` after `seq` was read, or `ms` passed.
    pub fn wait_change(&self, seq: u64, ms: f64) {
        let g = lock(&self.change_seq);
        if *g == seq && ms > 0.0 {
            let _ = self.changed.wait_timeout(g, std::time::Duration::from_secs_f64(ms / 1000.0));
        }
    }

    pub fn thread_info(&self, id: u64) -> Option<ThreadInfo> {
        lock(&self.registry).iter().find(|t| t.id == id).cloned()
    }

    pub fn with_thread(&self, id: u64, f: impl FnOnce(&mut ThreadInfo)) {
        if let Some(t) = lock(&self.registry).iter_mut().find(|t| t.id == id) {
            f(t);
        }
    }

    /// Whether a thread other than `me` that the program must wait for is still running.
    pub fn others_alive(&self, me: u64) -> bool {
        lock(&self.registry).iter().any(|t| t.id != me && !t.done && !t.daemon)
    }

    pub fn stdout(&self) -> String {
        lock(&self.out).stdout.clone()
    }
    pub fn stderr(&self) -> String {
        lock(&self.out).stderr.clone()
    }
    pub fn status(&self) -> Status {
        lock(&self.status).clone()
    }
    pub fn threads(&self) -> Vec<ThreadInfo> {
        lock(&self.registry).clone()
    }
}
