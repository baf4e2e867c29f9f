//! Fuzz: every corpus program (tests/python), truncated at many points and with random bytes
//! mutated, must never panic or hang the engine: it always comes back with its output, a
//! SyntaxError or a Python exception, or stopped at the time limit.
//!
//! Deterministic (a fixed-seed PRNG). `PY_FUZZ_VARIANTS=N` sets the variants per program and
//! kind (default 4); `PY_FUZZ_SEED=N` changes the seed.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A run's time limit (the engine's own, ms).
const LIMIT_MS: f64 = 100.0;
/// Programs run at a time (most of a run is spent sleeping in `time.sleep`).
const WORKERS: usize = 4;
/// Longer than this for one run is a hang (the engine failed to stop at its limit).
const HANG: Duration = Duration::from_secs(10);

/// xorshift64*: small, deterministic, no crate needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Bytes that matter to Python's grammar, plus a few letters and digits.
const ALPHABET: &[u8] = b"()[]{}:;,.=+-*/%<>!&|^~@\"'#\\\n\t 0123456789_abcdefxyzAZ";

fn corpus_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/python");
    let mut files = Vec::new();
    for dir in ["cases", "nondeterministic", "errors"] {
        if let Ok(rd) = std::fs::read_dir(root.join(dir)) {
            files.extend(rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "py")));
        }
    }
    files.sort();
    files
}

/// The variants of one program: truncations (at line ends and anywhere) and mutations
/// (ASCII bytes replaced, inserted or deleted, so the text stays UTF-8).
fn variants(src: &str, rng: &mut Rng, n: usize) -> Vec<(String, String)> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let boundaries: Vec<usize> = (0..=bytes.len()).filter(|&i| src.is_char_boundary(i)).collect();
    let line_ends: Vec<usize> = src.match_indices('\n').map(|(i, _)| i + 1).collect();
    for k in 0..n {
        // Evenly spread cuts anywhere, and random cuts at line ends (programs that parse).
        let cut = boundaries[(boundaries.len() - 1) * (k + 1) / (n + 1)];
        out.push((format!("truncated at byte {cut}"), src[..cut].to_string()));
        if !line_ends.is_empty() {
            let cut = line_ends[rng.below(line_ends.len())];
            out.push((format!("truncated at line end {cut}"), src[..cut].to_string()));
        }
    }
    for _ in 0..n {
        let mut b = bytes.to_vec();
        let edits = 1 + rng.below(4);
        let mut what = Vec::new();
        for _ in 0..edits {
            let ascii: Vec<usize> = (0..b.len()).filter(|&i| b[i].is_ascii()).collect();
            if ascii.is_empty() {
                break;
            }
            let at = ascii[rng.below(ascii.len())];
            let c = ALPHABET[rng.below(ALPHABET.len())];
            match rng.below(3) {
                0 => {
                    b[at] = c;
                    what.push(format!("replaced byte {at} by {:?}", c as char));
                }
                1 => {
                    b.insert(at, c);
                    what.push(format!("inserted {:?} at {at}", c as char));
                }
                _ => {
                    b.remove(at);
                    what.push(format!("deleted byte {at}"));
                }
            }
        }
        let text = String::from_utf8(b).expect("ASCII edits keep UTF-8");
        out.push((what.join(", "), text));
    }
    out
}

fn run_one(src: &str) -> Result<python_engine::Outcome, String> {
    let src = src.to_string();
    std::panic::catch_unwind(move || {
        let config = python_engine::Config { max_recursion: 200, ..python_engine::Config::default() };
        python_engine::run_blocking(&src, config, LIMIT_MS)
    })
    .map_err(|p| p.downcast_ref::<String>().cloned().or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_else(|| "panic".into()))
}

#[test]
fn fuzz_corpus() {
    let n: usize = std::env::var("PY_FUZZ_VARIANTS").ok().and_then(|s| s.parse().ok()).unwrap_or(4);
    let seed: u64 = std::env::var("PY_FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x9e37_79b9_7f4a_7c15);
    let mut rng = Rng(seed | 1);
    let mut jobs = Vec::new();
    for path in corpus_files() {
        let src = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        for (how, text) in variants(&src, &mut rng, n) {
            jobs.push((format!("{name}: {how}"), text));
        }
    }
    assert!(!jobs.is_empty(), "no corpus programs found");
    let total = jobs.len();
    let queue = Arc::new(Mutex::new(jobs));
    let failures = Arc::new(Mutex::new(Vec::<String>::new()));
    // What each worker runs, and since when (the watchdog's view).
    let current: Arc<Vec<Mutex<Option<(Instant, String)>>>> = Arc::new((0..WORKERS).map(|_| Mutex::new(None)).collect());
    let start = Instant::now();
    // The engine's panics are caught and reported together; keep the default hook quiet.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let workers: Vec<_> = (0..WORKERS)
        .map(|w| {
            let (queue, failures, current) = (queue.clone(), failures.clone(), current.clone());
            std::thread::Builder::new()
                .stack_size(256 << 20)
                .spawn(move || loop {
                    let Some((name, text)) = queue.lock().unwrap().pop() else { break };
                    *current[w].lock().unwrap() = Some((Instant::now(), name.clone()));
                    match run_one(&text) {
                        Err(msg) => failures.lock().unwrap().push(format!("{name}: the engine panicked: {msg}\n--- program ---\n{text}\n---")),
                        Ok(o) if !o.timed_out && o.exit_code != 0 && o.exit_code != 1 => {
                            failures.lock().unwrap().push(format!("{name}: exit code {}", o.exit_code))
                        }
                        Ok(o) if o.exit_code == 1 && o.error.is_none() && o.stderr.is_empty() => {
                            failures.lock().unwrap().push(format!("{name}: exit code 1 with no error and no stderr"))
                        }
                        Ok(_) => {}
                    }
                    *current[w].lock().unwrap() = None;
                })
                .unwrap()
        })
        .collect();
    let mut hung = None;
    while workers.iter().any(|w| !w.is_finished()) {
        std::thread::sleep(Duration::from_millis(50));
        for c in current.iter() {
            if let Some((t, name)) = &*c.lock().unwrap() {
                if t.elapsed() > HANG {
                    hung = Some(name.clone());
                }
            }
        }
        if hung.is_some() {
            break;
        }
    }
    std::panic::set_hook(hook);
    if let Some(name) = hung {
        panic!("the engine did not return within {HANG:?} (its limit was {LIMIT_MS} ms): {name}");
    }
    for w in workers {
        w.join().unwrap();
    }
    let failures = failures.lock().unwrap().clone();
    eprintln!("fuzz: {total} variants of the corpus programs in {:.1} s, {} failures", start.elapsed().as_secs_f64(), failures.len());
    assert!(failures.is_empty(), "{} of {total} fuzzed programs broke the engine:\n\n{}", failures.len(), failures.join("\n\n"));
}

/// Python code that never ends inside a call from Rust (a sort key, a `__repr__`), and a
/// native operation that would take forever (the repr of a DAG of shared tuples), still
/// stop at the run's time limit.
#[test]
fn endless_work_inside_native_calls_stops_at_the_limit() {
    let programs = [
        "def k(x):\n    while True:\n        pass\nprint(sorted([1, 2], key=k))\n",
        "class A:\n    def __repr__(self):\n        while True:\n            pass\nprint([A()])\n",
        "t = ()\nfor i in range(60):\n    t = (t, t)\nprint(t)\n",
        "def k(x):\n    try:\n        while True:\n            pass\n    except BaseException:\n        while True:\n            pass\nprint(max([1, 2], key=k))\n",
    ];
    for src in programs {
        let start = Instant::now();
        let out = run_one(src).unwrap_or_else(|p| panic!("panicked on {src:?}: {p}"));
        let took = start.elapsed();
        assert!(took < Duration::from_secs(5), "{src:?} took {took:?} with a limit of {LIMIT_MS} ms");
        assert!(out.timed_out || out.exit_code == 1, "{src:?}: {:?}", out.stdout);
    }
}

/// A deadlock while a call from Rust waits (list() over Executor.map whose workers wait on
/// each other forever) ends at the time limit instead of spinning.
#[test]
fn deadlock_inside_a_native_wait_stops_at_the_limit() {
    let src = "from concurrent.futures import ThreadPoolExecutor\nimport threading\nev = threading.Event()\ndef f(x):\n    ev.wait()\n    return x\nwith ThreadPoolExecutor(2) as ex:\n    print(list(ex.map(f, range(3))))\n";
    let start = Instant::now();
    let out = run_one(src).unwrap_or_else(|p| panic!("panicked: {p}"));
    assert!(start.elapsed() < Duration::from_secs(5), "took {:?}", start.elapsed());
    assert!(out.timed_out || out.exit_code == 1);
}
