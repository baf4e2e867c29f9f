//! `import`: the modules this playground offers. Some are Rust (time, math, random, sys,
//! os, _thread); the concurrency library (threading, queue, asyncio, concurrent.futures)
//! is Python in `src/lib/`, built, as CPython's is, on a few primitives: a lock, a sleep,
//! starting and joining a thread.

use std::sync::Arc;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::builtins::{arg, builtin, float_arg, int_arg, opt};
use crate::ops;
use crate::value::*;
use crate::shared::lock;
use crate::vm::{Ctl, Vm, Wait, R};

/// The Python-source modules, compiled when first imported.
const PY_MODULES: &[(&str, &str)] = &[
    ("threading", include_str!("lib/threading.py")),
    ("queue", include_str!("lib/queue.py")),
    ("asyncio", include_str!("lib/asyncio.py")),
    ("concurrent", "# a package: see concurrent.futures\n"),
    ("concurrent.futures", include_str!("lib/futures.py")),
    ("concurrent.futures.process", include_str!("lib/futures_process.py")),
    ("collections", include_str!("lib/collections.py")),
    ("functools", include_str!("lib/functools.py")),
    ("itertools", include_str!("lib/itertools.py")),
    ("typing", include_str!("lib/typing.py")),
    ("dataclasses", include_str!("lib/dataclasses.py")),
    ("contextlib", include_str!("lib/contextlib.py")),
    ("string", include_str!("lib/string.py")),
    ("heapq", include_str!("lib/heapq.py")),
    ("statistics", include_str!("lib/statistics.py")),
    ("operator", include_str!("lib/operator.py")),
    ("bisect", include_str!("lib/bisect.py")),
    ("copy", include_str!("lib/copy.py")),
    ("timeit", include_str!("lib/timeit.py")),
    ("traceback", include_str!("lib/traceback.py")),
    ("_asyncgen", include_str!("lib/_asyncgen.py")),
    ("multiprocessing", include_str!("lib/multiprocessing.py")),
    ("multiprocessing.managers", include_str!("lib/mp_managers.py")),
    ("pickle", include_str!("lib/pickle.py")),
    ("requests", include_str!("lib/requests.py")),
    ("json", include_str!("lib/json.py")),
    ("logging", include_str!("lib/logging.py")),
    ("datetime", include_str!("lib/datetime.py")),
    ("types", include_str!("lib/types.py")),
    ("io", include_str!("lib/io.py")),
    ("urllib", "# a package: see urllib.request and urllib.error\n"),
    ("urllib.request", include_str!("lib/urllib_request.py")),
    ("urllib.error", include_str!("lib/urllib_error.py")),
    ("_httpstatus", include_str!("lib/_httpstatus.py")),
];

const RUST_MODULES: &[&str] = &["sys", "time", "math", "random", "os", "_thread", "_pg", "_json"];

/// What a learner may import here, for the ModuleNotFoundError message.
pub fn offered() -> String {
    let mut names: Vec<&str> = PY_MODULES.iter().map(|(n, _)| *n).chain(RUST_MODULES.iter().copied()).filter(|n| !n.starts_with('_') && !matches!(*n, "concurrent" | "urllib")).collect();
    names.sort();
    names.join(", ")
}

pub fn import(vm: &mut Vm, name: &str) -> R {
    let known = lock(&vm.shared.modules).get(name).cloned();
    if let Some(m) = known {
        return Ok(top_level(vm, name, m));
    }
    // A dotted name imports its parents first.
    if let Some((parent, _)) = name.rsplit_once('.') {
        import(vm, parent)?;
    }
    let module = Arc::new(Module { name: Arc::from(name), dict: Namespace::default() });
    module.dict.lock().insert(Arc::from("__name__"), Value::str(name));
    let value = Value::Module(module.clone());
    if RUST_MODULES.contains(&name) {
        fill_rust_module(vm, name, &module);
        lock(&vm.shared.modules).insert(name.to_string(), value.clone());
    } else if let Some((_, src)) = PY_MODULES.iter().find(|(n, _)| *n == name) {
        lock(&vm.shared.modules).insert(name.to_string(), value.clone());
        if let Err(e) = run_module_source(vm, name, src, &module) {
            lock(&vm.shared.modules).shift_remove(name);
            return Err(e);
        }
    } else {
        let top = name.split('.').next().unwrap_or(name);
        let hint = match top {
            "urllib" | "aiohttp" | "httpx" | "http" => " (use requests.get or urllib.request.urlopen)",
            _ => "",
        };
        // The message is CPython's; what this playground offers is a note (3.11's
        // `__notes__`), printed under it in the traceback.
        let e = vm.new_exc(&vm.exc_class("ModuleNotFoundError"), &format!("No module named '{name}'"));
        if let Value::Instance(i) = &e {
            let note = format!("This playground offers: {}{hint}.", offered());
            i.attrs.lock().insert(Arc::from("__notes__"), Value::list(vec![Value::str(&note)]));
            i.attrs.lock().insert(Arc::from("name"), Value::str(name));
        }
        return Err(Ctl::Exc(e));
    }
    if let Some((parent, child)) = name.rsplit_once('.') {
        let parent = lock(&vm.shared.modules).get(parent).cloned();
        if let Some(Value::Module(p)) = parent {
            p.dict.lock().insert(Arc::from(child), value.clone());
        }
    }
    Ok(top_level(vm, name, value))
}

/// `import a.b` binds `a`.
fn top_level(vm: &Vm, name: &str, m: Value) -> Value {
    match name.split_once('.') {
        Some((top, _)) => lock(&vm.shared.modules).get(top).cloned().unwrap_or(m),
        None => m,
    }
}

/// The library's modules, compiled once per engine instance: a code object is immutable,
/// so every run and every process shares it (a child process imports what its parent
/// did without compiling it again).
static COMPILED: std::sync::Mutex<Vec<(String, Arc<crate::code::Code>, crate::compile::Source)>> = std::sync::Mutex::new(Vec::new());

fn compiled(vm: &Vm, name: &str, src: &'static str) -> Result<(Arc<crate::code::Code>, crate::compile::Source), Ctl> {
    if let Some((_, code, source)) = lock(&COMPILED).iter().find(|(n, _, _)| *n == name) {
        return Ok((code.clone(), source.clone()));
    }
    let filename = format!("<{name}>");
    let (code, source) = crate::compile::compile_module(src, &filename, true).map_err(|e| vm.err("SyntaxError", format!("{filename} line {}: {}", e.line, e.message)))?;
    lock(&COMPILED).push((name.to_string(), code.clone(), source.clone()));
    Ok((code, source))
}

fn run_module_source(vm: &mut Vm, name: &str, src: &'static str, module: &Arc<Module>) -> Result<(), Ctl> {
    let filename = format!("<{name}>");
    let (code, source) = compiled(vm, name, src)?;
    lock(&vm.shared.sources).insert(filename, source);
    let func = Value::Func(Arc::new(Function {
        name: Arc::from("<module>"),
        qualname: Arc::from("<module>"),
        code,
        globals: module.clone(),
        defaults: vec![],
        kwdefaults: vec![],
        closure: vec![],
        attrs: Namespace::default(),
    }));
    vm.call(&func, Args::default())?;
    Ok(())
}

fn set(m: &Module, name: &str, v: Value) {
    m.dict.lock().insert(Arc::from(name), v);
}

fn fns(m: &Module, list: &[(&'static str, BuiltinFn)]) {
    for (n, f) in list {
        set(m, n, builtin(n, *f));
    }
}

fn fill_rust_module(vm: &mut Vm, name: &str, m: &Arc<Module>) {
    match name {
        "sys" => {
            fns(m, &[
                ("getswitchinterval", sys_getswitchinterval),
                ("setswitchinterval", sys_setswitchinterval),
                ("exit", sys_exit),
                ("getrecursionlimit", sys_getrecursionlimit),
                ("setrecursionlimit", sys_setrecursionlimit),
                ("_is_gil_enabled", sys_is_gil_enabled),
                ("intern", sys_intern),
                ("exc_info", sys_exc_info),
                ("exception", sys_exception),
            ]);
            let stream = |fd: i64, name: &str| {
                let c = Arc::new(Class {
                    name: Arc::from("TextIOWrapper"),
                    qualname: Arc::from("TextIOWrapper"),
                    bases: vec![vm.types.object.clone()],
                    mro: vec![vm.types.object.clone()],
                    dict: Namespace::default(),
                    native: NativeType::Object,
                    module: Arc::from("_io"),
                });
                c.dict.lock().insert(Arc::from("write"), builtin("write", stream_write));
                c.dict.lock().insert(Arc::from("flush"), builtin("flush", stream_flush));
                let i = Instance { class: c, attrs: Namespace::default(), traceback: PyCell::default() };
                i.attrs.lock().insert(Arc::from("_fd"), Value::Int(fd));
                i.attrs.lock().insert(Arc::from("name"), Value::str(name));
                Value::Instance(Arc::new(i))
            };
            set(m, "stdout", stream(1, "<stdout>"));
            set(m, "stderr", stream(2, "<stderr>"));
            set(m, "__stdout__", stream(1, "<stdout>"));
            set(m, "__stderr__", stream(2, "<stderr>"));
            set(m, "argv", Value::list(vec![Value::str("main.py")]));
            set(m, "platform", Value::str("emscripten"));
            set(m, "version", Value::str("3.11.7 (Concurrency Playground: a Python engine in Rust, compiled to WebAssembly)"));
            set(m, "maxsize", Value::Int(i64::MAX));
            set(m, "byteorder", Value::str("little"));
            set(m, "implementation_name", Value::str("playground"));
            set(m, "modules", Value::dict(Dict::default()));
            set(m, "path", Value::list(vec![]));
            // version_info: a sequence with named fields that compares as a tuple, as CPython's.
            let _ = run_module_source(vm, "sys", SYS_PY, m);
        }
        "time" => fns(m, &[
            ("sleep", time_sleep),
            ("time", time_time),
            ("time_ns", time_time_ns),
            ("perf_counter", time_perf_counter),
            ("perf_counter_ns", time_perf_counter_ns),
            ("monotonic", time_perf_counter),
            ("monotonic_ns", time_perf_counter_ns),
            ("process_time", time_process_time),
            ("thread_time", time_process_time),
            ("strftime", time_strftime),
            ("gmtime", time_gmtime),
            ("ctime", time_ctime),
            ("asctime", time_asctime),
            ("localtime", time_gmtime),
        ]),
        "math" => {
            fns(m, &[
                ("sqrt", math_sqrt),
                ("floor", math_floor),
                ("ceil", math_ceil),
                ("trunc", math_trunc),
                ("gcd", math_gcd),
                ("lcm", math_lcm),
                ("factorial", math_factorial),
                ("isqrt", math_isqrt),
                ("log", math_log),
                ("log2", math_log2),
                ("log10", math_log10),
                ("exp", math_exp),
                ("sin", math_sin),
                ("cos", math_cos),
                ("tan", math_tan),
                ("asin", math_asin),
                ("acos", math_acos),
                ("atan", math_atan),
                ("atan2", math_atan2),
                ("hypot", math_hypot),
                ("fabs", math_fabs),
                ("pow", math_pow),
                ("isclose", math_isclose),
                ("isfinite", math_isfinite),
                ("isinf", math_isinf),
                ("isnan", math_isnan),
                ("fsum", math_fsum),
                ("frexp", math_frexp),
                ("ldexp", math_ldexp),
                ("prod", math_prod),
                ("comb", math_comb),
                ("perm", math_perm),
                ("degrees", math_degrees),
                ("radians", math_radians),
                ("copysign", math_copysign),
                ("fmod", math_fmod),
                ("modf", math_modf),
            ]);
            set(m, "pi", Value::Float(std::f64::consts::PI));
            set(m, "e", Value::Float(std::f64::consts::E));
            set(m, "tau", Value::Float(std::f64::consts::TAU));
            set(m, "inf", Value::Float(f64::INFINITY));
            set(m, "nan", Value::Float(f64::NAN));
        }
        "random" => {
            random_fns(m);
            // random.Random: instances with their own generator state.
            let _ = run_module_source(vm, "random", RANDOM_PY, m);
        }
        "os" => {
            fns(m, &[("getpid", os_getpid), ("getppid", os_getppid), ("cpu_count", os_cpu_count), ("getenv", os_getenv), ("getcwd", os_getcwd), ("_exit", os_exit)]);
            set(m, "sep", Value::str("/"));
            set(m, "linesep", Value::str("\n"));
            set(m, "name", Value::str("posix"));
            set(m, "environ", Value::dict(Dict::default()));
        }
        "_thread" => {
            fns(m, &[("allocate_lock", thread_allocate_lock), ("RLock", thread_rlock), ("get_ident", thread_get_ident), ("start_new_thread", thread_start_new_thread)]);
            set(m, "LockType", Value::Class(vm.types.lock.clone()));
            set(m, "TIMEOUT_MAX", Value::Float(4294967.0));
        }
        "_json" => crate::json::install(m),
        "_pg" => fns(m, &[
            ("start_thread", pg_start_thread),
            ("join_thread", pg_join_thread),
            ("thread_name", pg_thread_name),
            ("set_thread_name", pg_set_thread_name),
            ("thread_alive", pg_thread_alive),
            ("thread_ids", pg_thread_ids),
            ("print_thread_exception", pg_print_thread_exception),
            ("now", pg_now),
            ("caller", pg_caller),
            ("sleep_until", pg_sleep_until),
            ("enter_event_loop", pg_enter_event_loop),
            ("leave_event_loop", pg_leave_event_loop),
            ("span", pg_span),
            ("cpu_count", os_cpu_count),
            ("start_process", crate::process::pg_start_process),
            ("join_process", crate::process::pg_join_process),
            ("process_exitcode", crate::process::pg_process_exitcode),
            ("process_terminate", crate::process::pg_process_terminate),
            ("process_info", crate::process::pg_process_info),
            ("run_main", crate::process::pg_run_main),
            ("child_payload", crate::process::pg_child_payload),
            ("write_stderr", crate::process::pg_write_stderr),
            ("format_exception", crate::process::pg_format_exception),
            ("channel_new", crate::process::pg_channel_new),
            ("channel_put", crate::process::pg_channel_put),
            ("channel_get", crate::process::pg_channel_get),
            ("channel_size", crate::process::pg_channel_size),
            ("channel_received", crate::process::pg_channel_received),
            ("array_new", crate::process::pg_array_new),
            ("array_get", crate::process::pg_array_get),
            ("array_set", crate::process::pg_array_set),
            ("mp_lock", crate::process::pg_mp_lock),
            ("pickle_check", crate::process::pg_pickle_check),
            ("http_get", crate::io::pg_http_get),
            ("new_instance", pg_new_instance),
        ]),
        _ => {}
    }
}

// ----- sys -----

const SYS_PY: &str = r#"
class _VersionInfo:
    _fields = ("major", "minor", "micro", "releaselevel", "serial")

    def __init__(self, t):
        self._t = t
        self.major, self.minor, self.micro, self.releaselevel, self.serial = t

    def __getitem__(self, i):
        return self._t[i]

    def __len__(self):
        return len(self._t)

    def __iter__(self):
        return iter(self._t)

    def __eq__(self, o):
        return self._t == tuple(o)

    def __lt__(self, o):
        return self._t < tuple(o)

    def __le__(self, o):
        return self._t <= tuple(o)

    def __gt__(self, o):
        return self._t > tuple(o)

    def __ge__(self, o):
        return self._t >= tuple(o)

    def __hash__(self):
        return hash(self._t)

    def __repr__(self):
        return "sys.version_info(major=%d, minor=%d, micro=%d, releaselevel=%r, serial=%d)" % self._t

version_info = _VersionInfo((3, 11, 7, "final", 0))
del _VersionInfo
"#;

const RANDOM_PY: &str = r#"
class Random:
    def __init__(self, x=None):
        self._state = _new_state()
        self.seed(x)

    def _call(self, fn, *args, **kwargs):
        _swap_state(self._state)
        try:
            return fn(*args, **kwargs)
        finally:
            _swap_state(self._state)

    def seed(self, a=None):
        return self._call(seed, a)

    def random(self):
        return self._call(random)

    def randint(self, a, b):
        return self._call(randint, a, b)

    def randrange(self, *args):
        return self._call(randrange, *args)

    def choice(self, seq):
        return self._call(choice, seq)

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        return self._call(choices, population, weights, cum_weights=cum_weights, k=k)

    def shuffle(self, x):
        return self._call(shuffle, x)

    def uniform(self, a, b):
        return self._call(uniform, a, b)

    def sample(self, population, k, **kwargs):
        return self._call(sample, population, k, **kwargs)

    def gauss(self, mu=0.0, sigma=1.0):
        return self._call(gauss, mu, sigma)

    def getrandbits(self, k):
        return self._call(getrandbits, k)
"#;

fn random_fns(m: &Module) {
    fns(m, &[
            ("seed", random_seed),
            ("random", random_random),
            ("randint", random_randint),
            ("randrange", random_randrange),
            ("choice", random_choice),
            ("choices", random_choices),
            ("shuffle", random_shuffle),
            ("uniform", random_uniform),
            ("sample", random_sample),
            ("gauss", random_gauss),
            ("getrandbits", random_getrandbits),
            ("_new_state", random_new_state),
            ("_swap_state", random_swap_state),
        ]);
}

/// `random.Random()`: a new generator state, swapped in while one of its methods runs.
fn random_new_state(vm: &mut Vm, _a: Args) -> R {
    let fresh = crate::pyrandom::PyRandom::seed_from_time((vm.host.wall_ms() * 1000.0) as u64 ^ 0x5eed);
    let mut states = lock(&vm.shared.rng_states);
    states.push(fresh);
    Ok(Value::Int(states.len() as i64 - 1))
}
fn random_swap_state(vm: &mut Vm, a: Args) -> R {
    let mut states = lock(&vm.shared.rng_states);
    let i = match a.pos.first() {
        Some(Value::Int(i)) if (*i as usize) < states.len() => *i as usize,
        _ => {
            drop(states);
            return Err(vm.value_error("bad generator state"));
        }
    };
    std::mem::swap(&mut *lock(&vm.shared.random), &mut states[i]);
    Ok(Value::None)
}

/// sys keeps the interval in microseconds, as CPython, so the float it gives back is the same.
fn sys_getswitchinterval(vm: &mut Vm, _a: Args) -> R {
    Ok(Value::Float(1e-6 * (vm.shared.switch_interval_ms() * 1000.0).round()))
}
fn sys_setswitchinterval(vm: &mut Vm, a: Args) -> R {
    let s = float_arg(vm, &arg(vm, &a, 0, "setswitchinterval")?, "setswitchinterval")?;
    if s <= 0.0 {
        return Err(vm.value_error("switch interval must be strictly positive"));
    }
    let us = (1e6 * s).floor().max(1.0);
    vm.shared.gil.set_switch_interval_ms(us / 1000.0);
    Ok(Value::None)
}
/// The exception being handled on this thread (in an `except` block of the calling frame or
/// of one of its callers), as `sys.exception()` gives it.
fn handled_here(vm: &Vm) -> Option<Value> {
    vm.threads[vm.cur].frames.iter().rev().find_map(|f| f.blocks.iter().rev().find_map(|b| b.handling.clone()))
}
fn sys_exception(vm: &mut Vm, _a: Args) -> R {
    Ok(handled_here(vm).unwrap_or(Value::None))
}
/// `(type, value, traceback)`; the traceback is None here (no traceback objects).
fn sys_exc_info(vm: &mut Vm, _a: Args) -> R {
    Ok(match handled_here(vm) {
        Some(e) => Value::tuple(vec![Value::Class(ops::type_of(vm, &e)), e, Value::None]),
        None => Value::tuple(vec![Value::None, Value::None, Value::None]),
    })
}
fn sys_exit(vm: &mut Vm, a: Args) -> R {
    let e = vm.new_exc(&vm.exc_class("SystemExit"), "");
    if let (Value::Instance(i), Some(code)) = (&e, opt(&a, 0)) {
        i.attrs.lock().insert(Arc::from("args"), Value::tuple(vec![code]));
    }
    Err(Ctl::Exc(e))
}
fn sys_getrecursionlimit(vm: &mut Vm, _a: Args) -> R {
    Ok(Value::Int(vm.max_recursion as i64))
}
fn sys_setrecursionlimit(vm: &mut Vm, a: Args) -> R {
    let n = int_arg(vm, &arg(vm, &a, 0, "setrecursionlimit")?)?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    // Frames live on the heap, so a large limit is safe; cap it where memory would not be.
    vm.max_recursion = n.min(100_000) as usize;
    Ok(Value::None)
}
fn sys_is_gil_enabled(vm: &mut Vm, _a: Args) -> R {
    Ok(Value::Bool(vm.shared.gil_enabled()))
}
fn sys_intern(vm: &mut Vm, a: Args) -> R {
    arg(vm, &a, 0, "intern")
}
fn stream_write(vm: &mut Vm, a: Args) -> R {
    let fd = match &a.pos[0] {
        Value::Instance(i) => match i.attrs.lock().get("_fd") {
            Some(Value::Int(fd)) => *fd,
            _ => 1,
        },
        _ => 1,
    };
    let s = match arg(vm, &a, 1, "write")? {
        Value::Str(s) => s,
        other => return Err(vm.type_error(format!("write() argument must be str, not {}", ops::type_name(vm, &other)))),
    };
    vm.write_out(&s, fd == 2);
    Ok(Value::Int(s.chars().count() as i64))
}
fn stream_flush(_vm: &mut Vm, _a: Args) -> R {
    Ok(Value::None)
}

// ----- time -----

fn time_sleep(vm: &mut Vm, a: Args) -> R {
    let s = match arg(vm, &a, 0, "sleep")? {
        v @ (Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::BigInt(_)) => float_arg(vm, &v, "sleep")?,
        other => return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", ops::type_name(vm, &other)))),
    };
    if s < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    // A microsecond more than asked: a program that measures its sleep with perf_counter
    // must find at least what it asked for, even on the page's coarse clock (100 µs steps
    // without isolation) where the wake-up can land exactly on the deadline.
    let until = vm.now() + s * 1000.0 + if s > 0.0 { 0.001 } else { 0.0 };
    Err(Ctl::Block(Wait::Sleep { until }))
}
fn time_time(vm: &mut Vm, _a: Args) -> R {
    Ok(Value::Float(vm.host.wall_ms() / 1000.0))
}
fn time_time_ns(vm: &mut Vm, _a: Args) -> R {
    Ok(Value::Int((vm.host.wall_ms() * 1e6) as i64))
}
fn time_perf_counter(vm: &mut Vm, _a: Args) -> R {
    Ok(Value::Float(vm.now() / 1000.0))
}
fn time_perf_counter_ns(vm: &mut Vm, _a: Args) -> R {
    Ok(Value::Int((vm.now() * 1e6) as i64))
}
fn time_process_time(vm: &mut Vm, _a: Args) -> R {
    let cpu: f64 = vm.shared.threads().iter().map(|t| t.cpu_ms).sum::<f64>() + (vm.now() - vm.slice_start);
    Ok(Value::Float(cpu / 1000.0))
}
// Calendar time is UTC here: a Worker has no time zone database (localtime = gmtime).

/// The civil date of a day counted from 1970-01-01: (year, month 1-12, day 1-31).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    // Eras of 400 years (146097 days) starting on March 1st, so that the leap day ends a year.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// `time.gmtime(secs)`'s nine fields: year, month, day, hour, minute, second, weekday
/// (Monday 0), day of the year (1-366), DST flag (0).
fn broken_down(secs: f64) -> [i64; 9] {
    let s = secs.floor() as i64;
    let days = s.div_euclid(86_400);
    let rem = s.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    const BEFORE: [i64; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let yday = BEFORE[(m - 1) as usize] + d + i64::from(m > 2 && is_leap(y));
    [y, m, d, rem / 3600, rem % 3600 / 60, rem % 60, (days + 3).rem_euclid(7), yday, 0]
}

fn time_fields(vm: &mut Vm, a: &Args, name: &str) -> Result<[i64; 9], Ctl> {
    match a.pos.first() {
        None | Some(Value::None) => Ok(broken_down(vm.host.wall_ms() / 1000.0)),
        Some(v) => Ok(broken_down(float_arg(vm, v, name)?)),
    }
}

fn time_gmtime(vm: &mut Vm, a: Args) -> R {
    let f = time_fields(vm, &a, "gmtime")?;
    Ok(Value::tuple(f.iter().map(|x| Value::Int(*x)).collect()))
}

/// `time.ctime(secs=None)`: "Mon Nov 30 12:00:00 2026".
fn time_ctime(vm: &mut Vm, a: Args) -> R {
    let t = time_gmtime(vm, a)?;
    time_strftime(vm, Args::new(vec![Value::str("%a %b %e %H:%M:%S %Y"), t]))
}
/// `time.asctime(t=None)`: as ctime, from a 9-tuple.
fn time_asctime(vm: &mut Vm, a: Args) -> R {
    let mut args = vec![Value::str("%a %b %e %H:%M:%S %Y")];
    args.extend(a.pos.into_iter().take(1));
    time_strftime(vm, Args::new(args))
}
/// `time.strftime(format, t=None)`: `t` a 9-tuple as gmtime/localtime give.
fn time_strftime(vm: &mut Vm, a: Args) -> R {
    let fmt = ops::to_str(vm, &arg(vm, &a, 0, "strftime")?)?;
    let t: [i64; 9] = match a.pos.get(1) {
        None => broken_down(vm.host.wall_ms() / 1000.0),
        Some(v) => {
            let items = ops::collect(vm, v)?;
            if items.len() != 9 {
                return Err(vm.type_error("time.struct_time() takes a 9-sequence"));
            }
            let mut out = [0i64; 9];
            for (o, x) in out.iter_mut().zip(&items) {
                *o = int_arg(vm, x)?;
            }
            out
        }
    };
    const DAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    let month = MONTHS[(t[1].clamp(1, 12) - 1) as usize];
    let day = DAYS[t[6].rem_euclid(7) as usize];
    let hour12 = if t[3] % 12 == 0 { 12 } else { t[3] % 12 };
    let mut out = String::new();
    let mut chars = fmt.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('Y') => out.push_str(&t[0].to_string()),
            Some('y') => out.push_str(&format!("{:02}", t[0].rem_euclid(100))),
            Some('m') => out.push_str(&format!("{:02}", t[1])),
            Some('d') => out.push_str(&format!("{:02}", t[2])),
            Some('e') => out.push_str(&format!("{:2}", t[2])),
            Some('H') => out.push_str(&format!("{:02}", t[3])),
            Some('I') => out.push_str(&format!("{hour12:02}")),
            Some('M') => out.push_str(&format!("{:02}", t[4])),
            Some('S') => out.push_str(&format!("{:02}", t[5])),
            Some('p') => out.push_str(if t[3] < 12 { "AM" } else { "PM" }),
            Some('j') => out.push_str(&format!("{:03}", t[7])),
            Some('a') => out.push_str(&day[..3]),
            Some('A') => out.push_str(day),
            Some('b') | Some('h') => out.push_str(&month[..3]),
            Some('B') => out.push_str(month),
            Some('w') => out.push_str(&((t[6] + 1) % 7).to_string()),
            Some('u') => out.push_str(&(t[6] + 1).to_string()),
            Some('Z') => out.push_str("UTC"),
            Some('z') => out.push_str("+0000"),
            Some('F') => out.push_str(&format!("{}-{:02}-{:02}", t[0], t[1], t[2])),
            Some('T') => out.push_str(&format!("{:02}:{:02}:{:02}", t[3], t[4], t[5])),
            Some('R') => out.push_str(&format!("{:02}:{:02}", t[3], t[4])),
            Some('D') => out.push_str(&format!("{:02}/{:02}/{:02}", t[1], t[2], t[0].rem_euclid(100))),
            Some('c') => out.push_str(&format!("{} {} {:2} {:02}:{:02}:{:02} {}", &day[..3], &month[..3], t[2], t[3], t[4], t[5], t[0])),
            Some('x') => out.push_str(&format!("{:02}/{:02}/{:02}", t[1], t[2], t[0].rem_euclid(100))),
            Some('X') => out.push_str(&format!("{:02}:{:02}:{:02}", t[3], t[4], t[5])),
            Some('%') => out.push('%'),
            Some(other) => {
                out.push('%');
                out.push(other);
            }
            None => out.push('%'),
        }
    }
    Ok(Value::str(&out))
}

// ----- math -----

fn f(vm: &Vm, a: &Args, i: usize, name: &str) -> Result<f64, Ctl> {
    let v = a.pos.get(i).cloned().ok_or_else(|| vm.type_error(format!("math.{name}() takes exactly one argument (0 given)")))?;
    float_arg(vm, &v, name).map_err(|_| vm.type_error(format!("must be real number, not {}", ops::type_name(vm, &v))))
}
fn domain(vm: &Vm) -> Ctl {
    vm.value_error("math domain error")
}
fn math_sqrt(vm: &mut Vm, a: Args) -> R {
    let x = f(vm, &a, 0, "sqrt")?;
    if x < 0.0 {
        return Err(domain(vm));
    }
    Ok(Value::Float(x.sqrt()))
}
fn int_of_float(vm: &Vm, x: f64) -> R {
    if x.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(vm.err("OverflowError", "cannot convert float infinity to integer"));
    }
    if x.abs() < 9.0e18 {
        Ok(Value::Int(x as i64))
    } else {
        Ok(Value::from_big(BigInt::from(x as i128)))
    }
}
fn math_floor(vm: &mut Vm, a: Args) -> R {
    let v = arg(vm, &a, 0, "floor")?;
    if matches!(v, Value::Int(_) | Value::BigInt(_)) {
        return Ok(v);
    }
    int_of_float(vm, f(vm, &a, 0, "floor")?.floor())
}
fn math_ceil(vm: &mut Vm, a: Args) -> R {
    let v = arg(vm, &a, 0, "ceil")?;
    if matches!(v, Value::Int(_) | Value::BigInt(_)) {
        return Ok(v);
    }
    int_of_float(vm, f(vm, &a, 0, "ceil")?.ceil())
}
fn math_trunc(vm: &mut Vm, a: Args) -> R {
    let v = arg(vm, &a, 0, "trunc")?;
    if matches!(v, Value::Int(_) | Value::BigInt(_)) {
        return Ok(v);
    }
    int_of_float(vm, f(vm, &a, 0, "trunc")?.trunc())
}
fn big_args(vm: &Vm, a: &Args) -> Result<Vec<BigInt>, Ctl> {
    a.pos.iter().map(|v| v.to_bigint().ok_or_else(|| vm.type_error(format!("'{}' object cannot be interpreted as an integer", ops::type_name(vm, v))))).collect()
}
fn math_gcd(vm: &mut Vm, a: Args) -> R {
    use num_integer::Integer;
    let v = big_args(vm, &a)?;
    Ok(Value::from_big(v.into_iter().fold(BigInt::zero(), |x, y| x.gcd(&y))))
}
fn math_lcm(vm: &mut Vm, a: Args) -> R {
    use num_integer::Integer;
    let v = big_args(vm, &a)?;
    Ok(Value::from_big(v.into_iter().fold(BigInt::from(1), |x, y| x.lcm(&y))))
}
fn math_factorial(vm: &mut Vm, a: Args) -> R {
    let v = arg(vm, &a, 0, "factorial")?;
    if let Value::Float(_) = v {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = int_arg(vm, &v)?;
    if n < 0 {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    if n > 20000 {
        return Err(vm.err("MemoryError", "the result would be too large for this playground"));
    }
    let mut r = BigInt::from(1);
    for i in 2..=n {
        r *= i;
    }
    Ok(Value::from_big(r))
}
fn math_isqrt(vm: &mut Vm, a: Args) -> R {
    let v = big_args(vm, &a)?;
    let n = v.first().cloned().unwrap_or_default();
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_big(n.sqrt()))
}
fn math_log(vm: &mut Vm, a: Args) -> R {
    let x = match arg(vm, &a, 0, "log")? {
        Value::BigInt(b) => {
            // Large ints: log of the leading bits plus the exponent.
            let bits = b.bits() as i64;
            let shift = (bits - 60).max(0);
            let top: BigInt = &*b >> shift as usize;
            top.to_f64().unwrap_or(0.0).ln() + shift as f64 * std::f64::consts::LN_2
        }
        v => {
            let x = float_arg(vm, &v, "log")?;
            if x <= 0.0 {
                return Err(domain(vm));
            }
            x.ln()
        }
    };
    match opt(&a, 1) {
        Some(b) => {
            let b = float_arg(vm, &b, "log")?;
            if b <= 0.0 || b == 1.0 {
                return Err(if b == 1.0 { vm.err("ZeroDivisionError", "float division by zero") } else { domain(vm) });
            }
            Ok(Value::Float(x / b.ln()))
        }
        None => Ok(Value::Float(x)),
    }
}
fn math_log2(vm: &mut Vm, a: Args) -> R {
    let x = f(vm, &a, 0, "log2")?;
    if x <= 0.0 {
        return Err(domain(vm));
    }
    Ok(Value::Float(x.log2()))
}
fn math_log10(vm: &mut Vm, a: Args) -> R {
    let x = f(vm, &a, 0, "log10")?;
    if x <= 0.0 {
        return Err(domain(vm));
    }
    Ok(Value::Float(x.log10()))
}
fn math_exp(vm: &mut Vm, a: Args) -> R {
    let r = f(vm, &a, 0, "exp")?.exp();
    if r.is_infinite() {
        return Err(vm.err("OverflowError", "math range error"));
    }
    Ok(Value::Float(r))
}
macro_rules! unary_math {
    ($name:ident, $py:expr, $op:expr) => {
        fn $name(vm: &mut Vm, a: Args) -> R {
            let x = f(vm, &a, 0, $py)?;
            let r: f64 = $op(x);
            if r.is_nan() && !x.is_nan() {
                return Err(domain(vm));
            }
            Ok(Value::Float(r))
        }
    };
}
unary_math!(math_sin, "sin", f64::sin);
unary_math!(math_cos, "cos", f64::cos);
unary_math!(math_tan, "tan", f64::tan);
unary_math!(math_asin, "asin", f64::asin);
unary_math!(math_acos, "acos", f64::acos);
unary_math!(math_atan, "atan", f64::atan);
unary_math!(math_fabs, "fabs", f64::abs);
unary_math!(math_degrees, "degrees", f64::to_degrees);
unary_math!(math_radians, "radians", f64::to_radians);
fn math_atan2(vm: &mut Vm, a: Args) -> R {
    Ok(Value::Float(f(vm, &a, 0, "atan2")?.atan2(f(vm, &a, 1, "atan2")?)))
}
fn math_hypot(vm: &mut Vm, a: Args) -> R {
    let mut s = 0.0f64;
    for i in 0..a.pos.len() {
        let x = f(vm, &a, i, "hypot")?;
        s = s.hypot(x);
    }
    Ok(Value::Float(s))
}
fn math_pow(vm: &mut Vm, a: Args) -> R {
    Ok(Value::Float(f(vm, &a, 0, "pow")?.powf(f(vm, &a, 1, "pow")?)))
}
fn math_copysign(vm: &mut Vm, a: Args) -> R {
    Ok(Value::Float(f(vm, &a, 0, "copysign")?.copysign(f(vm, &a, 1, "copysign")?)))
}
fn math_fmod(vm: &mut Vm, a: Args) -> R {
    let y = f(vm, &a, 1, "fmod")?;
    if y == 0.0 {
        return Err(domain(vm));
    }
    Ok(Value::Float(f(vm, &a, 0, "fmod")? % y))
}
fn math_modf(vm: &mut Vm, a: Args) -> R {
    let x = f(vm, &a, 0, "modf")?;
    Ok(Value::tuple(vec![Value::Float(x.fract()), Value::Float(x.trunc())]))
}
fn math_isclose(vm: &mut Vm, mut a: Args) -> R {
    let rel = a.take_kw("rel_tol").map(|v| float_arg(vm, &v, "isclose")).transpose()?.unwrap_or(1e-9);
    let abs = a.take_kw("abs_tol").map(|v| float_arg(vm, &v, "isclose")).transpose()?.unwrap_or(0.0);
    let (x, y) = (f(vm, &a, 0, "isclose")?, f(vm, &a, 1, "isclose")?);
    if x == y {
        return Ok(Value::Bool(true));
    }
    let d = (x - y).abs();
    Ok(Value::Bool(d <= (rel * x.abs()).max(rel * y.abs()) || d <= abs))
}
fn math_isfinite(vm: &mut Vm, a: Args) -> R {
    Ok(Value::Bool(f(vm, &a, 0, "isfinite")?.is_finite()))
}
fn math_isinf(vm: &mut Vm, a: Args) -> R {
    Ok(Value::Bool(f(vm, &a, 0, "isinf")?.is_infinite()))
}
fn math_isnan(vm: &mut Vm, a: Args) -> R {
    Ok(Value::Bool(f(vm, &a, 0, "isnan")?.is_nan()))
}
fn math_fsum(vm: &mut Vm, a: Args) -> R {
    // Shewchuk's exact partial sums, then the partials added from the largest down with the
    // half-way correction, so the result is correctly rounded as CPython's.
    let items = ops::collect(vm, &arg(vm, &a, 0, "fsum")?)?;
    let mut partials: Vec<f64> = Vec::new();
    let (mut special, mut infinities) = (0.0f64, 0.0f64);
    for it in items {
        let mut x = float_arg(vm, &it, "fsum")?;
        if !x.is_finite() {
            if x.is_infinite() {
                infinities += x;
            }
            special += x;
            continue;
        }
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if !x.is_finite() {
            return Err(vm.err("OverflowError", "intermediate overflow in fsum"));
        }
        partials.push(x);
    }
    if special != 0.0 || special.is_nan() {
        if infinities.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(Value::Float(special));
    }
    let mut n = partials.len();
    let mut hi = 0.0;
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            lo = y - (hi - x);
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            if y == x - hi {
                hi = x;
            }
        }
    }
    // CPython's sum starts from +0.0: fsum([-0.0]) is 0.0.
    Ok(Value::Float(if hi == 0.0 { 0.0 } else { hi }))
}
fn math_frexp(vm: &mut Vm, a: Args) -> R {
    let x = f(vm, &a, 0, "frexp")?;
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::tuple(vec![Value::Float(x), Value::Int(0)]));
    }
    // The exponent from the bits (a subnormal scaled up first), the mantissa in [0.5, 1).
    let (scaled, bias) = if x.abs() < f64::MIN_POSITIVE { (x * 2f64.powi(64), -64) } else { (x, 0) };
    let e = ((scaled.to_bits() >> 52) & 0x7ff) as i64 - 1022;
    let m = f64::from_bits((scaled.to_bits() & !(0x7ffu64 << 52)) | (1022u64 << 52));
    Ok(Value::tuple(vec![Value::Float(m), Value::Int(e + bias)]))
}
fn math_ldexp(vm: &mut Vm, a: Args) -> R {
    let x = f(vm, &a, 0, "ldexp")?;
    let e = match a.pos.get(1) {
        Some(v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_))) => v.to_bigint().and_then(|b| b.to_i64()).unwrap_or(i64::MAX).clamp(-5000, 5000),
        Some(_) => return Err(vm.type_error("Expected an int as second argument to ldexp.")),
        None => return Err(vm.type_error("ldexp expected 2 arguments, got 1")),
    };
    let v = ops::ldexp(x, e);
    if v.is_infinite() && x.is_finite() {
        return Err(vm.err("OverflowError", "math range error"));
    }
    Ok(Value::Float(v))
}
fn math_prod(vm: &mut Vm, mut a: Args) -> R {
    let start = a.take_kw("start").unwrap_or(Value::Int(1));
    let items = ops::collect(vm, &arg(vm, &a, 0, "prod")?)?;
    let mut acc = start;
    for it in items {
        acc = ops::binary_native(vm, crate::code::BinOp::Mul, &acc, &it, false)?;
    }
    Ok(acc)
}
fn math_comb(vm: &mut Vm, a: Args) -> R {
    let v = big_args(vm, &a)?;
    let (n, k) = (v[0].to_i64().unwrap_or(0), v[1].to_i64().unwrap_or(0));
    if n < 0 || k < 0 {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = k.min(n - k);
    let mut r = BigInt::from(1);
    for i in 0..k {
        r = r * (n - i) / (i + 1);
    }
    Ok(Value::from_big(r))
}
fn math_perm(vm: &mut Vm, a: Args) -> R {
    let v = big_args(vm, &a)?;
    let n = v[0].to_i64().unwrap_or(0);
    let k = v.get(1).and_then(|k| k.to_i64()).unwrap_or(n);
    if k > n {
        return Ok(Value::Int(0));
    }
    let mut r = BigInt::from(1);
    for i in 0..k {
        r *= n - i;
    }
    Ok(Value::from_big(r))
}

// ----- random: CPython's Mersenne Twister, so a seeded program prints the same numbers -----

fn rng(vm: &Vm) -> std::sync::MutexGuard<'_, crate::pyrandom::PyRandom> {
    lock(&vm.shared.random)
}

fn random_seed(vm: &mut Vm, a: Args) -> R {
    match opt(&a, 0) {
        None | Some(Value::None) => *rng(vm) = crate::pyrandom::PyRandom::seed_from_time((vm.host.wall_ms() * 1000.0) as u64),
        Some(v) => match v.to_bigint() {
            Some(b) => rng(vm).seed(&b),
            None => {
                let h = ops::hash(vm, &v)?;
                rng(vm).seed(&BigInt::from(h.unsigned_abs()))
            }
        },
    }
    Ok(Value::None)
}
fn random_random(vm: &mut Vm, _a: Args) -> R {
    let x = rng(vm).random();
    Ok(Value::Float(x))
}
fn random_randint(vm: &mut Vm, a: Args) -> R {
    let x = int_arg(vm, &arg(vm, &a, 0, "randint")?)?;
    let y = int_arg(vm, &arg(vm, &a, 1, "randint")?)?;
    let r = rng(vm).randint(x, y);
    r.map(Value::Int).map_err(|m| vm.value_error(m))
}
fn random_randrange(vm: &mut Vm, a: Args) -> R {
    let n: Vec<i64> = a.pos.iter().map(|v| int_arg(vm, v)).collect::<Result<_, _>>()?;
    let r = match n.len() {
        1 => rng(vm).randrange_stop(n[0]),
        2 => rng(vm).randrange(n[0], n[1], 1),
        3 => rng(vm).randrange(n[0], n[1], n[2]),
        _ => return Err(vm.type_error("randrange expected 1 to 3 arguments")),
    };
    r.map(Value::Int).map_err(|m| vm.value_error(m))
}
fn random_choice(vm: &mut Vm, a: Args) -> R {
    let items = ops::collect(vm, &arg(vm, &a, 0, "choice")?)?;
    let i = rng(vm).choice(items.len());
    let i = i.map_err(|m| vm.err("IndexError", m))?;
    Ok(items[i].clone())
}
fn random_choices(vm: &mut Vm, mut a: Args) -> R {
    let k = a.take_kw("k").map(|v| int_arg(vm, &v)).transpose()?.unwrap_or(1);
    if a.take_kw("weights").is_some_and(|w| !w.is_none()) {
        return Err(vm.err("NotImplementedError", "random.choices with weights is not available in this playground"));
    }
    let items = ops::collect(vm, &arg(vm, &a, 0, "choices")?)?;
    let idx = rng(vm).choices(items.len(), k.max(0) as usize);
    Ok(Value::list(idx.into_iter().map(|i| items[i].clone()).collect()))
}
fn random_shuffle(vm: &mut Vm, a: Args) -> R {
    let Value::List(l) = arg(vm, &a, 0, "shuffle")? else { return Err(vm.type_error("shuffle() needs a list")) };
    let mut items = l.lock().clone();
    rng(vm).shuffle(&mut items);
    *l.lock() = items;
    Ok(Value::None)
}
fn random_uniform(vm: &mut Vm, a: Args) -> R {
    let x = float_arg(vm, &arg(vm, &a, 0, "uniform")?, "uniform")?;
    let y = float_arg(vm, &arg(vm, &a, 1, "uniform")?, "uniform")?;
    let r = rng(vm).uniform(x, y);
    Ok(Value::Float(r))
}
fn random_sample(vm: &mut Vm, mut a: Args) -> R {
    let k = a.take_kw("k").or_else(|| opt(&a, 1)).ok_or_else(|| vm.type_error("sample() missing 1 required positional argument: 'k'"))?;
    let k = int_arg(vm, &k)?;
    let items = ops::collect(vm, &arg(vm, &a, 0, "sample")?)?;
    if k < 0 {
        return Err(vm.value_error("Sample larger than population or is negative"));
    }
    let idx = rng(vm).sample(items.len(), k as usize);
    let idx = idx.map_err(|m| vm.value_error(m))?;
    Ok(Value::list(idx.into_iter().map(|i| items[i].clone()).collect()))
}
fn random_gauss(vm: &mut Vm, a: Args) -> R {
    let mu = opt(&a, 0).map(|v| float_arg(vm, &v, "gauss")).transpose()?.unwrap_or(0.0);
    let sigma = opt(&a, 1).map(|v| float_arg(vm, &v, "gauss")).transpose()?.unwrap_or(1.0);
    let r = rng(vm).gauss(mu, sigma);
    Ok(Value::Float(r))
}
fn random_getrandbits(vm: &mut Vm, a: Args) -> R {
    let k = int_arg(vm, &arg(vm, &a, 0, "getrandbits")?)?;
    let r = rng(vm).getrandbits(k.max(0) as u32);
    Ok(Value::from_big(BigInt::from(r)))
}

// ----- os -----

fn os_getpid(vm: &mut Vm, _a: Args) -> R {
    Ok(Value::Int(vm.shared.identity.pid as i64))
}
/// `os._exit(n)`: this process ends at once, its threads stopped where they are, nothing
/// cleaned up (no `finally`, no atexit), with exit code `n`.
fn os_exit(vm: &mut Vm, a: Args) -> R {
    let code = int_arg(vm, &arg(vm, &a, 0, "_exit")?)? as i32;
    let id = &vm.shared.identity;
    *lock(&id.exit_now) = Some(code);
    lock(&vm.shared.status).exit_code = code;
    id.killed.store(true, std::sync::atomic::Ordering::SeqCst);
    vm.shared.run.wake.notify_all();
    // This thread stops where it is: it waits for ever, and a killed process's waits end
    // with the process (`stop_requested`).
    Err(Ctl::Block(Wait::Sleep { until: f64::INFINITY }))
}
fn os_getppid(vm: &mut Vm, _a: Args) -> R {
    Ok(Value::Int(vm.shared.identity.parent.unwrap_or(crate::process::MAIN_PID - 1) as i64))
}
fn os_cpu_count(vm: &mut Vm, _a: Args) -> R {
    Ok(Value::Int(vm.host.cores() as i64))
}
fn os_getenv(vm: &mut Vm, a: Args) -> R {
    arg(vm, &a, 0, "getenv")?;
    Ok(opt(&a, 1).unwrap_or(Value::None))
}
fn os_getcwd(_vm: &mut Vm, _a: Args) -> R {
    Ok(Value::str("/"))
}

// ----- _thread and the engine's own primitives (_pg) -----

fn thread_allocate_lock(vm: &mut Vm, a: Args) -> R {
    let label = match opt(&a, 0) {
        Some(Value::Str(s)) => s.to_string(),
        _ => "Lock.acquire".to_string(),
    };
    Ok(Value::Lock(vm.new_lock(&label)))
}
fn thread_rlock(vm: &mut Vm, a: Args) -> R {
    let label = match opt(&a, 0) {
        Some(Value::Str(s)) => s.to_string(),
        _ => "RLock.acquire".to_string(),
    };
    Ok(Value::Lock(vm.new_rlock(&label)))
}
fn thread_get_ident(vm: &mut Vm, _a: Args) -> R {
    Ok(Value::Int(vm.threads[vm.cur].id as i64))
}
fn thread_start_new_thread(vm: &mut Vm, a: Args) -> R {
    let func = arg(vm, &a, 0, "start_new_thread")?;
    let args = ops::collect(vm, &arg(vm, &a, 1, "start_new_thread")?)?;
    let n = lock(&vm.shared.registry).len();
    let id = vm.spawn_thread(&format!("Thread-{n}"), func, Args::new(args), true)?;
    Ok(Value::Int(id as i64))
}
/// `_pg.start_thread(func, name, daemon)`: a new Python thread (a lane on the timeline).
fn pg_start_thread(vm: &mut Vm, a: Args) -> R {
    let func = arg(vm, &a, 0, "start_thread")?;
    let name = match opt(&a, 1) {
        Some(Value::Str(s)) => s.to_string(),
        _ => format!("Thread-{}", lock(&vm.shared.registry).len()),
    };
    let daemon = match opt(&a, 2) {
        Some(v) => ops::truthy(vm, &v)?,
        None => false,
    };
    let id = vm.spawn_thread(&name, func, Args::default(), daemon)?;
    Ok(Value::Int(id as i64))
}
fn pg_join_thread(vm: &mut Vm, a: Args) -> R {
    let id = int_arg(vm, &arg(vm, &a, 0, "join_thread")?)? as u64;
    let timeout = match opt(&a, 1) {
        None | Some(Value::None) => None,
        Some(v) => Some(float_arg(vm, &v, "join")?),
    };
    if id == vm.threads[vm.cur].id {
        return Err(vm.err("RuntimeError", "cannot join current thread"));
    }
    let done = vm.shared.thread_info(id).map(|t| t.done).unwrap_or(true);
    if done {
        return Ok(Value::None);
    }
    let deadline = timeout.map(|t| vm.now() + t.max(0.0) * 1000.0);
    Err(Ctl::Block(Wait::Join { thread: id, deadline }))
}
fn pg_thread_name(vm: &mut Vm, _a: Args) -> R {
    Ok(Value::str(&vm.threads[vm.cur].name))
}
fn pg_set_thread_name(vm: &mut Vm, a: Args) -> R {
    let id = int_arg(vm, &arg(vm, &a, 0, "set_thread_name")?)? as u64;
    let name = ops::to_str(vm, &arg(vm, &a, 1, "set_thread_name")?)?;
    if let Some(t) = vm.threads.iter_mut().find(|t| t.id == id) {
        t.name = name.clone();
    }
    vm.shared.with_thread(id, |t| t.name = name);
    Ok(Value::None)
}
fn pg_thread_alive(vm: &mut Vm, a: Args) -> R {
    let id = int_arg(vm, &arg(vm, &a, 0, "thread_alive")?)? as u64;
    Ok(Value::Bool(vm.shared.thread_info(id).is_some_and(|t| !t.done)))
}
fn pg_thread_ids(vm: &mut Vm, _a: Args) -> R {
    Ok(Value::list(vm.shared.threads().iter().filter(|t| !t.done).map(|t| Value::Int(t.id as i64)).collect()))
}
fn pg_print_thread_exception(vm: &mut Vm, a: Args) -> R {
    let name = ops::to_str(vm, &arg(vm, &a, 0, "print_thread_exception")?)?;
    let e = arg(vm, &a, 1, "print_thread_exception")?;
    let text = vm.format_exception(&e);
    vm.write_out(&format!("Exception in thread {name}:\n{text}"), true);
    Ok(Value::None)
}
/// `_pg.caller()`: `(filename, line, function)` of the innermost frame of the program's own
/// code on this thread (the library's frames are skipped), or None: where logging says a
/// record was made, as CPython's `findCaller` does.
fn pg_caller(vm: &mut Vm, _a: Args) -> R {
    let frames = &vm.threads[vm.cur].frames;
    Ok(match frames.iter().rev().find(|f| !f.code.hidden) {
        Some(f) => Value::tuple(vec![Value::Str(f.code.filename.clone()), Value::Int(f.line() as i64), Value::Str(f.code.name.clone())]),
        None => Value::None,
    })
}
fn pg_now(vm: &mut Vm, _a: Args) -> R {
    Ok(Value::Float(vm.now()))
}
/// Sleeps until a time on the engine's clock (ms): the event loop's idle wait.
fn pg_sleep_until(vm: &mut Vm, a: Args) -> R {
    let t = float_arg(vm, &arg(vm, &a, 0, "sleep_until")?, "sleep_until")?;
    Err(Ctl::Block(Wait::Sleep { until: t }))
}
fn pg_enter_event_loop(vm: &mut Vm, _a: Args) -> R {
    let name = format!("event loop ({})", vm.threads[vm.cur].name);
    let now = vm.now();
    vm.end_cpu_span(vm.cur, now);
    let lane = vm.host.lane(&name, crate::host::LaneKind::EventLoop);
    let prev = vm.threads[vm.cur].lane;
    vm.threads[vm.cur].lane = lane;
    Ok(Value::tuple(vec![Value::Int(prev as i64), Value::Int(lane as i64)]))
}
fn pg_leave_event_loop(vm: &mut Vm, a: Args) -> R {
    let prev = int_arg(vm, &arg(vm, &a, 0, "leave_event_loop")?)? as usize;
    let now = vm.now();
    vm.end_cpu_span(vm.cur, now);
    vm.threads[vm.cur].lane = prev;
    Ok(Value::None)
}
/// `_pg.span(kind, start_ms, end_ms, label)`: a span on the current lane (asyncio's sleeps).
fn pg_span(vm: &mut Vm, a: Args) -> R {
    let kind = match ops::to_str(vm, &arg(vm, &a, 0, "span")?)?.as_str() {
        "sleep" => crate::host::SpanKind::Sleep,
        "io" => crate::host::SpanKind::Io,
        "cpu" => crate::host::SpanKind::Cpu,
        _ => crate::host::SpanKind::Wait,
    };
    let s = float_arg(vm, &arg(vm, &a, 1, "span")?, "span")?;
    let e = float_arg(vm, &arg(vm, &a, 2, "span")?, "span")?;
    let label = ops::to_str(vm, &arg(vm, &a, 3, "span")?)?;
    let lane = vm.threads[vm.cur].lane;
    let base = vm.start_ms;
    vm.host.span(lane, kind, s - base, e - base, &label, None);
    Ok(Value::None)
}

/// `_pg.new_instance(cls)`: an instance of a Python class whose `__init__` has not run, with
/// no attributes (`object.__new__(cls)`, which lib/copy.py needs to copy an instance).
fn pg_new_instance(vm: &mut Vm, a: Args) -> R {
    match arg(vm, &a, 0, "new_instance")? {
        Value::Class(c) if c.native == NativeType::Object => Ok(crate::call::blank_instance(&c, &Args::default())),
        other => Err(vm.type_error(format!("new_instance: not a Python class: {}", ops::type_name(vm, &other)))),
    }
}

/// An async generator function's call: its generator frame, wrapped (lib/_asyncgen.py).
pub fn wrap_async_gen(vm: &mut Vm, gen: Value) -> R {
    let m = import(vm, "_asyncgen")?;
    let cls = match crate::ops::get_attr(vm, &m, "async_generator")? {
        crate::ops::Attr::Value(v) => v,
        crate::ops::Attr::Call(f, a) => vm.call(&f, a)?,
    };
    vm.call(&cls, Args::new(vec![gen]))
}

/// `yield v` in an async generator hands up `_AGValue(v)`.
pub fn async_gen_value(vm: &mut Vm, a: Args) -> R {
    let m = import(vm, "_asyncgen")?;
    let cls = match crate::ops::get_attr(vm, &m, "_AGValue")? {
        crate::ops::Attr::Value(v) => v,
        crate::ops::Attr::Call(f, a) => vm.call(&f, a)?,
    };
    vm.call(&cls, a)
}

/// `async for` ends at StopAsyncIteration.
pub fn is_stop_async(vm: &mut Vm, a: Args) -> R {
    Ok(Value::Bool(a.pos.first().is_some_and(|e| crate::ops::is_instance_of(vm, e, "StopAsyncIteration"))))
}
