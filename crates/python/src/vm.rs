//! The interpreter loop, Python threads and the GIL.
//!
//! Every Python thread is a stack of frames. One thread at a time runs Python code: it
//! holds the GIL. Another thread that is ready to run asks for the GIL; after the switch
//! interval the holder gives it up at its next check, which is where CPython 3.11 checks
//! its eval breaker: a call (function entry) and a backward jump. Never between the load
//! and the store of `x += 1`, so that, as in CPython, `counter += 1` in threads comes out
//! exact in practice while a read, a sleep and a write loses updates.
//!
//! A thread that sleeps or waits on a lock gives the GIL up at once. When every thread
//! waits, the engine returns to its driver with the time the next one wakes (`Slice`):
//! in the browser the driver awaits a timer, so the page and Stop stay live.

use std::collections::HashMap;
use std::sync::Arc;


use crate::code::Code;
use crate::host::{Host, LaneKind, SpanKind};
use crate::shared::{lock, Shared, ThreadInfo};
use crate::value::*;
use crate::wake::Key;

pub type R = Result<Value, Ctl>;

/// Why a builtin did not return a value.
pub enum Ctl {
    /// A Python exception (an exception instance).
    Exc(Value),
    /// The calling thread must wait; the value it gets when the wait ends is pushed.
    Block(Wait),
    /// Call this instead, in the interpreter loop, and use its result.
    TailCall(Value, Args),
    /// Resume a generator with a value (or throw into it), in the loop.
    Resume(Arc<Generator>, Value, bool),
}

#[derive(Clone)]
pub enum Wait {
    Sleep { until: f64 },
    /// `count`: how many times an RLock is held once taken (`_acquire_restore`), else 1.
    Lock { lock: Arc<LockObj>, deadline: Option<f64>, count: u64 },
    Join { thread: u64, deadline: Option<f64> },
    /// The main thread, after its module finished: waits for the non-daemon threads.
    Shutdown,
    /// This thread's native call at this level has its result; it waits for the Rust
    /// stack to unwind to it.
    Parked(usize),
    /// `Process.join`: until the process with this pid has exited.
    Process { pid: u64, deadline: Option<f64> },
    /// A multiprocessing queue's `get`: its value is `(item,)`, or None at the deadline.
    /// With `watch`: or until one of those processes has died (its pid is the value).
    Channel { id: usize, deadline: Option<f64>, watch: Option<Arc<[u64]>> },
}

impl Wait {
    /// Where a thread blocked on this sleeps (real threads): see `wake`.
    fn wake_key(&self) -> Key {
        match self {
            Wait::Lock { lock, .. } => Key::Lock(Arc::as_ptr(lock) as usize),
            Wait::Channel { id, .. } => Key::Channel(*id),
            Wait::Join { thread, .. } => Key::Thread(*thread),
            Wait::Process { pid, .. } => Key::Process(*pid),
            Wait::Sleep { .. } | Wait::Shutdown | Wait::Parked(_) => Key::Other,
        }
    }
}

/// What to do with a frame's result in its caller.
#[derive(Clone)]
pub enum Resume {
    Push,
    /// `__init__`: discard None, push the instance.
    Init(Value),
    Discard,
    /// A generator resumed by a for loop: exhausted means jump to the loop's exit.
    ForIter(u32),
    /// `next(gen)`/`gen.send(v)`: exhausted means StopIteration in the caller.
    Next,
    /// A generator driven by `yield from`/`await` in its caller.
    YieldFrom,
    /// A class body: build the class from its namespace.
    Class { name: Str, bases: Vec<Arc<Class>>, ns: Arc<Namespace>, kwargs: Vec<(Str, Value)> },
    /// Called from Rust at this nesting level.
    Native(usize),
    /// The bottom frame of a thread.
    ThreadEnd,
}

#[derive(Clone)]
pub struct Block {
    pub handler: u32,
    pub level: usize,
    /// An except handler running: the exception it handles.
    pub handling: Option<Value>,
}

pub struct Frame {
    pub code: Arc<Code>,
    pub ip: usize,
    pub stack: Vec<Value>,
    pub locals: Vec<Option<Value>>,
    pub cells: Vec<Arc<PyCell<Option<Value>>>>,
    pub blocks: Vec<Block>,
    pub globals: Arc<Module>,
    /// Class bodies: the namespace being filled.
    pub ns: Option<Arc<Namespace>>,
    pub resume: Resume,
    pub gen: Option<Arc<Generator>>,
    /// An exception thrown into this (generator) frame, raised when it next runs.
    pub pending_throw: Option<Value>,
}

impl Frame {
    pub fn line(&self) -> u32 {
        let i = self.ip.saturating_sub(1).min(self.code.lines.len().saturating_sub(1));
        self.code.lines.get(i).copied().unwrap_or(self.code.first_line)
    }
}

pub struct PyThread {
    pub id: u64,
    pub name: String,
    pub frames: Vec<Box<Frame>>,
    pub wait: Option<Wait>,
    /// When it last became ready to run (for the GIL's switch request).
    pub ready_since: f64,
    pub lane: usize,
    pub done: bool,
    pub daemon: bool,
    /// Results of native calls completed while a deeper nested loop ran.
    pub parked: Option<Result<Value, Value>>,
    /// Where this thread's current wait began (for its span).
    pub wait_start: f64,
    /// An item a queue's `get` took off while it waited, still pickled.
    pub received: Option<crate::process::Pickled>,
}

/// What one call to `run_slice` ended with.
#[derive(Debug, PartialEq)]
pub enum Slice {
    /// The program finished.
    Done,
    /// Threads are ready: call again soon (the driver may handle messages first).
    Ready,
    /// Every thread waits; the first wakes at this time (ms, host clock).
    IdleUntil(f64),
    /// Every thread waits on something only another thread could end: a deadlock.
    /// CPython would hang; the run goes on until it is stopped or times out.
    Deadlock,
}

pub struct Types {
    pub object: Arc<Class>,
    pub type_: Arc<Class>,
    pub int: Arc<Class>,
    pub bool_: Arc<Class>,
    pub float: Arc<Class>,
    pub str_: Arc<Class>,
    pub bytes: Arc<Class>,
    pub list: Arc<Class>,
    pub tuple: Arc<Class>,
    pub dict: Arc<Class>,
    pub set: Arc<Class>,
    pub frozenset: Arc<Class>,
    pub none: Arc<Class>,
    pub function: Arc<Class>,
    pub builtin: Arc<Class>,
    pub method: Arc<Class>,
    pub module: Arc<Class>,
    pub generator: Arc<Class>,
    pub coroutine: Arc<Class>,
    pub range: Arc<Class>,
    pub iterator: Arc<Class>,
    /// The iterator types by name (`ITER_KINDS`), subclasses of `iterator`.
    pub iter_kinds: Vec<Arc<Class>>,
    pub slice: Arc<Class>,
    pub lock: Arc<Class>,
    pub rlock: Arc<Class>,
    pub property: Arc<Class>,
    pub staticmethod: Arc<Class>,
    pub classmethod: Arc<Class>,
    pub super_: Arc<Class>,
    pub cell: Arc<Class>,
    pub ellipsis: Arc<Class>,
    pub notimpl: Arc<Class>,
    pub code: Arc<Class>,
    pub exc: HashMap<&'static str, Arc<Class>>,
}

/// The names `type()` gives the native iterators, as CPython's.
pub const ITER_KINDS: &[&str] = &[
    "list_iterator", "tuple_iterator", "str_ascii_iterator", "str_iterator", "range_iterator", "dict_keyiterator",
    "set_iterator", "enumerate", "zip", "map", "filter", "list_reverseiterator", "callable_iterator", "bytes_iterator",
];

pub struct Config {
    pub switch_interval_ms: f64,
    pub max_recursion: usize,
    /// Run each Python thread on a real thread of its own, if the host can start them.
    pub threads: bool,
    /// With real threads: take the GIL to run Python (CPython), or not (free-threaded, as
    /// python3.13t: threads run Python in parallel, each object behind its own lock).
    pub gil: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config { switch_interval_ms: 5.0, max_recursion: 1000, threads: false, gil: true }
    }
}

/// One Python thread's interpreter (or, without real threads, every thread's in turns).
pub struct Vm {
    pub shared: Arc<Shared>,
    pub host: Arc<dyn Host>,
    pub types: Arc<Types>,
    pub builtins: Arc<Module>,
    /// The threads this interpreter runs: just its own with real threads.
    pub threads: Vec<PyThread>,
    pub cur: usize,
    pub max_recursion: usize,
    /// When the current thread took the GIL.
    pub(crate) slice_start: f64,
    breaker_count: u32,
    /// Rust nesting depth of interpreter loops (builtins calling Python).
    pub level: usize,
    pub main_module: Option<Arc<Module>>,
    pub finished: bool,
    pub start_ms: f64,
    /// The containers whose repr is being built (for `[...]`, `{...}`), innermost last.
    pub repr_stack: Vec<usize>,
    /// Finished frames kept for reuse (their vectors keep their capacity).
    pub frame_pool: Vec<Box<Frame>>,
    /// Counts long native operations' steps, to check now and then for a stop.
    pub native_ticks: u64,
    /// When the run must end at the latest (host clock, ms): long native operations stop there.
    pub hard_deadline: Option<f64>,
}

impl Vm {
    pub fn new(host: Arc<dyn Host>, config: Config) -> Vm {
        let now = host.now_ms();
        let random = crate::pyrandom::PyRandom::seed_from_time((now * 1000.0) as u64 ^ 0x5eed);
        let run = Arc::new(crate::process::RunShared::default());
        let identity = crate::process::Identity::main();
        let shared = Arc::new(Shared::new(host.clone(), run, identity, config.threads, config.threads && config.gil, config.switch_interval_ms, random));
        Vm::for_process(host, shared, config.max_recursion)
    }

    /// A process's first interpreter: fresh built-in types and modules.
    fn for_process(host: Arc<dyn Host>, shared: Arc<Shared>, max_recursion: usize) -> Vm {
        let types = Arc::new(crate::builtins::make_types());
        let builtins = Arc::new(Module { name: Arc::from("builtins"), dict: Namespace::default() });
        let now = host.now_ms();
        let mut vm = Vm {
            shared,
            host,
            types,
            builtins,
            threads: Vec::new(),
            cur: 0,
            max_recursion,
            slice_start: now,
            breaker_count: 0,
            level: 0,
            main_module: None,
            finished: false,
            // The host's clock is the run's clock: times are recorded as it gives it.
            start_ms: 0.0,
            repr_stack: Vec::new(),
            frame_pool: Vec::new(),
            native_ticks: 0,
            hard_deadline: None,
        };
        crate::builtins::install(&mut vm);
        vm
    }

    /// A child process (spawn): its own interpreter, modules and objects; its main thread
    /// runs multiprocessing's bootstrap, which runs the program as `__mp_main__` and then
    /// calls the target that `payload` holds.
    pub fn new_process(&self, name: &str, daemon: bool, payload: crate::process::Pickled) -> Vm {
        let run = self.shared.run.clone();
        let pid = run.new_pid();
        let identity = crate::process::Identity::new(pid, name, Some(self.shared.identity.pid));
        let random = crate::pyrandom::PyRandom::seed_from_time((self.host.wall_ms() * 1000.0) as u64 ^ pid);
        let real = self.shared.real_threads;
        let shared = Arc::new(Shared::new(self.host.clone(), run.clone(), identity.clone(), real, self.shared.gil_enabled(), self.shared.switch_interval_ms(), random));
        *lock(&shared.payload) = Some(payload);
        let mut child = Vm::for_process(self.host.clone(), shared, self.max_recursion);
        child.hard_deadline = self.hard_deadline;
        lock(&run.processes).push(crate::process::ProcessInfo { pid, name: name.to_string(), daemon, exitcode: None, killed: identity.killed.clone() });
        let lane = self.host.lane(name, LaneKind::Process);
        let id = child.new_thread_id();
        child.register_thread(id, "MainThread", lane, false);
        let (code, _) = crate::compile::compile_module(crate::process::BOOTSTRAP, "<mp-bootstrap>", true).expect("the bootstrap compiles");
        let module = Arc::new(Module { name: Arc::from("__mp_bootstrap__"), dict: Namespace::default() });
        let frame = child.module_frame(code, module, Resume::ThreadEnd);
        child.threads[0].frames.push(frame);
        child
    }

    /// Runs a process's threads in turns on this OS thread until it ends (a child process
    /// when Python threads are not real threads: natively only, the browser has no thread
    /// to put it on).
    pub fn run_in_turns_to_end(&mut self) {
        loop {
            match self.run_slice(50.0) {
                Slice::Done => break,
                Slice::Ready => {}
                Slice::IdleUntil(t) => {
                    let wait = (t - self.now()).clamp(0.0, 20.0);
                    std::thread::sleep(std::time::Duration::from_secs_f64(wait / 1000.0));
                }
                Slice::Deadlock => std::thread::sleep(std::time::Duration::from_millis(5)),
            }
            if self.stop_requested() {
                self.flush_output();
                break;
            }
        }
    }

    /// An interpreter for a new real thread of the same process.
    fn for_new_thread(&self) -> Vm {
        Vm {
            shared: self.shared.clone(),
            host: self.host.clone(),
            types: self.types.clone(),
            builtins: self.builtins.clone(),
            threads: Vec::new(),
            cur: 0,
            max_recursion: self.max_recursion,
            slice_start: self.now(),
            breaker_count: 0,
            level: 0,
            main_module: self.main_module.clone(),
            finished: false,
            start_ms: self.start_ms,
            repr_stack: Vec::new(),
            frame_pool: Vec::new(),
            native_ticks: 0,
            hard_deadline: self.hard_deadline,
        }
    }

    pub fn stdout(&self) -> String {
        self.shared.stdout()
    }
    pub fn stderr(&self) -> String {
        self.shared.stderr()
    }
    pub fn exit_code(&self) -> i32 {
        lock(&self.shared.status).exit_code
    }
    pub fn error(&self) -> Option<(String, String, u32)> {
        lock(&self.shared.status).error.clone()
    }
    /// How many times the GIL went from one thread to another.
    pub fn gil_switches(&self) -> u64 {
        if self.shared.real_threads {
            self.shared.gil.changed_hands()
        } else {
            self.shared.switches.load(std::sync::atomic::Ordering::Relaxed)
        }
    }

    // ----- errors -----

    pub fn exc_class(&self, name: &str) -> Arc<Class> {
        self.types.exc.get(name).cloned().unwrap_or_else(|| self.types.exc["Exception"].clone())
    }

    pub fn new_exc(&self, class: &Arc<Class>, msg: &str) -> Value {
        let inst = Instance { class: class.clone(), attrs: Namespace::default(), traceback: PyCell::default() };
        let args = if msg.is_empty() { vec![] } else { vec![Value::str(msg)] };
        inst.attrs.lock().insert(Arc::from("args"), Value::tuple(args));
        Value::Instance(Arc::new(inst))
    }

    pub fn err(&self, class: &str, msg: impl AsRef<str>) -> Ctl {
        Ctl::Exc(self.new_exc(&self.exc_class(class), msg.as_ref()))
    }
    pub fn type_error(&self, msg: impl AsRef<str>) -> Ctl {
        self.err("TypeError", msg)
    }
    pub fn value_error(&self, msg: impl AsRef<str>) -> Ctl {
        self.err("ValueError", msg)
    }

    /// Has the run been stopped, or passed its hard deadline? Or has the program ended
    /// while this (daemon) thread runs? (For long native operations, and waits.)
    pub fn stop_requested(&self) -> bool {
        self.host.cancelled()
            || self.hard_deadline.is_some_and(|d| self.now() > d)
            || self.shared.identity.killed.load(std::sync::atomic::Ordering::Relaxed)
            || (self.shared.real_threads && self.shared.exiting.load(std::sync::atomic::Ordering::Relaxed))
    }

    pub fn now(&self) -> f64 {
        self.host.now_ms()
    }

    // ----- output -----

    pub fn write_out(&mut self, text: &str, stderr: bool) {
        // After the main thread ends, daemon threads print nothing more (they are gone).
        if self.shared.exiting.load(std::sync::atomic::Ordering::Relaxed) && self.threads.get(self.cur).is_some_and(|t| t.daemon) {
            return;
        }
        let lane = self.threads.get(self.cur).map(|t| t.lane).unwrap_or(0);
        let t = self.now() - self.start_ms;
        let mut lines = Vec::new();
        {
            let mut out = lock(&self.shared.run.out);
            let out = &mut *out;
            let (all, buf) = if stderr { (&mut out.stderr, &mut out.err_buf) } else { (&mut out.stdout, &mut out.line_buf) };
            all.push_str(text);
            buf.push_str(text);
            while let Some(i) = buf.find('\n') {
                lines.push(buf[..i].to_string());
                buf.drain(..=i);
            }
        }
        for l in lines {
            self.host.log(lane, t, &l, stderr);
        }
    }

    pub fn flush_output(&mut self) {
        let lane = self.threads.get(self.cur).map(|t| t.lane).unwrap_or(0);
        let t = self.now() - self.start_ms;
        let (line, err) = {
            let mut out = lock(&self.shared.run.out);
            (std::mem::take(&mut out.line_buf), std::mem::take(&mut out.err_buf))
        };
        if !line.is_empty() {
            self.host.log(lane, t, &line, false);
        }
        if !err.is_empty() {
            self.host.log(lane, t, &err, true);
        }
    }

    /// Records how the program ended (the first error that ended it).
    pub fn set_status(&self, exit_code: i32, error: Option<(String, String, u32)>) {
        let mut st = lock(&self.shared.status);
        st.exit_code = lock(&self.shared.identity.exit_now).unwrap_or(exit_code);
        if error.is_some() {
            st.error = error;
        }
    }

    // ----- loading the program -----

    /// Compiles `source` as `__main__` and makes the main thread ready to run it. A
    /// SyntaxError is printed as CPython prints it and the program ends with exit code 1.
    pub fn load_main(&mut self, text: &str) {
        *lock(&self.shared.run.main_source) = text.to_string();
        let module = Arc::new(Module { name: Arc::from("__main__"), dict: Namespace::default() });
        module.dict.lock().insert(Arc::from("__name__"), Value::str("__main__"));
        self.main_module = Some(module.clone());
        let lane = self.host.lane("MainThread", LaneKind::Main);
        let id = self.new_thread_id();
        self.register_thread(id, "MainThread", lane, false);
        self.cur = 0;
        self.slice_start = self.now();
        match crate::compile::compile_module(text, "main.py", false) {
            Ok((code, source)) => {
                lock(&self.shared.sources).insert("main.py".into(), source);
                let frame = self.module_frame(code, module, Resume::ThreadEnd);
                self.threads[0].frames.push(frame);
            }
            Err(e) => {
                let caret = " ".repeat((e.column.saturating_sub(1) as usize + 4).saturating_sub(leading_ws(&e.text)).max(4));
                let kind = crate::syntax_error::kind_of(&e.message);
                let msg = format!(
                    "  File \"main.py\", line {}\n    {}\n{}^\n{kind}: {}\n",
                    e.line,
                    e.text.trim_start(),
                    caret,
                    e.message
                );
                self.write_out(&msg, true);
                self.set_status(1, Some((kind.into(), e.message.clone(), e.line)));
                self.mark_done(0);
                self.finished = true;
            }
        }
    }

    pub fn new_thread_id(&mut self) -> u64 {
        self.shared.new_thread_id()
    }

    pub fn new_lock(&mut self, label: &str) -> Arc<LockObj> {
        let id = self.shared.new_lock_id();
        Arc::new(LockObj::new(label, id, false))
    }

    pub fn new_rlock(&mut self, label: &str) -> Arc<LockObj> {
        let id = self.shared.new_lock_id();
        Arc::new(LockObj::new(label, id, true))
    }

    /// Adds a thread to this interpreter and to the process's registry.
    fn register_thread(&mut self, id: u64, name: &str, lane: usize, daemon: bool) {
        let now = self.now();
        self.threads.push(PyThread {
            id,
            name: name.to_string(),
            frames: Vec::new(),
            wait: None,
            ready_since: now,
            lane,
            done: false,
            daemon,
            parked: None,
            wait_start: now,
            received: None,
        });
        lock(&self.shared.registry).push(ThreadInfo { id, name: name.to_string(), lane, daemon, done: false, cpu_ms: 0.0, wait_ms: 0.0 });
    }

    /// Thread `i` of this interpreter has ended.
    pub(crate) fn mark_done(&mut self, i: usize) {
        self.threads[i].done = true;
        let id = self.threads[i].id;
        self.shared.with_thread(id, |t| t.done = true);
        self.shared.run.wake.notify(Key::Thread(id));
        self.shared.run.wake.notify(Key::Other);
    }

    fn add_thread_time(&self, i: usize, cpu: f64, wait: f64) {
        self.shared.with_thread(self.threads[i].id, |t| {
            t.cpu_ms += cpu;
            t.wait_ms += wait;
        });
    }

    pub fn module_frame(&self, code: Arc<Code>, module: Arc<Module>, resume: Resume) -> Box<Frame> {
        Box::new(Frame {
            locals: vec![None; code.varnames.len()],
            cells: Vec::new(),
            code,
            ip: 0,
            stack: Vec::with_capacity(16),
            blocks: Vec::new(),
            globals: module,
            ns: None,
            resume,
            gen: None,
            pending_throw: None,
        })
    }

    /// Starts a new Python thread running `func(*args)`; returns its id.
    pub fn spawn_thread(&mut self, name: &str, func: Value, args: Args, daemon: bool) -> Result<u64, Ctl> {
        let (f, args) = match &func {
            Value::Func(f) => (f.clone(), args),
            Value::Method(m) if matches!(m.0, Value::Func(_)) => {
                let Value::Func(f) = &m.0 else { unreachable!() };
                let mut a = args;
                a.pos.insert(0, m.1.clone());
                (f.clone(), a)
            }
            _ => return Err(self.type_error("a thread's target must be a Python function")),
        };
        let id = self.new_thread_id();
        let lane = self.host.lane(name, LaneKind::Thread);
        if !self.shared.real_threads {
            // In turns on this interpreter: the new thread starts with a frame for the call.
            let frame = self.function_frame(&f, args, Resume::ThreadEnd)?;
            self.register_thread(id, name, lane, daemon);
            self.threads.last_mut().unwrap().frames.push(frame);
            return Ok(id);
        }
        let mut child = self.for_new_thread();
        child.register_thread(id, name, lane, daemon);
        // The new thread builds its first frame itself: its memory is then its own, not on
        // cache lines next to its siblings' (which, without the GIL, would ping-pong
        // between cores on every push and pop).
        let body = move || {
            match child.function_frame(&f, args, Resume::ThreadEnd) {
                Ok(frame) => child.threads[0].frames.push(frame),
                Err(Ctl::Exc(e)) => {
                    child.uncaught(0, &e);
                    child.mark_done(0);
                }
                Err(_) => child.mark_done(0),
            }
            child.run_to_end()
        };
        if let Err(why) = self.host.spawn(Box::new(body)) {
            self.shared.with_thread(id, |t| t.done = true);
            return Err(self.err("RuntimeError", format!("can't start new thread ({why})")));
        }
        Ok(id)
    }

    // ----- running -----

    /// Runs Python until the program ends, every thread waits, or about `budget_ms` passed.
    pub fn run_slice(&mut self, budget_ms: f64) -> Slice {
        let killed = |vm: &Vm| vm.shared.identity.killed.load(std::sync::atomic::Ordering::Relaxed);
        if self.finished || killed(self) {
            // `os._exit`: the program ends where its threads are.
            self.finished = true;
            self.flush_output();
            return Slice::Done;
        }
        let deadline = self.now() + budget_ms;
        match self.run_loop(0, Some(deadline)) {
            _ if killed(self) => {
                self.finished = true;
                self.flush_output();
                Slice::Done
            }
            LoopEnd::Done => {
                self.finished = true;
                self.flush_output();
                Slice::Done
            }
            LoopEnd::Budget => Slice::Ready,
            LoopEnd::Idle(t) => Slice::IdleUntil(t),
            LoopEnd::Deadlock => Slice::Deadlock,
            LoopEnd::Native(_) => Slice::Done,
        }
    }

    /// Calls a Python callable from Rust and runs the interpreter until it returns. Other
    /// threads may run meanwhile.
    pub fn call(&mut self, func: &Value, args: Args) -> R {
        match func {
            Value::Builtin(b) => {
                let r = (b.func)(self, args);
                self.finish_native(r)
            }
            // A class whose __init__ is Python: the result is the instance, not __init__'s.
            Value::Class(c) if matches!(c.native, NativeType::Object | NativeType::Exception) && matches!(c.lookup("__init__"), Some(Value::Func(_))) => {
                let init = c.lookup("__init__").unwrap();
                let inst = crate::call::blank_instance(c, &args);
                let mut a = args;
                a.pos.insert(0, inst.clone());
                let r = self.call(&init, a)?;
                if !r.is_none() {
                    return Err(self.type_error(format!("__init__() should return None, not '{}'", crate::ops::type_name(self, &r))));
                }
                Ok(inst)
            }
            _ => {
                if self.level > 64 || self.threads[self.cur].frames.len() > self.max_recursion + 50 {
                    return Err(self.err("RecursionError", "maximum recursion depth exceeded"));
                }
                self.nested(|vm, resume| vm.push_call(func.clone(), args, resume))
            }
        }
    }

    /// Starts a call with `start` (a frame pushed with the given resume, or a value at once)
    /// one nesting level down, and runs the interpreter until that call returns.
    fn nested(&mut self, start: impl FnOnce(&mut Vm, Resume) -> Result<Option<Value>, Ctl>) -> R {
        self.level += 1;
        let level = self.level;
        let r = match start(self, Resume::Native(level)) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => match self.run_loop(level, None) {
                LoopEnd::Native(r) => r.map_err(Ctl::Exc),
                _ => Err(self.err("RuntimeError", "the program ended during a call")),
            },
            Err(e) => Err(e),
        };
        self.level -= 1;
        r
    }

    /// A builtin's result when called from Rust: waits and tail calls are done here.
    pub(crate) fn finish_native(&mut self, r: R) -> R {
        match r {
            Err(Ctl::Block(w)) => self.wait_native(w),
            Err(Ctl::TailCall(f, a)) => self.call(&f, a),
            Err(Ctl::Resume(g, v, throw)) => {
                self.nested(|vm, resume| vm.resume_gen(&g, v, throw, resume))
            }
            other => other,
        }
    }

    /// A wait inside a call from Rust: other threads run until it ends.
    fn wait_native(&mut self, w: Wait) -> R {
        if let Some(v) = self.try_wait(self.cur, &w) {
            return Ok(v);
        }
        if self.shared.real_threads {
            return self.block(w).ok_or_else(|| self.err("RuntimeError", "the program ended during a wait"));
        }
        self.level += 1;
        let level = self.level;
        let me = self.cur;
        self.begin_wait(me, w);
        self.threads[me].parked = None;
        // The waiting thread has no frame to resume: mark it so the loop hands back here.
        let r = match self.run_loop_waiting(level, me) {
            Some(v) => Ok(v),
            None => Err(self.err("RuntimeError", "the program ended during a wait")),
        };
        self.level -= 1;
        r
    }

    pub fn function_frame(&mut self, f: &Arc<Function>, args: Args, resume: Resume) -> Result<Box<Frame>, Ctl> {
        let code = f.code.clone();
        let mut frame = self.blank_frame(f, resume);
        if let Err(e) = crate::call::bind_args_into(self, f, args, &mut frame.locals) {
            self.recycle_frame(frame);
            return Err(e);
        }
        for (i, _) in code.cellvars.iter().enumerate() {
            let init = code.cell_args[i].and_then(|a| frame.locals[a].clone());
            frame.cells.push(Arc::new(PyCell::new(init)));
        }
        for c in &f.closure {
            if let Value::Cell(c) = c {
                frame.cells.push(c.clone());
            }
        }
        Ok(frame)
    }

    /// A frame for `f` with nothing bound yet.
    #[inline]
    pub(crate) fn blank_frame(&mut self, f: &Arc<Function>, resume: Resume) -> Box<Frame> {
        // A finished frame's allocations are reused: a call then allocates nothing. A frame
        // kept from the same function (a loop's calls, recursion) keeps its code and globals:
        // no reference counts change.
        match self.frame_pool.pop() {
            Some(mut fr) => {
                if !Arc::ptr_eq(&fr.code, &f.code) {
                    fr.code = f.code.clone();
                }
                if !Arc::ptr_eq(&fr.globals, &f.globals) {
                    fr.globals = f.globals.clone();
                }
                fr.ip = 0;
                fr.resume = resume;
                fr
            }
            None => Box::new(Frame {
                code: f.code.clone(),
                ip: 0,
                stack: Vec::with_capacity(8),
                locals: Vec::new(),
                cells: Vec::new(),
                blocks: Vec::new(),
                globals: f.globals.clone(),
                ns: None,
                resume,
                gen: None,
                pending_throw: None,
            }),
        }
    }

    /// Keeps a finished (non-generator) frame's allocations for the next call.
    pub(crate) fn recycle_frame(&mut self, mut frame: Box<Frame>) {
        if self.frame_pool.len() < 64 {
            frame.stack.clear();
            frame.locals.clear();
            frame.cells.clear();
            frame.blocks.clear();
            frame.ns = None;
            frame.gen = None;
            frame.pending_throw = None;
            self.frame_pool.push(frame);
        }
    }

    /// Pushes a call on the current thread. `Ok(Some(v))` when it finished at once (a
    /// builtin), `Ok(None)` when a frame was pushed.
    pub fn push_call(&mut self, func: Value, args: Args, resume: Resume) -> Result<Option<Value>, Ctl> {
        match crate::call::prepare_call(self, func, args, resume)? {
            crate::call::Prepared::Frame(frame) => {
                if self.threads[self.cur].frames.len() >= self.max_recursion {
                    return Err(self.err("RecursionError", "maximum recursion depth exceeded"));
                }
                self.threads[self.cur].frames.push(frame);
                Ok(None)
            }
            crate::call::Prepared::Value(v) => Ok(Some(v)),
            crate::call::Prepared::Gen(g, v, throw, resume) => self.resume_gen(&g, v, throw, resume),
        }
    }

    /// Resumes a generator on the current thread with `value` sent in (or thrown).
    pub fn resume_gen(&mut self, g: &Arc<Generator>, value: Value, throw: bool, resume: Resume) -> Result<Option<Value>, Ctl> {
        let mut st = g.state.lock();
        if st.running {
            let what = if g.coroutine { "coroutine" } else { "generator" };
            return Err(self.value_error(format!("{what} already executing")));
        }
        if st.finished || st.frame.is_none() {
            drop(st);
            if throw {
                return Err(Ctl::Exc(value));
            }
            if g.coroutine {
                return Err(self.err("RuntimeError", "cannot reuse already awaited coroutine"));
            }
            return Err(Ctl::Exc(self.stop_iteration(Value::None)));
        }
        let mut frame = st.frame.take().unwrap();
        if !st.started && !value.is_none() && !throw {
            st.frame = Some(frame);
            drop(st);
            let what = if g.coroutine { "coroutine" } else { "generator" };
            return Err(self.type_error(format!("can't send non-None value to a just-started {what}")));
        }
        let started = st.started;
        st.started = true;
        st.running = true;
        drop(st);
        frame.resume = resume;
        if throw {
            // At a `yield from`/`await`, the exception goes to the innermost generator first,
            // so its `finally` and `except` blocks run, as in CPython.
            if matches!(frame.code.instrs.get(frame.ip), Some(crate::code::Instr::YieldFrom)) {
                frame.ip += 1;
                if let Some(Value::Gen(sub)) = frame.stack.last().cloned() {
                    self.threads[self.cur].frames.push(frame);
                    return self.resume_gen(&sub, value, true, Resume::YieldFrom);
                }
            }
            frame.pending_throw = Some(value);
            self.threads[self.cur].frames.push(frame);
            return Ok(None);
        }
        if started {
            frame.stack.push(value);
        }
        self.threads[self.cur].frames.push(frame);
        Ok(None)
    }

    pub fn stop_iteration(&self, v: Value) -> Value {
        let e = self.new_exc(&self.exc_class("StopIteration"), "");
        if let Value::Instance(i) = &e {
            let args = if v.is_none() { vec![] } else { vec![v.clone()] };
            i.attrs.lock().insert(Arc::from("args"), Value::tuple(args));
            i.attrs.lock().insert(Arc::from("value"), v);
        }
        e
    }

    // ----- real threads -----

    /// Runs this interpreter's thread to its end on the calling OS thread, holding the GIL
    /// while it runs Python. The main thread's returns when the program has ended.
    pub fn run_to_end(mut self) {
        self.run_own_thread();
    }

    /// `run_to_end` for the main thread, keeping the interpreter (its results) afterwards.
    pub fn run_main_to_end(&mut self) {
        self.run_own_thread();
        self.finished = true;
        self.flush_output();
    }

    fn run_own_thread(&mut self) {
        let from = self.now();
        if self.take_gil(from) {
            loop {
                match self.run_loop(0, None) {
                    LoopEnd::Budget if !self.stop_requested() => continue,
                    _ => break,
                }
            }
        }
        let id = self.threads[0].id;
        if !self.threads[0].done {
            // Stopped where it was: it ends now.
            let now = self.now();
            self.end_cpu_span(0, now);
            self.mark_done(0);
        }
        if id == 1 {
            // The program has ended: daemon threads stop where they are.
            self.shared.exiting.store(true, std::sync::atomic::Ordering::SeqCst);
            self.shared.run.wake.notify_all();
        }
        self.shared.gil.release(id as usize);
    }

    /// Takes the GIL for this interpreter's thread, which has been ready to run since
    /// `ready_since`; false if the run was stopped meanwhile.
    fn take_gil(&mut self, ready_since: f64) -> bool {
        let id = self.threads[self.cur].id;
        let got = self.shared.gil.acquire(id as usize, &GilEnv(self));
        let now = self.now();
        if self.shared.gil.enabled() && now - ready_since > 0.05 {
            let lane = self.threads[self.cur].lane;
            self.host.span(lane, SpanKind::Wait, ready_since - self.start_ms, now - self.start_ms, "waiting: GIL", None);
            self.add_thread_time(self.cur, 0.0, now - ready_since);
        }
        self.slice_start = now;
        got.is_ok() && !self.stop_requested()
    }

    /// Another thread asked for the GIL: let it go, wait until it was taken, take it back.
    pub(crate) fn hand_over_gil(&mut self) -> bool {
        let now = self.now();
        self.end_cpu_span(self.cur, now);
        let id = self.threads[self.cur].id;
        // Do not compete again until another thread had it (CPython's FORCE_SWITCHING).
        let _ = self.shared.gil.let_go(id as usize, &GilEnv(self));
        self.take_gil(now)
    }

    /// Runs `f` (a blocking call) with the GIL released, then takes it back. Threads taking
    /// turns on one OS thread cannot run meanwhile: `f` blocks them all.
    pub fn without_gil<T>(&mut self, f: impl FnOnce() -> T) -> T {
        if !self.shared.real_threads {
            return f();
        }
        let now = self.now();
        self.end_cpu_span(self.cur, now);
        let id = self.threads[self.cur].id;
        self.shared.gil.release(id as usize);
        let out = f();
        let done = self.now();
        self.take_gil(done);
        out
    }

    /// Blocks this interpreter's thread on `w` with the GIL released; the value its call
    /// gets, or None if the run was stopped meanwhile.
    pub(crate) fn block(&mut self, w: Wait) -> Option<Value> {
        let me = self.cur;
        let id = self.threads[me].id;
        self.begin_wait(me, w.clone());
        self.shared.gil.release(id as usize);
        let key = w.wake_key();
        let value = loop {
            if self.stop_requested() {
                return None;
            }
            let seq = self.shared.run.wake.seq(key);
            if let Some(v) = self.try_wait(me, &w) {
                break v;
            }
            let wake = match &w {
                Wait::Sleep { until } => Some(*until),
                Wait::Lock { deadline, .. } | Wait::Join { deadline, .. } | Wait::Process { deadline, .. } | Wait::Channel { deadline, .. } => *deadline,
                _ => None,
            };
            // Wakes for a change, its deadline, or now and then to see a Stop.
            let ms = wake.map_or(20.0, |t| (t - self.now()).clamp(0.0, 20.0));
            self.shared.run.wake.wait(key, seq, ms);
        };
        self.end_wait(me, value.clone(), false);
        let ready = self.threads[me].ready_since;
        if !self.take_gil(ready) {
            return None;
        }
        Some(value)
    }

    // ----- the scheduler -----

    fn runnable(&self, i: usize) -> bool {
        let t = &self.threads[i];
        !t.done && t.wait.is_none() && !t.frames.is_empty()
    }

    /// Checks whether thread `i`'s wait has ended; returns the value its call gets.
    fn try_wait(&mut self, i: usize, w: &Wait) -> Option<Value> {
        let now = self.now();
        match w {
            Wait::Sleep { until } => (now >= *until).then_some(Value::None),
            Wait::Lock { lock, deadline, count } => {
                if lock.try_take(self.threads[i].id, *count) {
                    return Some(Value::Bool(true));
                }
                match deadline {
                    Some(d) if now >= *d => Some(Value::Bool(false)),
                    _ => None,
                }
            }
            Wait::Join { thread, deadline } => {
                let done = self.shared.thread_info(*thread).map(|t| t.done).unwrap_or(true);
                if done {
                    return Some(Value::None);
                }
                match deadline {
                    Some(d) if now >= *d => Some(Value::None),
                    _ => None,
                }
            }
            Wait::Shutdown => (!self.shared.others_alive(self.threads[i].id)).then_some(Value::None),
            Wait::Process { pid, deadline } => {
                let done = self.shared.run.process(*pid).is_none_or(|p| p.exitcode.is_some());
                (done || deadline.is_some_and(|d| now >= d)).then_some(Value::None)
            }
            Wait::Channel { id, deadline, watch } => {
                // Taken off the queue here, perhaps without the GIL; unpickled by
                // `_pg.channel_received`, which runs Python (an import) only with it.
                let item = lock(&self.shared.run.channels).get_mut(*id).and_then(|q| q.pop_front());
                match item {
                    Some(p) => {
                        self.threads[i].received = Some(p);
                        Some(Value::Bool(true))
                    }
                    None => match watch.as_deref().and_then(|w| self.shared.run.died(w)) {
                        Some(pid) => Some(Value::Int(pid as i64)),
                        None => deadline.is_some_and(|d| now >= d).then_some(Value::None),
                    },
                }
            }
            Wait::Parked(_) => None,
        }
    }

    pub(crate) fn begin_wait(&mut self, i: usize, w: Wait) {
        let now = self.now();
        self.end_cpu_span(i, now);
        self.threads[i].wait_start = now;
        self.threads[i].wait = Some(w);
    }

    pub(crate) fn end_cpu_span(&mut self, i: usize, now: f64) {
        // Only a thread that was running holds the GIL: one that waits or has ended does not.
        let running = self.threads.get(i).is_some_and(|t| t.wait.is_none() && !t.done);
        if i == self.cur && running && now > self.slice_start {
            self.add_thread_time(i, now - self.slice_start, 0.0);
            let lane = self.threads[i].lane;
            let (s, e) = (self.slice_start - self.start_ms, now - self.start_ms);
            let label = if self.shared.gil_enabled() { "running Python" } else { "running Python (free-threaded, no GIL)" };
            self.host.span(lane, SpanKind::Cpu, s, e, label, None);
            self.slice_start = now;
        }
    }

    /// Ends thread `i`'s wait (it got `value`), recording the wait's span.
    fn end_wait(&mut self, i: usize, value: Value, push: bool) {
        let now = self.now();
        let w = self.threads[i].wait.take();
        let start = self.threads[i].wait_start;
        let lane = self.threads[i].lane;
        let (kind, label) = match &w {
            Some(Wait::Sleep { .. }) => (SpanKind::Sleep, "time.sleep".to_string()),
            Some(Wait::Lock { lock, .. }) => (SpanKind::Wait, format!("waiting: {}", lock.label)),
            Some(Wait::Join { thread, .. }) => {
                let name = self.shared.thread_info(*thread).map(|t| t.name).unwrap_or_default();
                (SpanKind::Wait, format!("waiting: join {name}"))
            }
            Some(Wait::Shutdown) => (SpanKind::Wait, "waiting: the other threads to end".to_string()),
            Some(Wait::Process { pid, .. }) => {
                let name = self.shared.run.process(*pid).map(|p| p.name).unwrap_or_default();
                (SpanKind::Wait, format!("waiting: join {name}"))
            }
            Some(Wait::Channel { .. }) => (SpanKind::Wait, "waiting: Queue.get".to_string()),
            _ => (SpanKind::Wait, String::new()),
        };
        // A sleep ends at its deadline, though it may be noticed later (at the next switch):
        // from the deadline on, the thread is ready and waits for the GIL, not sleeping.
        let end = match &w {
            Some(Wait::Sleep { until }) => now.min(*until).max(start),
            _ => now,
        };
        if end > start && !label.is_empty() {
            self.host.span(lane, kind, start - self.start_ms, end - self.start_ms, &label, None);
            if kind == SpanKind::Wait {
                self.add_thread_time(i, 0.0, end - start);
            }
        }
        self.threads[i].ready_since = end;
        if i == self.cur {
            // It has not run since it began waiting: its next slice starts now.
            self.slice_start = now;
        }
        if !push {
            return;
        }
        if let Some(f) = self.threads[i].frames.last_mut() {
            f.stack.push(value);
        } else {
            self.threads[i].parked = Some(Ok(value));
        }
    }

    /// Wakes the threads whose waits have ended. Returns whether any is runnable, and the
    /// earliest time a waiting one could wake.
    fn poll_waits(&mut self) -> (bool, Option<f64>, bool) {
        let mut any = false;
        let mut next: Option<f64> = None;
        let mut waiting = false;
        // Lock waits are served in the order the threads began waiting, as a fair lock would.
        let mut order: Vec<usize> = (0..self.threads.len()).collect();
        order.sort_by(|a, b| self.threads[*a].wait_start.partial_cmp(&self.threads[*b].wait_start).unwrap_or(std::cmp::Ordering::Equal));
        for i in order {
            if self.threads[i].done {
                continue;
            }
            if let Some(w) = self.threads[i].wait.clone() {
                if matches!(w, Wait::Parked(_)) {
                    continue;
                }
                waiting = true;
                if let Some(v) = self.try_wait(i, &w) {
                    self.end_wait(i, v, true);
                    any = true;
                } else {
                    let t = match &w {
                        Wait::Sleep { until } => Some(*until),
                        Wait::Lock { deadline, .. } | Wait::Join { deadline, .. } | Wait::Process { deadline, .. } | Wait::Channel { deadline, .. } => *deadline,
                        _ => None,
                    };
                    if let Some(t) = t {
                        next = Some(next.map_or(t, |n: f64| n.min(t)));
                    }
                }
            } else if self.runnable(i) {
                any = true;
            }
        }
        (any, next, waiting)
    }

    /// Picks the next thread to run after `self.cur` (round robin), if any is runnable.
    fn pick_next(&mut self) -> Option<usize> {
        let n = self.threads.len();
        for k in 1..=n {
            let i = (self.cur + k) % n;
            if self.runnable(i) {
                return Some(i);
            }
        }
        None
    }

    pub(crate) fn switch_to(&mut self, i: usize) {
        let now = self.now();
        if i != self.cur {
            self.end_cpu_span(self.cur, now);
            self.shared.switches.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            // The time it waited, ready, for the GIL.
            let t = &self.threads[i];
            if now - t.ready_since > 0.05 && self.threads.len() > 1 {
                let lane = t.lane;
                let (s, e) = (t.ready_since - self.start_ms, now - self.start_ms);
                self.host.span(lane, SpanKind::Wait, s, e, "waiting: GIL", None);
                self.add_thread_time(i, 0.0, now - self.threads[i].ready_since);
            }
        }
        self.cur = i;
        self.slice_start = now;
    }

    /// At an eval-breaker check: should the running thread give the GIL up?
    pub(crate) fn gil_drop_requested(&mut self) -> bool {
        if self.shared.real_threads {
            return self.shared.gil.drop_requested();
        }
        self.breaker_count += 1;
        if self.breaker_count & 31 != 0 {
            return false;
        }
        let now = self.now();
        let interval = self.shared.switch_interval_ms();
        if now - self.slice_start < interval {
            return false;
        }
        let _ = self.poll_waits();
        let cur = self.cur;
        self.threads.iter().enumerate().any(|(i, t)| {
            i != cur && !t.done && t.wait.is_none() && !t.frames.is_empty() && now - t.ready_since.max(self.slice_start) >= interval
        })
    }

    fn run_loop_waiting(&mut self, level: usize, me: usize) -> Option<Value> {
        loop {
            if self.threads[me].wait.is_none() {
                return match self.threads[me].parked.take() {
                    Some(Ok(v)) => {
                        self.switch_to(me);
                        Some(v)
                    }
                    _ => None,
                };
            }
            match self.run_loop(level, None) {
                LoopEnd::Native(_) => {}
                LoopEnd::Done => return None,
                _ => {}
            }
        }
    }

    /// The interpreter loop at nesting `level`: runs threads until the native call at this
    /// level returns (level > 0), or the program ends / the budget is spent (level 0).
    fn run_loop(&mut self, level: usize, deadline: Option<f64>) -> LoopEnd {
        let caller = self.cur;
        loop {
            // A nested wait (wait_native) ends when its thread's wait does.
            if level > 0 && self.threads[caller].frames.is_empty() && self.threads[caller].wait.is_none() {
                self.cur = caller;
                return LoopEnd::Native(Ok(Value::None));
            }
            if !self.runnable(self.cur) || self.threads[self.cur].wait.is_some() {
                let (_, next_wake, _) = self.poll_waits();
                match self.pick_next().or_else(|| self.runnable(self.cur).then_some(self.cur)) {
                    Some(i) => self.switch_to(i),
                    None => {
                        if self.threads.iter().all(|t| t.done) {
                            return LoopEnd::Done;
                        }
                        if level > 0 {
                            // Nested: nothing can return to the driver; wait here, looking
                            // again every 2 ms: a wait can also end without a deadline (an
                            // item on a process's queue, a process that exits).
                            let soon = self.now() + 2.0;
                            self.spin_until(next_wake.map_or(soon, |t| t.min(soon)));
                            // Stop, or a deadlock past the run's time limit, ends the run.
                            if self.stop_requested() {
                                return LoopEnd::Done;
                            }
                            if level > 0 && self.threads[caller].wait.is_none() && self.threads[caller].frames.is_empty() {
                                self.cur = caller;
                                return LoopEnd::Native(Ok(Value::None));
                            }
                            continue;
                        }
                        return match next_wake {
                            Some(t) => LoopEnd::Idle(t),
                            None => LoopEnd::Deadlock,
                        };
                    }
                }
            }
            let r = self.run_thread(level, deadline);
            match r {
                RunEnd::Switch => {}
                RunEnd::Budget => return LoopEnd::Budget,
                RunEnd::Native(r) => {
                    // The call returned on the thread that made it, which has kept the
                    // GIL: its running time goes on (resetting the slice here lost the
                    // time of every call from Rust, `sum(generator)` for one, from the
                    // cpu spans).
                    debug_assert!(self.cur == caller || self.stop_requested(), "a call from Rust returned on thread {} (made on {caller})", self.cur);
                    if !self.shared.real_threads {
                        // Threads in turns share this one Rust stack: a slice restarts here
                        // so that no other thread is switched to on top of a call from Rust
                        // (their calls would nest ever deeper: a stack overflow in wasm). The
                        // call's time is then left out of the cpu spans on the single build.
                        self.slice_start = self.now();
                    }
                    self.cur = caller;
                    return LoopEnd::Native(r);
                }
            }
            if level > 0 {
                if let Some(Wait::Parked(l)) = self.threads[caller].wait.clone() {
                    if l == level {
                        self.threads[caller].wait = None;
                        let r = self.threads[caller].parked.take().unwrap_or(Ok(Value::None));
                        self.switch_to(caller);
                        return LoopEnd::Native(r);
                    }
                }
            }
        }
    }

    fn spin_until(&mut self, t: f64) {
        while self.now() < t {
            if self.stop_requested() {
                return;
            }
            std::hint::spin_loop();
        }
    }
}

/// The GIL's view of the run: its clock, and whether to stop waiting.
struct GilEnv<'a>(&'a Vm);

impl gil::Env for GilEnv<'_> {
    fn now_ms(&self) -> f64 {
        self.0.now()
    }
    fn cancelled(&self) -> bool {
        self.0.stop_requested()
    }
}

pub enum LoopEnd {
    Done,
    Budget,
    Idle(f64),
    Deadlock,
    Native(Result<Value, Value>),
}

pub enum RunEnd {
    /// The thread waits, finished, or gave the GIL up: pick another.
    Switch,
    Budget,
    /// The native call at the loop's level returned.
    Native(Result<Value, Value>),
}

fn leading_ws(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

// The instruction loop itself lives in interp.rs.
