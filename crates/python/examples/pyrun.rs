//! Runs a Python file with the engine, natively: `cargo run -p python-engine --example pyrun -- file.py`.
//! `PYRUN_THREADS=0` runs Python threads in turns on one OS thread (as the browser's single
//! build does); by default each Python thread is an OS thread under the GIL, and with
//! `PYRUN_GIL=0` without it (free-threaded).
fn main() {
    let path = std::env::args().nth(1).expect("usage: pyrun FILE.py");
    let src = std::fs::read_to_string(&path).expect("read");
    let threads = std::env::var("PYRUN_THREADS").map_or(true, |v| v != "0");
    let gil = std::env::var("PYRUN_GIL").map_or(true, |v| v != "0");
    let config = python_engine::Config { threads, gil, ..python_engine::Config::default() };
    let out = python_engine::run_blocking(&src, config, 60_000.0);
    print!("{}", out.stdout);
    eprint!("{}", out.stderr);
    std::process::exit(out.exit_code);
}
