//! Runs the python demo natively and prints its trace (a debugging aid):
//! `cargo run --features python --example pyspans -- FILE.py`
use concurrency_playground::cancel::CancelToken;
use concurrency_playground::demos::{self, RunContext};
use concurrency_playground::params::Raw;

fn main() {
    let path = std::env::args().nth(1).expect("usage: pyspans FILE.py");
    let code = std::fs::read_to_string(path).expect("read");
    let ctx = RunContext { cancel: CancelToken::new(), build: "single", has_threads: false };
    let r = futures::executor::block_on(demos::run("python", &[("code".into(), Raw::Text(code))], ctx)).expect("run");
    for l in &r.lanes {
        println!("lane {} {:?} {}", l.id, l.kind, l.label);
    }
    for s in &r.spans {
        println!("{:>8.2} {:>8.2} lane {} {:?} {}", s.start_ms, s.end_ms, s.lane, s.kind, s.label);
    }
    for l in &r.logs {
        println!("{:>8.2} lane {} | {}", l.t_ms, l.lane, l.text);
    }
    println!("{}", r.value);
}
