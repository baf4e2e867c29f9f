//! Python threads on real OS threads under the GIL (`Config::threads`): what only real
//! threads can get wrong. The corpus (corpus.rs) runs every program this way too.

use python_engine::{Config, LaneKind, MemoryHost, SpanKind, Vm};
use std::sync::Arc;

fn threaded() -> Config {
    Config { threads: true, ..Config::default() }
}

/// Runs `code` with real threads and returns the interpreter and its host's record.
fn run(code: &str, limit_ms: f64) -> (python_engine::Outcome, python_engine::host::Record) {
    let host = Arc::new(MemoryHost::with_threads());
    let mut vm = Vm::new(host.clone(), threaded());
    let out = python_engine::run_vm_blocking(&mut vm, code, limit_ms);
    let record = host.record.lock().unwrap().clone();
    (out, record)
}

#[test]
fn cpu_bound_threads_never_run_python_at_once_and_take_turns() {
    let code = "import threading\ndef work():\n    s = 0\n    for i in range(300000):\n        s += i\n    print(s)\nts = [threading.Thread(target=work) for _ in range(3)]\nfor t in ts: t.start()\nfor t in ts: t.join()\n";
    let (out, rec) = run(code, 60_000.0);
    assert_eq!(out.stdout, "44999850000\n".repeat(3), "{out:?}");
    let mut cpu: Vec<(f64, f64, usize)> = rec.spans.iter().filter(|s| s.1 == SpanKind::Cpu).map(|s| (s.2, s.3, s.0)).collect();
    cpu.sort_by(|a, b| a.0.total_cmp(&b.0));
    for w in cpu.windows(2) {
        assert!(w[1].0 >= w[0].1 - 1e-6, "two threads ran Python at once: {:?} and {:?}", w[0], w[1]);
    }
    let lanes: std::collections::HashSet<usize> = cpu.iter().map(|c| c.2).collect();
    assert!(lanes.len() >= 3, "each worker thread ran: {lanes:?}");
    assert!(rec.spans.iter().any(|s| s.4 == "waiting: GIL"), "a thread waited for the GIL");
    assert!(rec.lanes.iter().filter(|l| l.1 == LaneKind::Thread).count() == 3);
}

#[test]
fn daemon_threads_stop_at_exit_and_print_nothing_after() {
    let code = "import threading, time\ndef spin():\n    while True:\n        time.sleep(0.001)\n        print('tick')\nthreading.Thread(target=spin, daemon=True).start()\ntime.sleep(0.02)\nprint('main ends')\n";
    let (out, _) = run(code, 10_000.0);
    assert!(!out.timed_out, "the program ended though a daemon thread runs for ever: {out:?}");
    assert!(out.stdout.ends_with("main ends\n"), "a daemon printed after the main thread ended: {:?}", out.stdout);
}

#[test]
fn a_deadlock_ends_at_the_time_limit_and_every_thread_lets_go() {
    // The barrier makes sure each thread holds its first lock before it asks for the other:
    // a deadlock every time, however late the second thread starts.
    let code = "import threading\na = threading.Lock(); b = threading.Lock()\nboth = threading.Barrier(2)\ndef one():\n    with a:\n        both.wait()\n        with b: pass\ndef two():\n    with b:\n        both.wait()\n        with a: pass\nt1 = threading.Thread(target=one); t2 = threading.Thread(target=two)\nt1.start(); t2.start(); t1.join(); t2.join()\nprint('never')\n";
    let started = std::time::Instant::now();
    let (out, _) = run(code, 500.0);
    assert!(out.timed_out, "{out:?}");
    assert_eq!(out.stdout, "");
    assert!(started.elapsed().as_secs_f64() < 5.0, "stopping took {:?}", started.elapsed());
}

#[test]
fn blocking_calls_release_the_gil_so_sleeps_overlap() {
    let code = "import threading, time\nstart = time.perf_counter()\nts = [threading.Thread(target=time.sleep, args=(0.2,)) for _ in range(4)]\nfor t in ts: t.start()\nfor t in ts: t.join()\nprint(time.perf_counter() - start < 0.6)\n";
    let (out, rec) = run(code, 10_000.0);
    assert_eq!(out.stdout, "True\n", "{out:?}");
    assert_eq!(rec.spans.iter().filter(|s| s.1 == SpanKind::Sleep).count(), 4);
}

#[test]
fn time_in_calls_from_rust_is_running_time() {
    // sum() drives the generator from Rust: each step is a call back into Python. That time
    // is the thread's running time, drawn as cpu, not lost.
    // (Threads in turns restart their slice after such a call, so that no thread runs on top
    // of it on the one stack: there the time is left out; see Vm::run_loop.)
    for threads in [true] {
        let code = "import time\nt = time.perf_counter()\ntotal = sum(i * i for i in range(300000))\nprint(round((time.perf_counter() - t) * 1000))\n";
        let host = Arc::new(MemoryHost::new());
        let mut vm = Vm::new(host.clone(), Config { threads, ..Config::default() });
        let out = python_engine::run_vm_blocking(&mut vm, code, 60_000.0);
        let took: f64 = out.stdout.trim().parse().unwrap();
        let cpu: f64 = host.record.lock().unwrap().spans.iter().filter(|s| s.1 == SpanKind::Cpu).map(|s| s.3 - s.2).sum();
        assert!(cpu >= 0.8 * took, "threads {threads}: {cpu:.1} ms of cpu spans for {took} ms of computing");
    }
}
