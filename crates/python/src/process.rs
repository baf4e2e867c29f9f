//! Processes, as `multiprocessing` starts them with the spawn method (macOS's and
//! Windows's default): a child is a new interpreter with its own modules and objects,
//! which runs the main program as `__mp_main__` (the `if __name__ == "__main__":` part
//! skipped) and then calls the target. Nothing is shared with the parent but what is
//! pickled to it: arguments, results, queue items (`Pickled`), and the few objects made
//! to be shared (queues, locks, `Value`/`Array`), which live in the run's table here.
//!
//! A child runs on a real thread of its own (a Worker in the browser) and takes its own
//! GIL, so processes compute at the same time on different cores.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use num_bigint::BigInt;

use crate::shared::{lock, Output};
use crate::value::*;
use crate::vm::{Ctl, Vm};
use crate::wake::{Key, Wakeups};

/// The pid the main process reports (`os.getpid()`); children count up from it.
pub const MAIN_PID: u64 = 4242;

/// What every process of one run shares: the terminal they all print to, and the objects
/// made to cross between processes.
pub struct RunShared {
    pub out: Mutex<Output>,
    pub processes: Mutex<Vec<ProcessInfo>>,
    /// Queues' items, pickled, by queue id.
    pub channels: Mutex<Vec<VecDeque<Pickled>>>,
    /// `multiprocessing.Value`/`Array` contents, by id.
    pub arrays: Mutex<Vec<Vec<Value>>>,
    /// Locks that may be passed to another process (`multiprocessing.Lock`), by lock id.
    pub locks: Mutex<HashMap<u64, Arc<LockObj>>>,
    /// The program's text: a child runs it as `__mp_main__`.
    pub main_source: Mutex<String>,
    next_pid: AtomicU64,
    /// Where blocked threads of every process sleep until what they wait for changes.
    pub wake: Wakeups,
}

#[derive(Clone)]
pub struct ProcessInfo {
    pub pid: u64,
    pub name: String,
    pub daemon: bool,
    pub exitcode: Option<i32>,
    /// `terminate()`: its threads stop where they are.
    pub killed: Arc<AtomicBool>,
}

impl Default for RunShared {
    fn default() -> Self {
        RunShared {
            out: Mutex::default(),
            processes: Mutex::default(),
            channels: Mutex::default(),
            arrays: Mutex::default(),
            locks: Mutex::default(),
            main_source: Mutex::default(),
            next_pid: AtomicU64::new(MAIN_PID + 1),
            wake: Wakeups::default(),
        }
    }
}

impl RunShared {
    pub fn new_pid(&self) -> u64 {
        self.next_pid.fetch_add(1, Ordering::Relaxed)
    }

    pub fn process(&self, pid: u64) -> Option<ProcessInfo> {
        lock(&self.processes).iter().find(|p| p.pid == pid).cloned()
    }

    /// The first of `pids` that has ended with a non-zero exit code.
    pub fn died(&self, pids: &[u64]) -> Option<u64> {
        let table = lock(&self.processes);
        pids.iter().copied().find(|pid| table.iter().any(|p| p.pid == *pid && p.exitcode.is_some_and(|c| c != 0)))
    }

    pub fn set_exitcode(&self, pid: u64, code: i32) {
        if let Some(p) = lock(&self.processes).iter_mut().find(|p| p.pid == pid) {
            p.exitcode.get_or_insert(code);
        }
        // Its joiners, and a pool's result handler watching its workers (`channel_get`).
        self.wake.notify_all();
    }
}

/// An object as it travels between processes: a copy of its value, with functions and
/// classes named by module and qualified name, as `pickle` does.
#[derive(Clone, Debug)]
pub enum Pickled {
    None,
    Bool(bool),
    Int(i64),
    Big(Arc<BigInt>),
    Float(f64),
    Str(Str),
    Bytes(Arc<[u8]>),
    Tuple(Vec<Pickled>),
    List(Vec<Pickled>),
    Dict(Vec<(Pickled, Pickled)>),
    Set(Vec<Pickled>, bool),
    Range(i64, i64, i64),
    Global(Str, Str),
    /// An instance: its class (module, qualname) and its attributes.
    Object(Str, Str, Vec<(Str, Pickled)>),
    Lock(u64),
    Ellipsis,
    /// A bound method: its object, and the attribute that gives it back.
    Method(Box<Pickled>, Str),
    /// The n-th list, dict, set or instance met before in the same object (pickle's memo):
    /// an object referred to twice arrives as one object, and cycles cross.
    Ref(usize),
}

fn pickling_error(vm: &mut Vm, msg: String) -> Ctl {
    match crate::modules::import(vm, "pickle").and_then(|m| match crate::ops::get_attr(vm, &m, "PicklingError")? {
        crate::ops::Attr::Value(c) => Ok(c),
        crate::ops::Attr::Call(f, a) => vm.call(&f, a),
    }) {
        Ok(Value::Class(c)) => Ctl::Exc(vm.new_exc(&c, &msg)),
        Ok(_) => vm.err("TypeError", msg),
        Err(e) => e,
    }
}

/// The module a function or class is found in by a process that unpickles it: the main
/// program is `__main__` in the parent and `__mp_main__` (also `__main__`) in a child; the
/// engine's multiprocessing is one module.
fn module_name(m: &str) -> Str {
    match m {
        "__mp_main__" => Arc::from("__main__"),
        // multiprocessing's exceptions say they are from multiprocessing.context, as CPython's.
        "multiprocessing.context" | "multiprocessing.pool" => Arc::from("multiprocessing"),
        "concurrent.futures.process" => Arc::from("concurrent.futures"),
        _ => Arc::from(m),
    }
}

fn find_global(vm: &mut Vm, module: &str, qualname: &str) -> Option<Value> {
    let m = if module == "__main__" {
        vm.main_module.clone().map(Value::Module)
    } else if module == "builtins" {
        Some(Value::Module(vm.builtins.clone()))
    } else {
        let known = lock(&vm.shared.modules).get(module).cloned();
        match known {
            Some(m) => Some(m),
            // `import a.b` gives `a`: the module itself is then in the table.
            None => crate::modules::import(vm, module).ok().and_then(|_| lock(&vm.shared.modules).get(module).cloned()),
        }
    }?;
    let mut cur = m;
    for part in qualname.split('.') {
        cur = match &cur {
            Value::Module(m) => m.dict.lock().get(part).cloned()?,
            // On a class, as getattr finds it: a staticmethod gives its function.
            Value::Class(_) => match crate::ops::get_attr(vm, &cur, part).ok()? {
                crate::ops::Attr::Value(v) => v,
                crate::ops::Attr::Call(..) => return None,
            },
            _ => return None,
        };
    }
    Some(cur)
}

fn global_ref(vm: &mut Vm, v: &Value, module: &str, qualname: &str, what: &str) -> Result<Pickled, Ctl> {
    if qualname.contains("<locals>") {
        return Err(vm.err("AttributeError", format!("Can't pickle local object '{qualname}'")));
    }
    let module = module_name(module);
    match find_global(vm, &module, qualname) {
        Some(found) if found.is(v) => Ok(Pickled::Global(module, Arc::from(qualname))),
        Some(_) => Err(pickling_error(vm, format!("Can't pickle {what}: it's not the same object as {module}.{qualname}"))),
        None => {
            let last = qualname.rsplit('.').next().unwrap_or(qualname);
            Err(pickling_error(vm, format!("Can't pickle {what}: attribute lookup {last} on {module} failed")))
        }
    }
}

/// Where a built-in function is found by name, as pickle finds it: in `builtins`, in the
/// module that holds it (`time.sleep`), or on a built-in type (`str.upper`, pickled as
/// `getattr(str, "upper")`).
fn builtin_ref(vm: &mut Vm, b: &Arc<Builtin>) -> Result<Pickled, Ctl> {
    let same = |v: Option<Value>| matches!(v, Some(Value::Builtin(o)) if o.name == b.name && o.func as usize == b.func as usize);
    if same(vm.builtins.dict.lock().get(b.name).cloned()) {
        return Ok(Pickled::Global(Arc::from("builtins"), Arc::from(b.name)));
    }
    let modules: Vec<(String, Value)> = lock(&vm.shared.modules).iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    for (name, m) in &modules {
        if let Value::Module(m) = m {
            if same(m.dict.lock().get(b.name).cloned()) {
                return Ok(Pickled::Global(module_name(name), Arc::from(b.name)));
            }
        }
    }
    let types: Vec<(Str, Value)> = vm.builtins.dict.lock().iter().filter(|(_, v)| matches!(v, Value::Class(_))).map(|(k, v)| (k.clone(), v.clone())).collect();
    for (name, t) in types {
        if let Value::Class(c) = &t {
            if same(c.dict.lock().get(b.name).cloned()) {
                return Ok(Pickled::Method(Box::new(Pickled::Global(Arc::from("builtins"), name)), Arc::from(b.name)));
            }
        }
    }
    Err(pickling_error(vm, format!("Can't pickle <built-in function {}>: attribute lookup {} on builtins failed", b.name, b.name)))
}

/// Copies `v` into the form that crosses to another process.
pub fn pickle(vm: &mut Vm, v: &Value) -> Result<Pickled, Ctl> {
    pickle_at(vm, v, 0, &mut Memo { seen: HashMap::new(), spawning: false })
}

/// Pickles what a process is started with: only then may the objects multiprocessing shares
/// by inheritance (queues, locks, shared values) go, as CPython's `assert_spawning` allows.
fn pickle_for_spawn(vm: &mut Vm, v: &Value) -> Result<Pickled, Ctl> {
    pickle_at(vm, v, 0, &mut Memo { seen: HashMap::new(), spawning: true })
}

/// What one pickling has seen, and whether it is starting a process.
struct Memo {
    seen: HashMap<usize, usize>,
    spawning: bool,
}

/// The memo's number for a list, dict, set or instance (numbered in the order first met,
/// which is the order unpickling makes them), or its `Ref` if it was met before.
fn memo_ref(v: &Value, memo: &mut Memo) -> Result<(), Pickled> {
    if !matches!(v, Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Instance(_)) {
        return Ok(());
    }
    let Some(addr) = v.ptr() else { return Ok(()) };
    if let Some(&n) = memo.seen.get(&addr) {
        return Err(Pickled::Ref(n));
    }
    let n = memo.seen.len();
    memo.seen.insert(addr, n);
    Ok(())
}

fn pickle_at(vm: &mut Vm, v: &Value, depth: usize, memo: &mut Memo) -> Result<Pickled, Ctl> {
    if depth > 200 {
        return Err(vm.err("RecursionError", "maximum recursion depth exceeded while pickling an object"));
    }
    let d = depth + 1;
    if let Err(r) = memo_ref(v, memo) {
        return Ok(r);
    }
    Ok(match v {
        Value::None => Pickled::None,
        Value::Bool(b) => Pickled::Bool(*b),
        Value::Int(i) => Pickled::Int(*i),
        Value::BigInt(b) => Pickled::Big(b.clone()),
        Value::Float(f) => Pickled::Float(*f),
        Value::Str(s) => Pickled::Str(s.clone()),
        Value::Bytes(b) => Pickled::Bytes(b.clone()),
        Value::Ellipsis => Pickled::Ellipsis,
        Value::Tuple(t) => Pickled::Tuple(t.iter().map(|x| pickle_at(vm, x, d, memo)).collect::<Result<_, _>>()?),
        Value::List(l) => {
            let items = l.lock().clone();
            Pickled::List(items.iter().map(|x| pickle_at(vm, x, d, memo)).collect::<Result<_, _>>()?)
        }
        Value::Dict(m) => {
            let items: Vec<(Value, Value)> = m.lock().iter().map(|(k, v)| (k.value.clone(), v.clone())).collect();
            let mut out = Vec::with_capacity(items.len());
            for (k, v) in items {
                out.push((pickle_at(vm, &k, d, memo)?, pickle_at(vm, &v, d, memo)?));
            }
            Pickled::Dict(out)
        }
        Value::Set(s) => {
            let items: Vec<Value> = s.items.lock().keys().map(|k| k.value.clone()).collect();
            Pickled::Set(items.iter().map(|x| pickle_at(vm, x, d, memo)).collect::<Result<_, _>>()?, s.frozen)
        }
        Value::Range(r) => Pickled::Range(r.0, r.1, r.2),
        Value::Func(f) => {
            let what = format!("<function {} at {:#x}>", f.qualname, Arc::as_ptr(f) as usize);
            global_ref(vm, v, &f.globals.name, &f.qualname, &what)?
        }
        Value::Builtin(b) => builtin_ref(vm, b)?,
        Value::Method(m) => {
            let name = match &m.0 {
                Value::Func(f) => f.name.clone(),
                Value::Builtin(b) => Arc::from(b.name),
                _ => return Err(vm.type_error("cannot pickle 'method' object")),
            };
            Pickled::Method(Box::new(pickle_at(vm, &m.1, d, memo)?), name)
        }
        Value::Class(c) => {
            let what = format!("<class '{}.{}'>", c.module, c.qualname);
            global_ref(vm, v, &c.module, &c.qualname, &what)?
        }
        Value::Lock(l) => {
            if lock(&vm.shared.run.locks).contains_key(&l.id) {
                Pickled::Lock(l.id)
            } else {
                return Err(vm.type_error("cannot pickle '_thread.lock' object"));
            }
        }
        Value::Instance(i) if matches!(i.class.native, NativeType::Object | NativeType::Exception) => {
            // multiprocessing's queues, locks and shared values say so with
            // `_inheritance_only` (True, or the name CPython's message uses).
            if !memo.spawning {
                if let Some(flag) = i.class.lookup("_inheritance_only") {
                    if crate::ops::truthy(vm, &flag)? {
                        let name = match &flag {
                            Value::Str(s) => s.to_string(),
                            _ => i.class.name.to_string(),
                        };
                        return Err(vm.err("RuntimeError", format!("{name} objects should only be shared between processes through inheritance")));
                    }
                }
            }
            let class = Value::Class(i.class.clone());
            let Pickled::Global(module, qualname) = pickle_at(vm, &class, d, memo)? else { unreachable!() };
            // An exception is pickled as CPython's BaseException.__reduce__ gives it: its class,
            // its args and its __dict__; not its cause, context or traceback.
            let exc = i.class.native == NativeType::Exception;
            let attrs: Vec<(Str, Value)> = i
                .attrs
                .lock()
                .iter()
                .filter(|(k, _)| !(exc && matches!(&***k, "__cause__" | "__context__" | "__suppress_context__" | "__traceback__" | "__notes__")))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            let mut out = Vec::with_capacity(attrs.len());
            for (k, v) in attrs {
                out.push((k, pickle_at(vm, &v, d, memo)?));
            }
            Pickled::Object(module, qualname, out)
        }
        other => {
            let t = crate::ops::type_name(vm, other);
            return Err(vm.type_error(format!("cannot pickle '{t}' object")));
        }
    })
}

/// Makes the object `p` describes, in this process.
pub fn unpickle(vm: &mut Vm, p: &Pickled) -> Result<Value, Ctl> {
    unpickle_at(vm, p, &mut Vec::new())
}

/// `memo` holds the lists, dicts, sets and instances made so far, in the order pickling met
/// them; each takes its place before its contents are made, so that a cycle finds it.
fn unpickle_at(vm: &mut Vm, p: &Pickled, memo: &mut Vec<Value>) -> Result<Value, Ctl> {
    Ok(match p {
        Pickled::None => Value::None,
        Pickled::Bool(b) => Value::Bool(*b),
        Pickled::Int(i) => Value::Int(*i),
        Pickled::Big(b) => Value::BigInt(b.clone()),
        Pickled::Float(f) => Value::Float(*f),
        Pickled::Str(s) => Value::Str(s.clone()),
        Pickled::Bytes(b) => Value::Bytes(b.clone()),
        Pickled::Ellipsis => Value::Ellipsis,
        Pickled::Tuple(t) => Value::tuple(t.iter().map(|x| unpickle_at(vm, x, memo)).collect::<Result<_, _>>()?),
        Pickled::List(l) => {
            let list = Value::list(Vec::with_capacity(l.len()));
            memo.push(list.clone());
            for x in l {
                let x = unpickle_at(vm, x, memo)?;
                if let Value::List(items) = &list {
                    items.lock().push(x);
                }
            }
            list
        }
        Pickled::Dict(items) => {
            let dict = Value::dict(Dict::default());
            memo.push(dict.clone());
            for (k, v) in items {
                let k = unpickle_at(vm, k, memo)?;
                let v = unpickle_at(vm, v, memo)?;
                let k = crate::ops::key(vm, &k)?;
                if let Value::Dict(d) = &dict {
                    d.lock().insert(k, v);
                }
            }
            dict
        }
        Pickled::Set(items, frozen) => {
            let slot = memo.len();
            memo.push(Value::None);
            let items = items.iter().map(|x| unpickle_at(vm, x, memo)).collect::<Result<Vec<_>, _>>()?;
            let set = crate::ops::new_set(vm, items, *frozen)?;
            memo[slot] = set.clone();
            set
        }
        Pickled::Ref(n) => memo.get(*n).cloned().unwrap_or(Value::None),
        Pickled::Range(a, b, c) => Value::Range(Arc::new((*a, *b, *c))),
        Pickled::Global(module, qualname) => match find_global(vm, module, qualname) {
            Some(v) => v,
            None => return Err(vm.err("AttributeError", format!("Can't get attribute '{qualname}' on <module '{module}'>"))),
        },
        Pickled::Object(module, qualname, attrs) => {
            let Some(Value::Class(class)) = find_global(vm, module, qualname) else {
                return Err(vm.err("AttributeError", format!("Can't get attribute '{qualname}' on <module '{module}'>")));
            };
            if class.native == NativeType::Exception {
                // As unpickling does: the class is called with the exception's args (so an
                // __init__ that takes other arguments fails here, as in CPython), then its
                // other attributes are set.
                // (Its contents are made first, in the order pickling met them; a cycle back
                // to the exception itself finds None.)
                let slot = memo.len();
                memo.push(Value::None);
                let mut args = Vec::new();
                let mut rest = Vec::new();
                for (k, v) in attrs {
                    let v = unpickle_at(vm, v, memo)?;
                    match v {
                        Value::Tuple(t) if &**k == "args" => args = t.to_vec(),
                        v => rest.push((k.clone(), v)),
                    }
                }
                let exc = vm.call(&Value::Class(class), crate::value::Args::new(args))?;
                memo[slot] = exc.clone();
                if let Value::Instance(i) = &exc {
                    for (k, v) in rest {
                        i.attrs.lock().insert(k, v);
                    }
                }
                return Ok(exc);
            }
            let inst = Arc::new(Instance { class, attrs: Namespace::default(), traceback: PyCell::default() });
            memo.push(Value::Instance(inst.clone()));
            for (k, v) in attrs {
                let v = unpickle_at(vm, v, memo)?;
                inst.attrs.lock().insert(k.clone(), v);
            }
            Value::Instance(inst)
        }
        Pickled::Method(obj, name) => {
            let obj = unpickle_at(vm, obj, memo)?;
            match crate::ops::get_attr(vm, &obj, name)? {
                crate::ops::Attr::Value(v) => v,
                crate::ops::Attr::Call(f, a) => vm.call(&f, a)?,
            }
        }
        Pickled::Lock(id) => match lock(&vm.shared.run.locks).get(id) {
            Some(l) => Value::Lock(l.clone()),
            None => return Err(vm.err("RuntimeError", "a lock of another run")),
        },
    })
}

/// A process's identity, as `multiprocessing.current_process()` gives it.
#[derive(Clone)]
pub struct Identity {
    pub pid: u64,
    pub name: String,
    pub parent: Option<u64>,
    /// `terminate()` sets it: the process's threads stop where they are.
    pub killed: Arc<AtomicBool>,
    /// `os._exit(n)`: the exit code of a process killed by itself.
    pub exit_now: Arc<Mutex<Option<i32>>>,
}

impl Identity {
    pub fn main() -> Identity {
        Identity::new(MAIN_PID, "MainProcess", None)
    }

    pub fn new(pid: u64, name: &str, parent: Option<u64>) -> Identity {
        Identity { pid, name: name.into(), parent, killed: Arc::default(), exit_now: Arc::default() }
    }
}



/// A child process's main thread runs this: multiprocessing's bootstrap (in Python).
pub const BOOTSTRAP: &str = "import multiprocessing\nmultiprocessing._child_main()\n";

/// CPython's words when a spawned child, importing the main program, starts a process:
/// the program has no `if __name__ == "__main__":` guard.
const NO_MAIN_GUARD: &str = "
        An attempt has been made to start a new process before the
        current process has finished its bootstrapping phase.

        This probably means that you are not using fork to start your
        child processes and you have forgotten to use the proper idiom
        in the main module:

            if __name__ == '__main__':
                freeze_support()
                ...

        The \"freeze_support()\" line can be omitted if the program
        is not going to be frozen to produce an executable.";

use crate::builtins::{arg, float_arg, int_arg, opt};
use crate::vm::{Wait, R};

fn str_arg(vm: &mut Vm, v: &Value) -> Result<String, Ctl> {
    crate::ops::to_str(vm, v)
}

fn deadline(vm: &mut Vm, timeout: Option<Value>) -> Result<Option<f64>, Ctl> {
    Ok(match timeout {
        None | Some(Value::None) => None,
        Some(v) => Some(vm.now() + float_arg(vm, &v, "timeout")?.max(0.0) * 1000.0),
    })
}

/// `_pg.start_process(name, target, args, kwargs, daemon)`: pickles the call, starts the
/// child on a thread of its own, returns its pid.
pub fn pg_start_process(vm: &mut Vm, a: Args) -> R {
    if vm.shared.bootstrapping.load(Ordering::SeqCst) {
        return Err(vm.err("RuntimeError", NO_MAIN_GUARD));
    }
    let name = str_arg(vm, &arg(vm, &a, 0, "start_process")?)?;
    let target = arg(vm, &a, 1, "start_process")?;
    let args = arg(vm, &a, 2, "start_process")?;
    let kwargs = arg(vm, &a, 3, "start_process")?;
    let daemon = crate::ops::truthy(vm, &arg(vm, &a, 4, "start_process")?)?;
    let started = vm.now();
    let payload = pickle_for_spawn(vm, &Value::tuple(vec![target, args, kwargs]))?;
    let child = vm.new_process(&name, daemon, payload);
    let pid = child.shared.identity.pid;
    let run = vm.shared.run.clone();
    let body = move || {
        let mut child = child;
        if child.shared.real_threads {
            child.run_main_to_end();
        } else {
            child.run_in_turns_to_end();
        }
        let id = &child.shared.identity;
        let code = if id.killed.load(Ordering::SeqCst) { lock(&id.exit_now).unwrap_or(-15) } else { child.exit_code() };
        run.set_exitcode(pid, code);
    };
    if let Err(why) = vm.host.spawn(Box::new(body)) {
        vm.shared.run.set_exitcode(pid, 1);
        return Err(vm.err("OSError", format!("cannot start a process here: {why}")));
    }
    let lane = vm.threads[vm.cur].lane;
    let now = vm.now();
    vm.host.span(lane, crate::host::SpanKind::Overhead, started - vm.start_ms, now - vm.start_ms, &format!("start {name} (pickle the call, new interpreter)"), None);
    Ok(Value::Int(pid as i64))
}

pub fn pg_join_process(vm: &mut Vm, a: Args) -> R {
    let pid = int_arg(vm, &arg(vm, &a, 0, "join_process")?)? as u64;
    let deadline = deadline(vm, opt(&a, 1))?;
    match vm.shared.run.process(pid) {
        Some(p) if p.exitcode.is_none() => Err(Ctl::Block(Wait::Process { pid, deadline })),
        _ => Ok(Value::None),
    }
}

pub fn pg_process_exitcode(vm: &mut Vm, a: Args) -> R {
    let pid = int_arg(vm, &arg(vm, &a, 0, "process_exitcode")?)? as u64;
    Ok(match vm.shared.run.process(pid).and_then(|p| p.exitcode) {
        Some(c) => Value::Int(c as i64),
        None => Value::None,
    })
}

pub fn pg_process_terminate(vm: &mut Vm, a: Args) -> R {
    let pid = int_arg(vm, &arg(vm, &a, 0, "process_terminate")?)? as u64;
    if let Some(p) = vm.shared.run.process(pid) {
        p.killed.store(true, Ordering::SeqCst);
        vm.shared.run.wake.notify_all();
    }
    Ok(Value::None)
}

/// `(pid, name, parent pid or None)` of the calling process.
pub fn pg_process_info(vm: &mut Vm, _a: Args) -> R {
    let id = &vm.shared.identity;
    Ok(Value::tuple(vec![
        Value::Int(id.pid as i64),
        Value::str(&id.name),
        id.parent.map_or(Value::None, |p| Value::Int(p as i64)),
    ]))
}

/// In a child: runs the main program as `__mp_main__` (also `sys.modules["__main__"]`).
pub fn pg_run_main(vm: &mut Vm, _a: Args) -> R {
    let source = lock(&vm.shared.run.main_source).clone();
    let (code, src) = match crate::compile::compile_module(&source, "main.py", false) {
        Ok(c) => c,
        Err(e) => return Err(vm.err("SyntaxError", e.message)),
    };
    lock(&vm.shared.sources).insert("main.py".into(), src);
    let module = Arc::new(Module { name: Arc::from("__mp_main__"), dict: Namespace::default() });
    module.dict.lock().insert(Arc::from("__name__"), Value::str("__mp_main__"));
    {
        let mut modules = lock(&vm.shared.modules);
        modules.insert("__mp_main__".into(), Value::Module(module.clone()));
        modules.insert("__main__".into(), Value::Module(module.clone()));
    }
    vm.main_module = Some(module.clone());
    let func = Value::Func(Arc::new(Function {
        name: Arc::from("<module>"),
        qualname: Arc::from("<module>"),
        code,
        globals: module,
        defaults: vec![],
        kwdefaults: vec![],
        closure: vec![],
        attrs: Namespace::default(),
    }));
    vm.shared.bootstrapping.store(true, Ordering::SeqCst);
    let r = vm.call(&func, Args::default());
    vm.shared.bootstrapping.store(false, Ordering::SeqCst);
    r.map(|_| Value::None)
}

/// In a child: `(target, args, kwargs)`, unpickled here.
pub fn pg_child_payload(vm: &mut Vm, _a: Args) -> R {
    let p = lock(&vm.shared.payload).take();
    match p {
        Some(p) => unpickle(vm, &p),
        None => Err(vm.err("RuntimeError", "this process has no target")),
    }
}

pub fn pg_write_stderr(vm: &mut Vm, a: Args) -> R {
    let text = str_arg(vm, &arg(vm, &a, 0, "write_stderr")?)?;
    vm.write_out(&text, true);
    Ok(Value::None)
}

/// The traceback CPython prints for an exception.
pub fn pg_format_exception(vm: &mut Vm, a: Args) -> R {
    let e = arg(vm, &a, 0, "format_exception")?;
    Ok(Value::str(&vm.format_exception(&e)))
}

pub fn pg_channel_new(vm: &mut Vm, _a: Args) -> R {
    let mut ch = lock(&vm.shared.run.channels);
    ch.push(VecDeque::new());
    Ok(Value::Int(ch.len() as i64 - 1))
}

fn channel_id(vm: &mut Vm, a: &Args, f: &str) -> Result<usize, Ctl> {
    let id = int_arg(vm, &arg(vm, a, 0, f)?)?;
    if id < 0 || id as usize >= lock(&vm.shared.run.channels).len() {
        return Err(vm.value_error("not a queue of this run"));
    }
    Ok(id as usize)
}

pub fn pg_channel_put(vm: &mut Vm, a: Args) -> R {
    let id = channel_id(vm, &a, "channel_put")?;
    let item = arg(vm, &a, 1, "channel_put")?;
    let p = pickle(vm, &item)?;
    lock(&vm.shared.run.channels)[id].push_back(p);
    vm.shared.run.wake.notify(Key::Channel(id));
    Ok(Value::None)
}

/// `_pg.channel_get(id, block, timeout)`: `(item,)`, or None when there is none in time,
/// or True when it waited and took one (`channel_received` gives it).
pub fn pg_channel_get(vm: &mut Vm, a: Args) -> R {
    let id = channel_id(vm, &a, "channel_get")?;
    let block = match opt(&a, 1) {
        Some(v) => crate::ops::truthy(vm, &v)?,
        None => true,
    };
    let item = lock(&vm.shared.run.channels)[id].pop_front();
    if let Some(p) = item {
        return Ok(Value::tuple(vec![unpickle(vm, &p)?]));
    }
    if !block {
        return Ok(Value::None);
    }
    // A process pool's result handler also watches its workers: a pid that died (a non-zero
    // exit code, e.g. `os._exit(1)` in a task) is returned instead of an item.
    let watch: Option<Arc<[u64]>> = match opt(&a, 3) {
        None | Some(Value::None) => None,
        Some(v) => Some(crate::ops::collect(vm, &v)?.iter().map(|p| int_arg(vm, p).map(|p| p as u64)).collect::<Result<_, _>>()?),
    };
    if let Some(pid) = watch.as_deref().and_then(|w| vm.shared.run.died(w)) {
        return Ok(Value::Int(pid as i64));
    }
    let deadline = deadline(vm, opt(&a, 2))?;
    Err(Ctl::Block(Wait::Channel { id, deadline, watch }))
}

/// After a blocking `channel_get` gave True: the item it took, unpickled, as `(item,)`.
pub fn pg_channel_received(vm: &mut Vm, _a: Args) -> R {
    let p = vm.threads[vm.cur].received.take();
    match p {
        Some(p) => Ok(Value::tuple(vec![unpickle(vm, &p)?])),
        None => Ok(Value::None),
    }
}

pub fn pg_channel_size(vm: &mut Vm, a: Args) -> R {
    let id = channel_id(vm, &a, "channel_size")?;
    Ok(Value::Int(lock(&vm.shared.run.channels)[id].len() as i64))
}

/// `multiprocessing.Value`/`Array`'s memory: numbers shared by every process of the run.
pub fn pg_array_new(vm: &mut Vm, a: Args) -> R {
    let items = crate::ops::collect(vm, &arg(vm, &a, 0, "array_new")?)?;
    if items.iter().any(|v| !matches!(v, Value::Int(_) | Value::Float(_) | Value::Bool(_))) {
        return Err(vm.type_error("shared memory holds numbers only"));
    }
    let mut arrays = lock(&vm.shared.run.arrays);
    arrays.push(items);
    Ok(Value::Int(arrays.len() as i64 - 1))
}

fn array_slot(vm: &mut Vm, a: &Args, f: &str) -> Result<(usize, usize), Ctl> {
    let id = int_arg(vm, &arg(vm, a, 0, f)?)? as usize;
    let i = int_arg(vm, &arg(vm, a, 1, f)?)?;
    let len = lock(&vm.shared.run.arrays).get(id).map(|v| v.len());
    match len {
        Some(n) if i >= 0 && (i as usize) < n => Ok((id, i as usize)),
        Some(_) => Err(vm.err("IndexError", "invalid index")),
        None => Err(vm.value_error("not shared memory of this run")),
    }
}

pub fn pg_array_get(vm: &mut Vm, a: Args) -> R {
    let (id, i) = array_slot(vm, &a, "array_get")?;
    Ok(lock(&vm.shared.run.arrays)[id][i].clone())
}

pub fn pg_array_set(vm: &mut Vm, a: Args) -> R {
    let (id, i) = array_slot(vm, &a, "array_set")?;
    let v = arg(vm, &a, 2, "array_set")?;
    if !matches!(v, Value::Int(_) | Value::Float(_) | Value::Bool(_)) {
        return Err(vm.type_error("shared memory holds numbers only"));
    }
    lock(&vm.shared.run.arrays)[id][i] = v;
    Ok(Value::None)
}

/// A lock that can be passed to another process (`multiprocessing.Lock`).
pub fn pg_mp_lock(vm: &mut Vm, _a: Args) -> R {
    let l = vm.new_lock("multiprocessing.Lock.acquire");
    lock(&vm.shared.run.locks).insert(l.id, l.clone());
    Ok(Value::Lock(l))
}

/// Raises what pickling `obj` raises (a Pool checks its function before sending it).
pub fn pg_pickle_check(vm: &mut Vm, a: Args) -> R {
    let v = arg(vm, &a, 0, "pickle_check")?;
    pickle(vm, &v)?;
    Ok(Value::None)
}
