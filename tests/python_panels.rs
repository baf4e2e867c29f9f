//! "Edit as Python": every demo's Python panel that the page offers to run (`runnable`) is
//! run as the page opens it (its constants set to the values, as www/ui/code.js does; the
//! demo's `run_params` given to the python demo's run) by the engine, natively, and by
//! CPython (`python3`), and the two outputs compared: exactly, or as the same lines where
//! threads, processes and requests finish in an order of their own (tests/python/README.md's
//! `same-lines`). Built only with `--features python` (as `make test` runs it).
//!
//! The work sizes are the demos' defaults where those run in seconds, otherwise small
//! values: this test runs in the dev profile, where the engine runs Python about 15 times
//! slower than in the release builds the page loads. `PANELS_DEFAULTS=1` runs every panel
//! at its defaults instead (or, above a `runnable` limit, at the limit): use it with
//! `--release`.
#![cfg(feature = "python")]

use std::io::{Read, Write};
use std::net::TcpListener;
use std::process::Command;
use std::time::Duration;

use concurrency_playground::cancel::CancelToken;
use concurrency_playground::demos::{self, Demo, RunContext, Runnable};
use concurrency_playground::params::{self, Raw};
use concurrency_playground::workloads::tasks::{mandelbrot, MandelbrotIn};
use futures::executor::block_on;
use serde_json::Value;

/// `program` with each parameter's constant set to its value in `values`, as www/ui/code.js's
/// `pythonProgram` does (a line `NAME = value  # comment` for the parameter `name`).
fn python_program(program: &str, values: &Value) -> String {
    program
        .split('\n')
        .map(|line| {
            let Some((name, rest)) = line.split_once(" = ") else { return line.to_string() };
            let constant = name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && name.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
            let Some(value) = values.get(name.to_lowercase()).filter(|_| constant) else { return line.to_string() };
            // The comment after the value (`\s+#.*`), kept.
            let comment = rest.find('#').and_then(|i| rest[..i].ends_with(char::is_whitespace).then(|| rest[..i].trim_end().len())).map_or("", |end| &rest[end..]);
            format!("{name} = {}{comment}", python_value(value))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn python_value(value: &Value) -> String {
    match value {
        Value::Bool(b) => if *b { "True" } else { "False" }.to_string(),
        Value::Array(items) => format!("[\n{}\n]", items.iter().map(|v| format!("    {},", python_value(v))).collect::<Vec<_>>().join("\n")),
        other => other.to_string(),
    }
}

#[test]
fn the_page_sets_constants_as_code_js_does() {
    let program = "import os\nTASKS = 3    # how many\nMODE = \"a\"\nN = 5\nX = 1\n    TASKS = 9";
    let values = serde_json::json!({ "tasks": 7, "mode": "b", "n": 2_000_000, "gil": false });
    assert_eq!(python_program(program, &values), "import os\nTASKS = 7    # how many\nMODE = \"b\"\nN = 2000000\nX = 1\n    TASKS = 9");
    assert_eq!(python_value(&serde_json::json!(["https://a", "https://b"])), "[\n    \"https://a\",\n    \"https://b\",\n]");
}

/// A simulated page's body: mirrors `simPageBody` in www/sim.js (and the engine's native pages).
fn sim_page_body(n: usize) -> String {
    let bytes = 1000 + (n * 37) % 1000;
    let mut body = format!("<!doctype html><title>page {n}</title><p>Simulated page {n}.</p><!--");
    body.push_str(&".".repeat(bytes));
    body.truncate(bytes - 3);
    body + "-->"
}

/// Serves `/sim/page/<n>?latency_ms=<ms>` for CPython (the dev server's pages, in Rust):
/// the address, such as `http://127.0.0.1:PORT`.
fn serve_sim_pages() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    let address = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || {
                let mut stream = stream;
                let mut request = Vec::new();
                let mut buf = [0u8; 1024];
                while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                    match stream.read(&mut buf) {
                        Ok(0) | Err(_) => return,
                        Ok(k) => request.extend_from_slice(&buf[..k]),
                    }
                }
                let request = String::from_utf8_lossy(&request);
                let path = request.split_whitespace().nth(1).unwrap_or("/");
                let page = path.strip_prefix("/sim/page/").and_then(|rest| {
                    let (n, query) = rest.split_once('?').unwrap_or((rest, ""));
                    let latency: u64 = query.split('&').find_map(|kv| kv.strip_prefix("latency_ms=")).and_then(|v| v.parse().ok()).unwrap_or(0);
                    Some((n.parse::<usize>().ok()?, latency))
                });
                let (status, body) = match page {
                    Some((n, latency)) => {
                        std::thread::sleep(Duration::from_millis(latency));
                        ("200 OK", sim_page_body(n))
                    }
                    None => ("404 Not Found", "not found".to_string()),
                };
                let head = format!("HTTP/1.1 {status}\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
                let _ = stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(body.as_bytes()));
            });
        }
    });
    address
}

/// What CPython prints (stdout) for `code`, run as main.py in a directory of its own.
fn cpython(code: &str, tag: &str) -> String {
    let dir = std::env::temp_dir().join(format!("pg-panels-{}-{tag}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("main.py"), code).unwrap();
    let out = Command::new("python3").arg("main.py").env("PYTHONUNBUFFERED", "1").current_dir(&dir).output().expect("python3");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(out.status.success(), "{tag}: python3 failed:\n{}\n{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The engine's run of `code` through the python demo, with `extra` parameters: stdout.
fn engine(code: &str, extra: &[(String, Raw)], tag: &str) -> String {
    let mut given = vec![("code".to_string(), Raw::Text(code.to_string()))];
    given.extend(extra.iter().cloned());
    let ctx = RunContext { cancel: CancelToken::new(), build: "threads", has_threads: true };
    let r = block_on(demos::run("python", &given, ctx)).unwrap_or_else(|e| panic!("{tag}: {e}"));
    assert_eq!(r.value["exit_code"], 0, "{tag}: the engine failed: {}", r.value);
    r.value["stdout"].as_str().unwrap().to_string()
}

fn raw(value: &Value) -> Raw {
    match value {
        Value::Bool(b) => Raw::Bool(*b),
        Value::Number(n) => Raw::Number(n.as_f64().unwrap()),
        Value::String(s) => Raw::Text(s.clone()),
        Value::Array(items) => Raw::List(items.iter().map(raw).collect()),
        other => panic!("{other}"),
    }
}

fn sorted_lines(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text.lines().collect();
    lines.sort_unstable();
    lines
}

/// How a panel's output is compared: exactly, or as the same lines in any order.
#[derive(Clone, Copy, PartialEq)]
enum Compare {
    Exact,
    SameLines,
}

struct Case {
    demo: &'static str,
    /// Parameters besides the defaults.
    given: &'static [(&'static str, &'static str)],
    compare: Compare,
}

/// Each panel with every choice that changes what its program does. Sizes are small
/// unless `PANELS_DEFAULTS` is set (see the top of this file).
const CASES: &[Case] = &[
    Case { demo: "concurrency-vs-parallelism", given: &[("work_ms", "20")], compare: Compare::Exact },
    Case { demo: "gil", given: &[("work_ms", "30")], compare: Compare::SameLines },
    Case { demo: "gil", given: &[("work_ms", "30"), ("gil", "false")], compare: Compare::SameLines },
    Case { demo: "gil", given: &[("work_ms", "30"), ("workload", "mixed"), ("threads", "3")], compare: Compare::SameLines },
    Case { demo: "gil", given: &[("work_ms", "100"), ("workload", "io")], compare: Compare::SameLines },
    Case { demo: "io-vs-cpu", given: &[("cpu_ms", "10"), ("io_ms", "50")], compare: Compare::Exact },
    Case { demo: "threads", given: &[], compare: Compare::SameLines },
    Case { demo: "asyncio", given: &[], compare: Compare::SameLines },
    Case { demo: "scraper", given: &[("latency_ms", "100")], compare: Compare::SameLines },
    Case { demo: "scraper", given: &[("latency_ms", "100"), ("mode", "threads"), ("urls", "5"), ("workers", "2")], compare: Compare::SameLines },
    Case { demo: "scraper", given: &[("latency_ms", "50"), ("mode", "sequential"), ("urls", "3")], compare: Compare::Exact },
    Case { demo: "processes", given: &[("n", "200000"), ("processes", "2")], compare: Compare::Exact },
    Case { demo: "pool-map", given: &[("size", "40")], compare: Compare::Exact },
    Case { demo: "pool-map", given: &[("size", "30"), ("chunks", "3"), ("workers", "3")], compare: Compare::Exact },
    Case { demo: "executors", given: &[], compare: Compare::SameLines },
    // Tasks that end at least 40 ms apart (with 2 workers, tasks 1 and 3 would end together).
    Case { demo: "executors", given: &[("kind", "process"), ("tasks", "5"), ("max_workers", "3")], compare: Compare::SameLines },
];

/// The work-size parameters the small cases lower: left at their defaults with `PANELS_DEFAULTS`.
const SIZES: &[&str] = &["work_ms", "cpu_ms", "io_ms", "n", "size", "latency_ms", "urls"];

fn demo(id: &str) -> &'static Demo {
    demos::DEMOS.iter().find(|d| d.id == id).unwrap()
}

#[test]
fn every_runnable_panel_is_tested_here_and_only_those() {
    for d in demos::DEMOS {
        let Some(python) = d.python else { continue };
        let tested = CASES.iter().any(|c| c.demo == d.id);
        let runs = !matches!(python.runnable, Runnable::Never);
        assert_eq!(tested, runs, "{}: runnable {runs}, but tested here: {tested}", d.id);
    }
    // Only choosing stays a picture: it compares threads with and without a GIL in one run,
    // which no one Python interpreter can do.
    let never: Vec<&str> = demos::DEMOS.iter().filter(|d| d.python.is_some_and(|p| matches!(p.runnable, Runnable::Never))).map(|d| d.id).collect();
    assert_eq!(never, ["choosing"]);
}

#[test]
fn a_size_limit_runs_up_to_it_and_says_why_above_it() {
    for d in demos::DEMOS {
        let Some(python) = d.python else { continue };
        let Runnable::UpTo { param, max, why } = python.runnable else { continue };
        let at = |v: f64| params::validate(d.id, d.params, &[(param.to_string(), Raw::Number(v))]).unwrap().to_json();
        assert!(python.runnable.runs_with(&at(max as f64)), "{}: runs at {param} = {max}", d.id);
        assert!(!python.runnable.runs_with(&at(max as f64 + 1.0)), "{}: not above {param} = {max}", d.id);
        let grouped = max.to_string().as_bytes().rchunks(3).rev().map(|c| std::str::from_utf8(c).unwrap()).collect::<Vec<_>>().join(",");
        assert!(why.contains(&format!("{param} = {grouped}")), "{}: the page says why, naming {param} = {grouped}: {why}", d.id);
    }
}

#[test]
fn every_runnable_panel_runs_in_the_engine_printing_what_cpython_prints() {
    let defaults = std::env::var_os("PANELS_DEFAULTS").is_some();
    let site = serve_sim_pages();
    let mut failures = Vec::new();
    for (k, case) in CASES.iter().enumerate() {
        let d = demo(case.demo);
        let python = d.python.unwrap();
        let mut given: Vec<(String, Raw)> = case
            .given
            .iter()
            .filter(|(name, _)| !(defaults && SIZES.contains(name)))
            .map(|(name, v)| {
                let value = match *v {
                    "true" => Raw::Bool(true),
                    "false" => Raw::Bool(false),
                    v => v.parse().map(Raw::Number).unwrap_or_else(|_| Raw::Text(v.to_string())),
                };
                (name.to_string(), value)
            })
            .collect();
        if let (true, Runnable::UpTo { param, max, .. }) = (defaults, python.runnable) {
            let spec = d.params.iter().find(|p| p.name == param).unwrap();
            let at_default = params::validate(d.id, d.params, &[]).unwrap().to_json();
            if !python.runnable.runs_with(&at_default) {
                given.push((spec.name.to_string(), Raw::Number(max as f64)));
            }
        }
        let values = params::validate(d.id, d.params, &given).unwrap_or_else(|e| panic!("{}: {e}", d.id)).to_json();
        let tag = format!("{}-{k}", d.id);
        assert!(python.runnable.runs_with(&values), "{tag}: the page offers no button for {values}");
        let program = python_program(python.program, &values);
        let carried: Vec<(String, Raw)> = python.run_params.iter().map(|p| (p.to_string(), raw(&values[*p]))).collect();
        let started = std::time::Instant::now();
        let ours = engine(&program, &carried, &tag);
        let engine_s = started.elapsed().as_secs_f64();
        // CPython has no page to resolve "/sim/page/1" against: it fetches from this test's server.
        let theirs = cpython(&program.replace("SITE = \"\"", &format!("SITE = \"{site}\"")), &tag);
        // CPython 3.11 always has its GIL: a program opened from gil = false runs free-threaded
        // in the engine, and says so where CPython says it shares one GIL (and notes the constant).
        let theirs = if values.get("gil") == Some(&Value::Bool(false)) {
            theirs.lines().filter(|l| !l.starts_with("GIL = False, but this Python has a GIL")).map(|l| l.replace("sharing one GIL", "with no GIL") + "\n").collect()
        } else {
            theirs
        };
        let same = match case.compare {
            Compare::Exact => ours == theirs,
            Compare::SameLines => sorted_lines(&ours) == sorted_lines(&theirs),
        };
        eprintln!("{tag}: {} lines, engine {engine_s:.1} s{}", ours.lines().count(), if same { "" } else { ": DIFFERS" });
        if !same {
            failures.push(format!("{tag} ({values}):\n--- python3\n{theirs}--- engine\n{ours}"));
        }
        if d.id == "pool-map" {
            // The picture is the demo's: the same escape steps as its Rust kernel counts.
            let size = values["size"].as_u64().unwrap() as u32;
            let steps: u64 = mandelbrot(&MandelbrotIn { size, row_from: 0, row_to: size }).iter().map(|&p| u64::from(p)).sum();
            if !ours.contains(&format!(": {steps} escape steps in all")) {
                failures.push(format!("{tag}: the demo's picture has {steps} escape steps:\n{ours}"));
            }
        }
        if ours.trim().is_empty() && d.id != "io-vs-cpu" {
            failures.push(format!("{tag}: printed nothing"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
