//! The differential corpus (tests/python, see its README.md): every program is run by CPython
//! (`python3 main.py` in a temporary directory) and by the engine, and compared as the README
//! says: stdout exactly for `cases/`; under the first-line invariant for `nondeterministic/`;
//! stdout, normalised stderr and exit status 1 for `errors/`. All failures are reported at once.
//!
//! `PY_CORPUS_JOBS=N` runs N programs at a time (default 3); `PY_CORPUS_ONLY=substr` runs only
//! the files whose name contains substr.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Cases the engine cannot run yet; they are skipped, with the reason printed.
const KNOWN_GAPS: &[(&str, &str)] = &[];

/// The engine's time limit for one program (ms).
const ENGINE_LIMIT_MS: f64 = 30_000.0;
/// CPython's time limit for one program.
const CPYTHON_LIMIT: Duration = Duration::from_secs(30);

#[derive(Clone, Copy, PartialEq, Debug)]
enum Kind {
    Cases,
    Nondeterministic,
    Errors,
}

struct Job {
    kind: Kind,
    path: PathBuf,
    name: String,
}

struct Run {
    stdout: String,
    stderr: String,
    code: i32,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/python")
}

fn have_python() -> bool {
    Command::new("python3").arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status().map(|s| s.success()).unwrap_or(false)
}

fn run_cpython(path: &Path, serial: usize) -> Result<Run, String> {
    let dir = std::env::temp_dir().join(format!("pg-corpus-{}-{}", std::process::id(), serial));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("temp dir: {e}"))?;
    std::fs::copy(path, dir.join("main.py")).map_err(|e| format!("copy: {e}"))?;
    let out_path = dir.join("out");
    let err_path = dir.join("err");
    // Unbuffered, so that what several processes print comes out in the order they print it,
    // as it would on a terminal (a pipe would hold each process's lines until it exits).
    let mut child = Command::new("python3")
        .arg("main.py")
        .env("PYTHONUNBUFFERED", "1")
        .current_dir(&dir)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).map_err(|e| e.to_string())?)
        .stderr(std::fs::File::create(&err_path).map_err(|e| e.to_string())?)
        .spawn()
        .map_err(|e| format!("python3: {e}"))?;
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().map_err(|e| e.to_string())? {
            break s;
        }
        if start.elapsed() > CPYTHON_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            let _ = std::fs::remove_dir_all(&dir);
            return Err("python3 timed out".into());
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stdout = std::fs::read_to_string(&out_path).unwrap_or_default();
    let stderr = std::fs::read_to_string(&err_path).unwrap_or_default();
    let _ = std::fs::remove_dir_all(&dir);
    Ok(Run { stdout, stderr, code: status.code().unwrap_or(-1) })
}

/// Runs the program in the engine, its Python threads in turns on one OS thread (as in the
/// browser's single build) or each on an OS thread of its own under the GIL (`threads`).
fn run_engine(src: &str, threads: bool, gil: bool) -> Result<Run, String> {
    let src = src.to_string();
    let config = python_engine::Config { threads, gil, ..python_engine::Config::default() };
    let r = std::panic::catch_unwind(move || python_engine::run_blocking(&src, config, ENGINE_LIMIT_MS));
    match r {
        Ok(o) if o.timed_out => Err(format!("engine timed out after {} ms; stdout so far:\n{}", ENGINE_LIMIT_MS, o.stdout)),
        Ok(o) => Ok(Run { stdout: o.stdout, stderr: o.stderr, code: o.exit_code }),
        Err(p) => {
            let msg = p.downcast_ref::<String>().cloned().or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default();
            Err(format!("engine panicked: {msg}"))
        }
    }
}

/// README, errors/: drop caret-only lines; `File "/x/main.py"` -> `File "main.py"`; drop the
/// frames of other files (their File line and the indented source line after it).
fn normalise_stderr(s: &str) -> String {
    let mut out = Vec::new();
    let mut skip_source = false;
    for line in s.lines() {
        if skip_source && line.starts_with("    ") && !line.starts_with("  File \"") {
            skip_source = false;
            continue;
        }
        skip_source = false;
        if !line.is_empty() && line.chars().all(|c| c == ' ' || c == '^' || c == '~') && line.contains(['^', '~']) {
            continue;
        }
        if let Some(rest) = line.strip_prefix("  File \"") {
            let end = rest.find('"').unwrap_or(rest.len());
            let file = &rest[..end];
            if file == "main.py" || file.ends_with("/main.py") {
                out.push(format!("  File \"main.py\"{}", &rest[end + 1.min(rest.len() - end)..]));
            } else {
                skip_source = true;
            }
            continue;
        }
        out.push(line.to_string());
    }
    let mut s = out.join("\n");
    s.push('\n');
    s
}

/// The subsequences of lines per prefix (and of lines with none of the prefixes).
fn per_thread(stdout: &str, prefixes: &[&str]) -> Vec<Vec<String>> {
    let mut groups = vec![Vec::new(); prefixes.len() + 1];
    for line in stdout.lines() {
        let i = prefixes.iter().position(|p| line.starts_with(p)).unwrap_or(prefixes.len());
        groups[i].push(line.to_string());
    }
    groups
}

/// A diff-like view: the first differing line, with a few lines around it from both sides.
fn diff(label: &str, expected: &str, got: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let g: Vec<&str> = got.lines().collect();
    let first = (0..e.len().max(g.len())).find(|&i| e.get(i) != g.get(i)).unwrap_or(0);
    let from = first.saturating_sub(3);
    let mut s = format!("  {label} differs at line {} (expected {} lines, got {}):\n", first + 1, e.len(), g.len());
    for i in from..(first + 6).min(e.len().max(g.len())) {
        match (e.get(i), g.get(i)) {
            (Some(a), Some(b)) if a == b => s.push_str(&format!("      {a}\n")),
            (a, b) => {
                if let Some(a) = a {
                    s.push_str(&format!("    - {a}\n"));
                }
                if let Some(b) = b {
                    s.push_str(&format!("    + {b}\n"));
                }
            }
        }
    }
    if expected.ends_with('\n') != got.ends_with('\n') {
        s.push_str("    (they differ in the final newline)\n");
    }
    s
}

fn check(job: &Job, serial: usize) -> Result<(), String> {
    let src = std::fs::read_to_string(&job.path).map_err(|e| format!("read: {e}"))?;
    let cp = run_cpython(&job.path, serial)?;
    let mut problems = String::new();
    // `# engine: free-threaded`: the program runs without the GIL (real threads only);
    // CPython 3.11, with its GIL, is still the oracle, so such a program must not depend on it.
    let free = src.lines().take(3).any(|l| l.trim() == "# engine: free-threaded");
    let modes: &[(bool, bool, &str)] = if free { &[(true, false, "free-threaded")] } else { &[(false, true, "threads in turns"), (true, true, "real threads")] };
    for &(threads, gil, mode) in modes {
        match run_engine(&src, threads, gil).and_then(|en| compare(job, &src, &cp, &en)) {
            Ok(()) => {}
            Err(p) => problems.push_str(&format!("  [{mode}]\n{p}")),
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

fn compare(job: &Job, src: &str, cp: &Run, en: &Run) -> Result<(), String> {
    let mut problems = String::new();
    let want_code = if job.kind == Kind::Errors { 1 } else { 0 };
    if cp.code != want_code {
        problems.push_str(&format!("  CPython exited with {} (expected {want_code}); its stderr:\n{}\n", cp.code, cp.stderr));
    }
    if en.code != want_code {
        problems.push_str(&format!("  engine exited with {} (expected {want_code}); its stderr:\n{}\n", en.code, en.stderr));
    }
    match job.kind {
        Kind::Cases => {
            if cp.stdout != en.stdout {
                problems.push_str(&diff("stdout", &cp.stdout, &en.stdout));
            }
        }
        Kind::Errors => {
            if cp.stdout != en.stdout {
                problems.push_str(&diff("stdout", &cp.stdout, &en.stdout));
            }
            let (a, b) = (normalise_stderr(&cp.stderr), normalise_stderr(&en.stderr));
            if a != b {
                problems.push_str(&diff("normalised stderr", &a, &b));
            }
        }
        Kind::Nondeterministic => {
            let first = src.lines().next().unwrap_or("");
            let inv = first.strip_prefix("# invariant:").map(str::trim).ok_or("no `# invariant:` first line")?;
            if inv == "same-lines" {
                let mut a: Vec<&str> = cp.stdout.lines().collect();
                let mut b: Vec<&str> = en.stdout.lines().collect();
                a.sort();
                b.sort();
                if a != b {
                    problems.push_str(&diff("sorted stdout (same-lines)", &(a.join("\n") + "\n"), &(b.join("\n") + "\n")));
                }
            } else if let Some(rest) = inv.strip_prefix("per-thread-order") {
                let prefixes: Vec<&str> = rest.split_whitespace().collect();
                let (a, b) = (per_thread(&cp.stdout, &prefixes), per_thread(&en.stdout, &prefixes));
                for (i, (x, y)) in a.iter().zip(&b).enumerate() {
                    if x != y {
                        let label = match prefixes.get(i) {
                            Some(p) => format!("lines starting with {p:?}"),
                            None => "lines starting with none of the prefixes".to_string(),
                        };
                        problems.push_str(&diff(&label, &(x.join("\n") + "\n"), &(y.join("\n") + "\n")));
                    }
                }
            } else {
                return Err(format!("unknown invariant {inv:?}"));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

#[test]
fn corpus() {
    if !have_python() {
        eprintln!("SKIPPED: python3 is not on PATH, so the differential corpus cannot run (CPython is the oracle)");
        return;
    }
    let root = corpus_dir();
    let only = std::env::var("PY_CORPUS_ONLY").ok();
    let mut jobs = Vec::new();
    for (dir, kind) in [("cases", Kind::Cases), ("nondeterministic", Kind::Nondeterministic), ("errors", Kind::Errors)] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .unwrap_or_else(|e| panic!("{}: {e}", root.join(dir).display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "py"))
            .collect();
        files.sort();
        for path in files {
            let file = path.file_name().unwrap().to_string_lossy().to_string();
            let name = format!("{dir}/{file}");
            if only.as_ref().is_some_and(|o| !name.contains(o.as_str())) {
                continue;
            }
            if let Some((_, why)) = KNOWN_GAPS.iter().find(|(f, _)| *f == file) {
                eprintln!("skipped (known gap) {name}: {why}");
                continue;
            }
            jobs.push(Job { kind, path, name });
        }
    }
    let total = jobs.len();
    let jobs_n: usize = std::env::var("PY_CORPUS_JOBS").ok().and_then(|s| s.parse().ok()).unwrap_or(3).max(1);
    let queue = Arc::new(Mutex::new(jobs.into_iter().enumerate().collect::<Vec<_>>()));
    let failures = Arc::new(Mutex::new(Vec::<(String, String)>::new()));
    let start = Instant::now();
    let workers: Vec<_> = (0..jobs_n)
        .map(|_| {
            let queue = queue.clone();
            let failures = failures.clone();
            // Debug builds use far more stack per Rust frame than release ones.
            std::thread::Builder::new().stack_size(256 << 20).spawn(move || loop {
                let next = queue.lock().unwrap().pop();
                let Some((serial, job)) = next else { break };
                if let Err(msg) = check(&job, serial) {
                    failures.lock().unwrap().push((job.name.clone(), msg));
                }
            })
            .unwrap()
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let mut failures = failures.lock().unwrap().clone();
    failures.sort();
    eprintln!("python corpus: {} of {} passed in {:.1} s ({} skipped as known gaps)", total - failures.len(), total, start.elapsed().as_secs_f64(), KNOWN_GAPS.len());
    if !failures.is_empty() {
        let mut report = String::new();
        for (name, msg) in &failures {
            report.push_str(&format!("=== {name}\n{msg}\n"));
        }
        let names: Vec<&str> = failures.iter().map(|(n, _)| n.as_str()).collect();
        panic!("{} of {} corpus programs differ from CPython:\n\n{report}\nfailed: {}", failures.len(), total, names.join(" "));
    }
}
