//! Concurrency Playground: concurrency demos that run for real in the browser.
//!
//! This file is the whole wasm-bindgen surface: `demos()`, `run()`, `cancel()` (and
//! `initThreadPool` in the threads build). Everything below it is plain Rust with
//! native tests; JS values are turned into plain data here and nowhere else.

#[cfg(all(feature = "threads", target_arch = "wasm32", not(target_feature = "atomics")))]
compile_error!(
    "the `threads` build needs RUSTFLAGS with +atomics,+bulk-memory and the shared-memory \
     link arguments: build it with scripts/build-wasm.sh"
);

pub mod demos;
pub mod models;
pub mod params;
pub mod platform;
pub mod trace;
pub mod workloads;

use std::cell::RefCell;

use js_sys::{Array, Object};
use wasm_bindgen::prelude::*;

use cancel::CancelToken;
use demos::{RunContext, RunError};
use params::Raw;

#[cfg(feature = "threads")]
pub use wasm_bindgen_rayon::init_thread_pool;
// The platform's cancellation and clock keep their short paths (`crate::cancel`), which
// the python demo, the tests and the examples use.
pub use platform::{cancel, clock};

/// Which wasm build this is: `"threads"` (shared memory) or `"single"`.
pub const BUILD: &str = if cfg!(feature = "threads") { "threads" } else { "single" };

thread_local! {
    // The engine thread's run in progress; `cancel()` reaches it through this.
    static CURRENT_RUN: RefCell<Option<CancelToken>> = const { RefCell::new(None) };
}

#[wasm_bindgen]
pub fn build() -> String {
    BUILD.to_string()
}

/// Measures the CPU kernel's speed once, and warms up the other kernels, before the
/// engine says ready, so that no run's figures include either.
#[wasm_bindgen]
pub fn calibrate() -> f64 {
    workloads::tasks::warm_up(10.0);
    workloads::cpu::iterations_per_ms()
}

/// Takes the kernel's speed from an earlier `calibrate` on this device (the page keeps
/// it), so that this start measures nothing: `calibrate` then only warms the kernels up,
/// which may share the machine with the thread pool starting. False if the value is
/// refused (not a plausible speed): `calibrate` measures as usual.
#[wasm_bindgen(js_name = useCalibration)]
pub fn use_calibration(iterations_per_ms: f64) -> bool {
    workloads::cpu::set_iterations_per_ms(iterations_per_ms)
}

/// What the running demo has recorded since span `spans_from` and line `logs_from`, as
/// JSON text (`null` when no run is going): the page draws the run while it goes.
#[wasm_bindgen(js_name = liveTrace)]
pub fn live_trace(spans_from: usize, logs_from: usize) -> String {
    serde_json::to_string(&trace::live(spans_from, logs_from)).unwrap_or_else(|_| "null".to_string())
}

thread_local! {
    static LIVE_SINK: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// A function for the engine to call, on its own thread, after each span or line a run
/// records (`undefined` to stop). It may call `liveTrace`; it should return quickly.
#[wasm_bindgen(js_name = setLiveSink)]
pub fn set_live_sink(sink: Option<js_sys::Function>) {
    let hook: Option<fn()> = if sink.is_some() { Some(call_live_sink) } else { None };
    LIVE_SINK.with(|s| *s.borrow_mut() = sink);
    trace::after_record_on_this_thread(hook);
}

fn call_live_sink() {
    LIVE_SINK.with(|s| {
        if let Some(sink) = s.borrow().as_ref() {
            // A throwing sink must not fail the run: the final result still carries everything.
            let _ = sink.call0(&JsValue::NULL);
        }
    });
}

/// How many cores this machine has, for defaults such as "one process per core".
#[wasm_bindgen(js_name = setCores)]
pub fn set_cores(n: usize) {
    params::set_cores(n);
}

/// Every demo with its parameter schema, as JSON text.
#[wasm_bindgen]
pub fn demos() -> String {
    serde_json::to_string(&demos::schemas()).unwrap_or_else(|_| "[]".to_string())
}

/// Runs a demo and resolves with its `RunResult` as JSON text; rejects with an `Error`
/// whose `name` is `ParamError`, `IsolationError`, `AbortError` or `Error`.
#[wasm_bindgen]
pub async fn run(id: JsValue, params: JsValue) -> Result<String, JsValue> {
    let id = demo_id(&id).map_err(|e| js_error(&RunError::Param(e)))?;
    let given = raw_params(&params).map_err(|e| js_error(&RunError::Param(e)))?;
    let token = CancelToken::new();
    CURRENT_RUN.with(|current| {
        if let Some(previous) = current.replace(Some(token.clone())) {
            // One run at a time: a newer run supersedes an older one.
            previous.cancel();
        }
    });
    let ctx = RunContext {
        cancel: token.clone(),
        build: BUILD,
        has_threads: cfg!(feature = "threads"),
    };
    let outcome = demos::run(&id, &given, ctx).await;
    CURRENT_RUN.with(|current| {
        let mut current = current.borrow_mut();
        if current.as_ref().is_some_and(|t| t.same_as(&token)) {
            *current = None;
            trace::end_live();
        }
    });
    let result = outcome.map_err(|e| js_error(&e))?;
    serde_json::to_string(&result).map_err(|e| js_error(&RunError::Failed(e.to_string())))
}

/// The engine's wasm memory, in bytes: the soak test watches it for steady growth.
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> f64 {
    // The buffer is a SharedArrayBuffer in the threads build: read its length generically.
    let buffer = wasm_bindgen::memory().unchecked_into::<js_sys::WebAssembly::Memory>().buffer();
    js_sys::Reflect::get(&buffer, &"byteLength".into())
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0)
}

/// Benchmark hook (`make bench`): the sum of squares of 0..n on `threads` threads (1:
/// this engine thread). Resolves with the elapsed milliseconds measured in wasm.
#[wasm_bindgen(js_name = benchKernel)]
pub async fn bench_kernel(n: f64, threads: usize) -> Result<f64, JsValue> {
    let n = n.max(0.0) as u64;
    let start = clock::now_ms();
    if threads <= 1 {
        std::hint::black_box(workloads::tasks::sum_squares_blocked(0, n));
    } else {
        let shares = threads as u64;
        models::threads::spawn_all(threads, move |i| {
            let (from, to) = (n * i as u64 / shares, n * (i as u64 + 1) / shares);
            workloads::tasks::sum_squares_blocked(from, to)
        })
        .await
        .map_err(|e| js_error(&RunError::Failed(e)))?;
    }
    Ok(clock::now_ms() - start)
}

/// Benchmark hook (`make bench`): the demos' process pool measured as bench/python_bench.py
/// measures CPython's ProcessPoolExecutor: `processes` started and warmed up, then `tasks`
/// tiny tasks (a square, as JSON text both ways) mapped over them, traced as a demo traces
/// them; best of 3. Resolves with the wall-clock microseconds per task.
#[wasm_bindgen(js_name = benchProcessPool)]
pub async fn bench_process_pool(tasks: usize, processes: usize) -> Result<f64, JsValue> {
    use models::processes::{map_on_pool, start_pool, Job};
    let failed = |e: String| js_error(&RunError::Failed(e));
    if !(1..=100_000).contains(&tasks) || !(1..=16).contains(&processes) {
        return Err(failed(format!("benchProcessPool: tasks must be 1 to 100000 and processes 1 to 16, not {tasks} and {processes}")));
    }
    let rec = trace::Recorder::start();
    let lanes: Vec<_> = (0..processes).map(|i| rec.lane(format!("process {}", i + 1), trace::LaneKind::Process)).collect();
    let pool = start_pool(&rec, &lanes).await.map_err(failed)?;
    let jobs = |n: usize| -> Vec<Job> {
        (0..n)
            .map(|i| Job { task: "sleep", input: format!(r#"{{"ms":0,"value":{i}}}"#), label: format!("square({i})"), kind: trace::SpanKind::Cpu })
            .collect()
    };
    map_on_pool(&rec, &pool, &lanes, &jobs(10 * processes)).await.map_err(failed)?;
    let timed = jobs(tasks);
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let start = clock::now_ms();
        map_on_pool(&rec, &pool, &lanes, &timed).await.map_err(failed)?;
        best = best.min(clock::now_ms() - start);
    }
    Ok(best * 1000.0 / tasks as f64)
}

/// Debug hook for the crash-recovery test: a panic here aborts, which traps in wasm and
/// poisons this engine instance, exactly as a real bug would.
#[wasm_bindgen(js_name = debugTrap)]
pub fn debug_trap() {
    panic!("debug trap requested through playgroundDebug.trap()");
}

/// Runs one task inside a process worker (www/process-worker.js): JSON text in, JSON
/// text out, in this instance's own memory.
#[wasm_bindgen(js_name = processTask)]
pub async fn process_task(task: String, input: String) -> Result<String, JsValue> {
    workloads::tasks::run_task(&task, &input)
        .await
        .map_err(|e| js_error(&RunError::Failed(e)))
}

/// Validates parameters without running anything: resolves with the parameters after
/// defaults (JSON text), or rejects like `run` would. The page checks permalinks with it.
#[wasm_bindgen]
pub fn validate(id: JsValue, params: JsValue) -> Result<String, JsValue> {
    let id = demo_id(&id).map_err(|e| js_error(&RunError::Param(e)))?;
    let given = raw_params(&params).map_err(|e| js_error(&RunError::Param(e)))?;
    let demo = demos::find(&id).map_err(|e| js_error(&e))?;
    let checked = params::validate(demo.id, demo.params, &given).map_err(|e| js_error(&RunError::Param(e)))?;
    Ok(checked.to_json().to_string())
}

/// Stops the run in progress, if any: its promise rejects with an `AbortError`.
#[wasm_bindgen]
pub fn cancel() {
    CURRENT_RUN.with(|current| {
        if let Some(token) = current.borrow().as_ref() {
            token.cancel();
        }
    });
}

fn js_error(e: &RunError) -> JsValue {
    let error = js_sys::Error::new(&e.to_string());
    error.set_name(e.js_name());
    error.into()
}

// Taken as JsValue, not String: wasm-bindgen's String conversion trusts its input, and a
// number there read memory out of bounds and crashed the engine.
fn demo_id(value: &JsValue) -> Result<String, params::ParamError> {
    value.as_string().ok_or_else(|| {
        params::ParamError::general(format!(
            "the demo id must be a string such as \"threads\", got {}",
            if value.is_null() { "null" } else if value.is_undefined() { "undefined" } else { describe(value) }
        ))
    })
}

fn raw_params(value: &JsValue) -> Result<Vec<(String, Raw)>, params::ParamError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    // A Map, Date or class instance would read as {}: refuse anything but a plain object.
    let plain = value.is_object() && {
        let proto = Object::get_prototype_of(value);
        proto.is_null() || proto == Object::get_prototype_of(&Object::new().into())
    };
    if !plain || Array::is_array(value) {
        return Err(params::ParamError::general(format!(
            "parameters must be an object such as {{\"threads\": 3}}, got {}",
            describe(value)
        )));
    }
    Object::entries(value.unchecked_ref())
        .iter()
        .map(|entry| {
            let pair: Array = entry.unchecked_into();
            let name = pair.get(0).as_string().unwrap_or_default();
            Ok((name, raw_value(&pair.get(1))))
        })
        .collect()
}

fn raw_value(value: &JsValue) -> Raw {
    if let Some(x) = value.as_f64() {
        Raw::Number(x)
    } else if let Some(b) = value.as_bool() {
        Raw::Bool(b)
    } else if let Some(s) = value.as_string() {
        Raw::Text(s)
    } else if value.is_null() {
        Raw::Null
    } else if value.is_undefined() {
        Raw::Other("undefined")
    } else if Array::is_array(value) {
        let items: Array = value.clone().unchecked_into();
        // Bounded before mapping: a parameter never takes a long list, so say how long it was.
        if items.length() > 1000 {
            return Raw::Other("an array of more than 1000 items");
        }
        Raw::List(items.iter().map(|item| if Array::is_array(&item) { Raw::Other("an array") } else { raw_value(&item) }).collect())
    } else {
        Raw::Other(describe(value))
    }
}

fn describe(value: &JsValue) -> &'static str {
    if Array::is_array(value) {
        "an array"
    } else if value.is_function() {
        "a function"
    } else if value.is_bigint() {
        "a BigInt"
    } else if value.is_symbol() {
        "a symbol"
    } else if value.is_object() {
        "an object"
    } else if value.is_string() {
        "a string"
    } else if value.as_f64().is_some() {
        "a number"
    } else if value.as_bool().is_some() {
        "a boolean"
    } else {
        "a value of another type"
    }
}
