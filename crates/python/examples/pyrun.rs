//! Runs a Python file with the engine, natively: `cargo run -p python-engine --example pyrun -- file.py`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: pyrun FILE.py");
    let src = std::fs::read_to_string(&path).expect("read");
    let out = python_engine::run_blocking(&src, python_engine::Config::default(), 60_000.0);
    print!("{}", out.stdout);
    eprint!("{}", out.stderr);
    std::process::exit(out.exit_code);
}
