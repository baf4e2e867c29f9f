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
use std::sync::{Arc, Mutex, MutexGuard};

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
    /// What all the run's processes share (the terminal, queues, process table).
    pub run: Arc<crate::process::RunShared>,
    pub identity: crate::process::Identity,
    /// A child process runs its main program as `__mp_main__`: it may not start processes.
    pub bootstrapping: AtomicBool,
    /// A child process's target and arguments, until it unpickles them.
    pub payload: Mutex<Option<crate::process::Pickled>>,
    /// Python threads are real threads (each its own `Vm` on its own OS thread).
    pub real_threads: bool,
    pub gil: gil::Gil,
    pub modules: Mutex<IndexMap<String, Value>>,
    pub sources: Mutex<HashMap<String, Source>>,
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
}

/// Lock ids are unique across the run's processes (a `multiprocessing.Lock` crosses).
static NEXT_LOCK_ID: AtomicU64 = AtomicU64::new(1);

impl Shared {
    /// `gil`: real threads take the GIL to run Python (false: free-threaded).
    pub fn new(
        host: Arc<dyn Host>,
        run: Arc<crate::process::RunShared>,
        identity: crate::process::Identity,
        real_threads: bool,
        gil: bool,
        switch_interval_ms: f64,
        random: PyRandom,
    ) -> Shared {
        Shared {
            host,
            run,
            identity,
            bootstrapping: AtomicBool::new(false),
            payload: Mutex::default(),
            real_threads,
            gil: gil::Gil::new(real_threads && gil, switch_interval_ms),
            modules: Mutex::default(),
            sources: Mutex::default(),
            status: Mutex::default(),
            registry: Mutex::default(),
            random: Mutex::new(random),
            rng_states: Mutex::default(),
            eq_canon: Mutex::default(),
            exit_hooks_done: AtomicBool::new(false),
            exiting: AtomicBool::new(false),
            switches: AtomicU64::new(0),
            next_thread_id: AtomicU64::new(1),
        }
    }

    pub fn new_thread_id(&self) -> u64 {
        self.next_thread_id.fetch_add(1, Ordering::Relaxed)
    }

    pub fn new_lock_id(&self) -> u64 {
        NEXT_LOCK_ID.fetch_add(1, Ordering::Relaxed)
    }

    /// Whether Python threads run one at a time (the GIL, or taking turns on one thread).
    pub fn gil_enabled(&self) -> bool {
        !self.real_threads || self.gil.enabled()
    }

    pub fn switch_interval_ms(&self) -> f64 {
        self.gil.switch_interval_ms()
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
        lock(&self.run.out).stdout.clone()
    }
    pub fn stderr(&self) -> String {
        lock(&self.run.out).stderr.clone()
    }
    pub fn status(&self) -> Status {
        lock(&self.status).clone()
    }
    pub fn threads(&self) -> Vec<ThreadInfo> {
        lock(&self.registry).clone()
    }
}
