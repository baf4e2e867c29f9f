//! Native tests: parameter validation, trace invariants, cancellation, and the demos'
//! logic run for real on native threads and a native event loop.

use concurrency_playground::cancel::CancelToken;
use concurrency_playground::demos::{self, RunContext, RunError};
use concurrency_playground::params::{validate, ParamSpec, Raw};
use concurrency_playground::trace::{LaneKind, Recorder, RunResult, SpanKind};
use futures::executor::block_on;

fn ctx(has_threads: bool) -> RunContext {
    RunContext {
        cancel: CancelToken::new(),
        build: "native",
        has_threads,
    }
}

fn given(pairs: &[(&str, Raw)]) -> Vec<(String, Raw)> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
}

fn run(id: &str, pairs: &[(&str, Raw)]) -> Result<RunResult, RunError> {
    block_on(demos::run(id, &given(pairs), ctx(true)))
}

fn refusal(id: &str, pairs: &[(&str, Raw)]) -> String {
    match run(id, pairs) {
        Err(RunError::Param(e)) => e.message,
        Err(other) => panic!("expected a parameter error, got {other:?}"),
        Ok(_) => panic!("expected a parameter error, the run succeeded"),
    }
}

const SPECS: &[ParamSpec] = &[
    ParamSpec::int("threads", 1, 8, 2, "threads", ""),
    ParamSpec::bool("gil", true, ""),
    ParamSpec::choice("workload", &["cpu", "io", "mixed"], "cpu", ""),
];

#[test]
fn validation_fills_defaults_and_accepts_edges() {
    let p = validate("d", SPECS, &[]).unwrap();
    assert_eq!((p.int("threads"), p.flag("gil"), p.choice("workload")), (2, true, "cpu"));
    let p = validate("d", SPECS, &given(&[("threads", Raw::Number(8.0)), ("gil", Raw::Bool(false)), ("workload", Raw::Text("io".into()))])).unwrap();
    assert_eq!((p.int("threads"), p.flag("gil"), p.choice("workload")), (8, false, "io"));
    assert_eq!(validate("d", SPECS, &given(&[("threads", Raw::Number(1.0))])).unwrap().int("threads"), 1);
}

#[test]
fn validation_refuses_every_bad_number_naming_parameter_and_range() {
    let bad = [
        (Raw::Number(f64::NAN), "NaN"),
        (Raw::Number(f64::INFINITY), "Infinity"),
        (Raw::Number(f64::NEG_INFINITY), "-Infinity"),
        (Raw::Number(-1.0), "-1"),
        (Raw::Number(0.0), "0"),
        (Raw::Number(9.0), "9"),
        (Raw::Number(2.5), "2.5"),
        (Raw::Number(1e300), "1e300"),
        (Raw::Text("3".into()), "the string \"3\""),
        (Raw::Bool(true), "true"),
        (Raw::Null, "null"),
        (Raw::Other("an array"), "an array"),
    ];
    for (raw, shown) in bad {
        let e = validate("d", SPECS, &given(&[("threads", raw.clone())])).unwrap_err();
        assert_eq!(e.param.as_deref(), Some("threads"), "{raw:?}");
        assert!(e.message.contains("\"threads\""), "{}", e.message);
        assert!(e.message.contains("from 1 to 8"), "{}", e.message);
        assert!(e.message.contains(shown) || shown == "1e300", "{} should show {shown}", e.message);
    }
}

#[test]
fn validation_refuses_bad_bools_choices_and_unknown_names() {
    let e = validate("d", SPECS, &given(&[("gil", Raw::Number(1.0))])).unwrap_err();
    assert!(e.message.contains("\"gil\" must be true or false, got 1"), "{}", e.message);
    let e = validate("d", SPECS, &given(&[("workload", Raw::Text("disk".into()))])).unwrap_err();
    assert!(e.message.contains("one of \"cpu\", \"io\", \"mixed\""), "{}", e.message);
    let e = validate("d", SPECS, &given(&[("bogus", Raw::Number(1.0))])).unwrap_err();
    assert_eq!(e.param.as_deref(), Some("bogus"));
    assert!(e.message.contains("unknown parameter \"bogus\"") && e.message.contains("threads, gil, workload"), "{}", e.message);
}

#[test]
fn demo_parameters_are_checked_against_their_own_schema() {
    let m = refusal("asyncio", &[("tasks", Raw::Number(1001.0))]);
    assert!(m.contains("\"tasks\" must be a whole number from 1 to 1000, got 1001"), "{m}");
    let m = refusal("threads", &[("delay_ms", Raw::Number(-5.0))]);
    assert!(m.contains("\"delay_ms\"") && m.contains("from 0 to 2000"), "{m}");
}

#[test]
fn unknown_demo_is_refused_with_the_list_of_demos() {
    let e = run("nope", &[]).unwrap_err();
    assert!(matches!(e, RunError::UnknownDemo(_)));
    assert!(e.to_string().contains("\"nope\"") && e.to_string().contains("threads, asyncio"), "{e}");
    assert_eq!(e.js_name(), "ParamError");
}

#[test]
fn every_demo_runs_with_its_defaults_and_echoes_them() {
    for demo in demos::DEMOS {
        let r = match run(demo.id, &cheapest(demo)) {
            Ok(r) => r,
            // Processes are Web Workers: those demos run in the browser tests.
            Err(RunError::Failed(why)) if why.contains("need a browser") => continue,
            // Built without the engine (cargo test without --features python).
            Err(RunError::Failed(why)) if why.contains("no Python engine") => continue,
            Err(e) => panic!("{}: {e}", demo.id),
        };
        assert_eq!(r.demo, demo.id);
        for spec in demo.params {
            assert!(r.params.get(spec.name).is_some(), "{} lacks {}", demo.id, spec.name);
        }
        if demo.id == "python" {
            // A learner's program has no sequential answer; its own output is the check.
            assert_eq!(r.value["exit_code"], 0, "{}", r.value);
            continue;
        }
        assert_eq!(r.stats["matches_sequential"], true, "{}", demo.id);
    }
}

#[test]
fn threads_demo_is_refused_without_shared_memory_after_validation() {
    let e = block_on(demos::run("threads", &[], ctx(false))).unwrap_err();
    assert_eq!(e.js_name(), "IsolationError");
    assert!(e.to_string().contains("needs the page to be cross-origin isolated"), "{e}");
    // A bad parameter is reported first: it is the caller's mistake whatever the build.
    let e = block_on(demos::run("threads", &given(&[("threads", Raw::Number(0.0))]), ctx(false))).unwrap_err();
    assert_eq!(e.js_name(), "ParamError");
    // asyncio needs no threads.
    assert!(block_on(demos::run("asyncio", &given(&[("delay_ms", Raw::Number(1.0))]), ctx(false))).is_ok());
}

fn overlaps(a: (f64, f64), b: (f64, f64)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn sleeps_of(r: &RunResult, pick: impl Fn(&concurrency_playground::trace::Span) -> bool) -> Vec<(f64, f64)> {
    r.spans.iter().filter(|s| s.kind == SpanKind::Sleep && pick(s)).map(|s| (s.start_ms, s.end_ms)).collect()
}

fn assert_trace_invariants(r: &RunResult) {
    for s in &r.spans {
        assert!(0.0 <= s.start_ms && s.start_ms <= s.end_ms && s.end_ms <= r.wall_ms + 1e-9, "{s:?} outside 0..{}", r.wall_ms);
        assert!(s.lane < r.lanes.len());
    }
    assert!(r.logs.windows(2).all(|w| w[0].t_ms <= w[1].t_ms), "logs out of order");
    assert!(r.logs.iter().all(|l| l.t_ms <= r.wall_ms + 1e-9 && l.lane < r.lanes.len()));
    let cpu: f64 = r.spans.iter().filter(|s| s.kind == SpanKind::Cpu).map(|s| s.end_ms - s.start_ms).sum();
    assert!((r.stats["cpu_ms"].as_f64().unwrap() - cpu).abs() < 0.01);
}

#[test]
fn threads_run_has_one_lane_per_thread_with_overlapping_sleeps() {
    let r = run("threads", &[("threads", Raw::Number(3.0)), ("steps", Raw::Number(3.0)), ("delay_ms", Raw::Number(40.0))]).unwrap();
    assert_trace_invariants(&r);
    let threads: Vec<_> = r.lanes.iter().filter(|l| l.kind == LaneKind::Thread).collect();
    assert_eq!(threads.len(), 3);
    for a in 0..3 {
        for b in a + 1..3 {
            let (la, lb) = (threads[a].id, threads[b].id);
            let sa = sleeps_of(&r, |s| s.lane == la);
            let sb = sleeps_of(&r, |s| s.lane == lb);
            assert!(sa.iter().any(|x| sb.iter().any(|y| overlaps(*x, *y))), "threads {a} and {b} never slept together");
        }
    }
    let printed: Vec<Vec<String>> = serde_json::from_value(r.value["printed"].clone()).unwrap();
    assert_eq!(printed, demos::threads::sequential_answer(3, 3));
}

#[test]
fn asyncio_run_has_one_lane_and_overlapping_waits() {
    let r = run("asyncio", &[("tasks", Raw::Number(4.0)), ("steps", Raw::Number(2.0)), ("delay_ms", Raw::Number(30.0))]).unwrap();
    assert_trace_invariants(&r);
    assert_eq!(r.lanes.len(), 1);
    assert_eq!(r.lanes[0].kind, LaneKind::EventLoop);
    let first = sleeps_of(&r, |s| s.task == Some(0));
    let second = sleeps_of(&r, |s| s.task == Some(1));
    assert!(first.iter().any(|x| second.iter().any(|y| overlaps(*x, *y))));
    let printed: Vec<Vec<String>> = serde_json::from_value(r.value["printed"].clone()).unwrap();
    assert_eq!(printed, demos::asyncio::sequential_answer(4, 2));
}

#[test]
fn thread_symbols_follow_the_numbers_and_letters_example() {
    use demos::threads::symbol;
    assert_eq!((symbol(0, 0), symbol(0, 9)), ("1".to_string(), "10".to_string()));
    assert_eq!((symbol(1, 0), symbol(1, 25), symbol(1, 26)), ("a".to_string(), "z".to_string(), "t2.27".to_string()));
    assert_eq!((symbol(2, 1), symbol(3, 0), symbol(7, 4)), ("B".to_string(), "α".to_string(), "t8.5".to_string()));
}

#[test]
fn cancel_wakes_a_blocking_sleep_at_once() {
    let token = CancelToken::new();
    let sleeper = token.clone();
    let started = std::time::Instant::now();
    let handle = std::thread::spawn(move || sleeper.sleep_blocking(10_000.0));
    std::thread::sleep(std::time::Duration::from_millis(30));
    token.cancel();
    assert!(handle.join().unwrap().is_err());
    // Woken by the cancel, not by the 10 s timeout: far under it whatever the load.
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

#[test]
fn cancelled_runs_report_cancellation_and_the_next_run_works() {
    for id in ["threads", "asyncio"] {
        let context = ctx(true);
        let token = context.cancel.clone();
        let stopper = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(50));
            token.cancel();
        });
        let long = given(&[("steps", Raw::Number(50.0)), ("delay_ms", Raw::Number(2000.0))]);
        let outcome = block_on(demos::run(id, &long, context));
        stopper.join().unwrap();
        assert_eq!(outcome.unwrap_err(), RunError::Cancelled, "{id}");
        assert!(run(id, &[("delay_ms", Raw::Number(1.0))]).is_ok(), "{id} after cancel");
    }
}

#[test]
fn recorder_keeps_logs_in_time_order_and_wall_time_to_the_last_span() {
    let rec = Recorder::start();
    let lane = rec.lane("l", LaneKind::Main);
    rec.span(lane, SpanKind::Cpu, None, "a", 5.0, 7.5);
    rec.span(lane, SpanKind::Sleep, Some(1), "b", 1.0, 3.0);
    rec.log(lane, "x");
    let r = rec.finish("d", serde_json::json!({}), "native", serde_json::json!(null), Default::default());
    assert_eq!(r.spans[0].label, "b", "spans sorted by start");
    assert!(r.wall_ms >= 7.5);
    assert_eq!(r.stats["cpu_ms"], 2.5);
}

#[test]
fn schemas_publish_every_parameter_with_its_range() {
    let json = serde_json::to_value(demos::schemas()).unwrap();
    let threads = json.as_array().unwrap().iter().find(|d| d["id"] == "threads").unwrap();
    assert_eq!(threads["needsThreads"], true);
    let p = &threads["params"][0];
    assert_eq!((p["name"].as_str(), p["type"].as_str(), p["min"].as_i64(), p["max"].as_i64()), (Some("threads"), Some("int"), Some(1), Some(8)));
    assert!(p["help"].as_str().is_some_and(|h| !h.is_empty()));
}

/// The cheapest run of `demo`: every number at its smallest (durations at least 1 ms).
fn cheapest(demo: &demos::Demo) -> Vec<(&'static str, Raw)> {
    demo.params
        .iter()
        .filter_map(|p| match p.kind {
            concurrency_playground::params::Kind::Int { min, .. } => {
                let v = if p.name.ends_with("_ms") { min.max(1) } else { min };
                Some((p.name, Raw::Number(v as f64)))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn every_declared_timing_is_what_a_run_reports_with_and_without_threads() {
    let mut checked = 0;
    for demo in demos::DEMOS {
        // The cheapest run, then the same with each value of each choice parameter.
        let mut variants = vec![cheapest(demo)];
        for p in demo.params {
            if let concurrency_playground::params::Kind::Choice { options, .. } = p.kind {
                for value in options {
                    let mut v = cheapest(demo);
                    v.push((p.name, Raw::Text(value.to_string())));
                    variants.push(v);
                }
            }
        }
        for (variant, has_threads) in variants.iter().flat_map(|v| [(v, true), (v, false)]) {
            let r = match block_on(demos::run(demo.id, &given(variant), ctx(has_threads))) {
                Ok(r) => r,
                Err(RunError::Failed(why)) if why.contains("need a browser") => continue,
                // Built without the engine (cargo test without --features python).
                Err(RunError::Failed(why)) if why.contains("no Python engine") => continue,
                // Refused before it runs: the declared timing for these values needs threads.
                Err(RunError::NeedsThreads { .. } | RunError::NeedsThreadsFor { .. }) if !has_threads => {
                    let params = validate(demo.id, demo.params, &given(variant)).unwrap().to_json();
                    assert!(
                        demo.needs_threads
                            || demo.timings.iter().any(|t| t.needs_threads && t.when.is_some_and(|w| params[w.param] == w.value)),
                        "{}: refused without threads ({variant:?}), but no declared timing says so",
                        demo.id
                    );
                    continue;
                }
                Err(e) => panic!("{} (threads: {has_threads}): {e}", demo.id),
            };
            for name in demo.timings.iter().map(|t| t.name).collect::<std::collections::BTreeSet<_>>() {
                // A name may be declared more than once, under different conditions.
                let applies = demo.timings.iter().any(|t| {
                    t.name == name && (has_threads || !t.needs_threads) && t.when.is_none_or(|w| r.params[w.param] == w.value)
                });
                let key = format!("{name}_ms");
                assert_eq!(r.stats.get(&key).is_some_and(|v| v.is_number()), applies, "{}: {key} (threads: {has_threads}, {variant:?})", demo.id);
            }
            // Every phase the run reports is declared.
            for phase in r.value["phases"].as_array().into_iter().flatten() {
                let name = phase["name"].as_str().unwrap();
                assert!(demo.timings.iter().any(|t| t.name == name), "{}: phase {name} is not in TIMINGS", demo.id);
            }
            checked += 1;
        }
    }
    assert!(checked >= 8, "only {checked} runs checked");
}
