//! Runs a Python file with the engine, natively: `cargo run -p python-engine --example pyrun -- file.py`.
//! `PYRUN_THREADS=0` runs Python threads in turns on one OS thread (as the browser's single
//! build does); by default each Python thread is an OS thread under the GIL, and with
//! `PYRUN_GIL=0` without it (free-threaded). Lines are printed as the program prints them.
use python_engine::{Host, LaneKind, MemoryHost, SpanKind};
use std::io::Write;

/// MemoryHost, echoing each line at once (a program that hangs still shows how far it got).
struct Echo(MemoryHost);

impl Host for Echo {
    fn now_ms(&self) -> f64 {
        self.0.now_ms()
    }
    fn wall_ms(&self) -> f64 {
        self.0.wall_ms()
    }
    fn cores(&self) -> usize {
        self.0.cores()
    }
    fn lane(&self, label: &str, kind: LaneKind) -> usize {
        self.0.lane(label, kind)
    }
    fn span(&self, lane: usize, kind: SpanKind, start_ms: f64, end_ms: f64, label: &str, task: Option<usize>) {
        self.0.span(lane, kind, start_ms, end_ms, label, task)
    }
    fn log(&self, _lane: usize, _t_ms: f64, text: &str, stderr: bool) {
        if stderr {
            eprintln!("{text}");
        } else {
            println!("{text}");
            let _ = std::io::stdout().flush();
        }
    }
    fn spawn(&self, body: Box<dyn FnOnce() + Send>) -> Result<(), String> {
        self.0.spawn(body)
    }
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: pyrun FILE.py");
    let src = std::fs::read_to_string(&path).expect("read");
    let threads = std::env::var("PYRUN_THREADS").map_or(true, |v| v != "0");
    let gil = std::env::var("PYRUN_GIL").map_or(true, |v| v != "0");
    let config = python_engine::Config { threads, gil, ..python_engine::Config::default() };
    let mut vm = python_engine::Vm::new(std::sync::Arc::new(Echo(MemoryHost::new())), config);
    let out = python_engine::run_vm_blocking(&mut vm, &src, 60_000.0);
    std::process::exit(out.exit_code);
}
