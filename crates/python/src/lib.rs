//! A Python interpreter with CPython's concurrency semantics, for the Concurrency Playground.
//!
//! Parsing is ruff's parser; everything after it is here: a compiler to bytecode
//! (`compile.rs`), a VM whose Python threads take turns under one GIL and switch where
//! CPython 3.11 does (`vm.rs`, `interp.rs`), the objects (`value.rs`, `ops.rs`,
//! `builtins.rs`) and the modules (`modules.rs`, with threading, queue, asyncio and
//! concurrent.futures written in Python in `lib/`). The host (`host.rs`) gives it a clock
//! and records the trace; the browser's host is in the playground crate.

pub mod builtins;
pub mod bytes;
pub mod call;
pub mod code;
pub mod compile;
pub mod format;
pub mod host;
pub mod interp;
pub mod io;
pub mod json;
pub mod memory;
pub mod modules;
pub mod ops;
pub mod process;
pub mod pyrandom;
pub mod shared;
pub mod symtable;
pub mod syntax_error;
pub mod value;
pub mod vm;
pub mod wake;

pub use host::{Host, HttpResponse, LaneKind, MemoryHost, SpanKind};
pub use vm::{Config, Slice, Vm};

/// What a finished program printed and how it ended.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub exit_code: i32,
    /// (type, message, line) of the error that ended it, if any.
    pub error: Option<(String, String, u32)>,
    pub timed_out: bool,
}

/// Runs a program to the end natively, sleeping for real when every thread waits; gives
/// up after `limit_ms` (a deadlock, an endless loop). With `config.threads`, each Python
/// thread is an OS thread.
pub fn run_blocking(source: &str, config: Config, limit_ms: f64) -> Outcome {
    let host: std::sync::Arc<dyn Host> = if config.threads { std::sync::Arc::new(MemoryHost::with_threads()) } else { std::sync::Arc::new(MemoryHost::new()) };
    let mut vm = Vm::new(host, config);
    run_vm_blocking(&mut vm, source, limit_ms)
}

pub fn run_vm_blocking(vm: &mut Vm, source: &str, limit_ms: f64) -> Outcome {
    vm.load_main(source);
    let start = vm.now();
    vm.hard_deadline = Some(start + limit_ms);
    let mut timed_out = false;
    if vm.shared.real_threads {
        if !vm.finished {
            vm.run_main_to_end();
        }
        timed_out = vm.now() - start > limit_ms;
    } else {
        loop {
            match vm.run_slice(50.0) {
                Slice::Done => break,
                Slice::Ready => {}
                Slice::IdleUntil(t) => {
                    let wait = (t - vm.now()).max(0.0);
                    std::thread::sleep(std::time::Duration::from_secs_f64(wait.min(50.0) / 1000.0));
                }
                Slice::Deadlock => std::thread::sleep(std::time::Duration::from_millis(10)),
            }
            if vm.now() - start > limit_ms {
                timed_out = true;
                vm.flush_output();
                break;
            }
        }
    }
    Outcome { stdout: vm.stdout(), stderr: vm.stderr(), exit_code: vm.exit_code(), error: vm.error(), timed_out }
}
