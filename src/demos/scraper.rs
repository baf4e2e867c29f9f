//! `scraper`: fetch K pages one after another (the baseline), then the chosen way: a
//! pool of threads each making blocking requests, or async requests all in flight on
//! one event loop. Every request is a real `fetch()` or XMLHttpRequest.
//!
//! What the learner should notice is `LESSON`, shown above the demo's controls.

use std::sync::Arc;

use futures::future::join_all;
use serde_json::{json, Map, Value};

use super::phases::{Phase, Phases, Timing};
use super::{Demo, Exercise, Python, RunContext, RunError, Runnable};
use crate::models::threads::run_queue;
use crate::params::{Params, Urls};
use crate::platform::cancel::unless_cancelled;
use crate::platform::url::absolute;
use crate::trace::{json_ms, LaneId, LaneKind, Recorder, RunResult, SpanKind};
use crate::workloads::fetch::{fetch_async, fetch_blocking, sim_page_url, Outcome};

/// This demo in the registry (`DEMOS` in mod.rs).
pub const DEMO: Demo = Demo {
    id: "scraper",
    title: "A concurrent web scraper",
    chapter: 6,
    needs_threads: false,
    params: PARAMS,
    timings: TIMINGS,
    lesson: LESSON,
    python: Some(Python { program: PYTHON, runnable: Runnable::Always, run_params: &[] }),
    source: Some(crate::demo_source!("scraper.rs")),
    exercise: Some(Exercise {
        title: "Fetching eight slow pages",
        query: "urls=8&latency_ms=300&mode=async&predict=async_ms",
        question: Some("Eight pages each answer after 300 ms. How long does fetching all of them with asyncio take?"),
    }),
    run: |params, ctx| Box::pin(run(params, ctx)),
};

/// What to look for, shown above the demo's controls (`lesson` in `playground.demos()`).
pub const LESSON: &str = "A web scraper spends its time waiting for servers. The pages are fetched one after another \
    first (the baseline), then with a pool of threads or with async requests, all for real. \
    Overlapping the waits is what pays. Paste your own URLs to fetch real sites: a site that \
    does not allow other pages to read it (CORS) fails on its own line, and the others go on. A \
    browser opens at most six connections to one HTTP/1.1 site: a seventh page from that site \
    waits for one to free up. The simulated pages do not wait: this page's service worker \
    answers them inside the browser.";

/// The Python a learner would write for CPython: its parameters are the constants at its
/// top (`TASKS = 3` is `tasks`, with its default), which the page sets to the current values.
const PYTHON: &str = r#"import asyncio
import sys
from concurrent.futures import ThreadPoolExecutor

import requests

URLS = 8            # how many simulated pages, or a list of real URLs
LATENCY_MS = 300    # how long each simulated page takes to answer
MODE = "async"      # after the sequential baseline: "sequential", "threads" or "async"
WORKERS = 4
SITE = ""           # the simulated pages' site: "" is the playground's own; for python3, where
                    # `make serve` serves the playground, such as "http://127.0.0.1:8000"

if isinstance(URLS, int):         # the playground's simulated pages
    PAGES = [(f"page {i}", f"{SITE}/sim/page/{i}?latency_ms={LATENCY_MS}") for i in range(1, URLS + 1)]
else:
    PAGES = [(url[:60], url) for url in URLS]


def get(page):                    # one request; its line is printed as soon as it is answered
    name, url = page
    try:
        r = requests.get(url, timeout=10)
        answer, line = (r.status_code, len(r.content)), f"{name}: {r.status_code}, {len(r.content)} bytes"
    except requests.RequestException as e:
        answer, line = None, f"{name}: failed: {type(e).__name__}"
    sys.stdout.write(line + "\n")  # one write: a whole line, even from threads
    return answer


async def fetch_all():            # requests blocks: each request waits in a thread of its own
    loop = asyncio.get_running_loop()   # while the one event loop awaits them all at once
    with ThreadPoolExecutor(max_workers=len(PAGES)) as pool:
        return await asyncio.gather(*(loop.run_in_executor(pool, get, p) for p in PAGES))


print(f"sequential: {len(PAGES)} pages, one after another")
answers = [get(p) for p in PAGES]
if MODE == "threads":
    print(f"threads: {len(PAGES)} pages on {WORKERS} threads")
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        again = list(pool.map(get, PAGES))
elif MODE == "async":
    print(f"async: {len(PAGES)} pages at once, one event loop")
    again = asyncio.run(fetch_all())
if MODE != "sequential":
    print(f"{MODE}: the same answers as one after another:", again == answers)"#;

crate::demo_params! {
    pub struct Values {
        urls: Urls = urls(1, 100, 8, 20, "How many simulated pages to fetch, or a list of real URLs to fetch for real."),
        latency_ms: f64 = int(0, 5000, 300, "ms", "How long each simulated page takes to answer (real URLs take what they take)."),
        mode: &'static str = choice(&["sequential", "threads", "async"], "async", "How to fetch after the sequential baseline: a thread pool, or async (asyncio + aiohttp style)."),
        workers: usize = int(1, 8, 4, "threads", "How many threads the pool has (threads mode)."),
    }
}

/// The times a run reports (`<name>_ms`): what an exercise can ask about.
pub const TIMINGS: &[Timing] = &[
    Timing::always("sequential"),
    Timing::always("async").when("mode", "async"),
    Timing::with_threads("threads").when("mode", "threads"),
];

#[derive(Clone)]
pub struct Target {
    pub label: String,
    pub url: String,
}

pub fn targets(urls: &Urls, latency_ms: f64) -> Vec<Target> {
    match urls {
        Urls::Simulated(n) => (1..=*n)
            .map(|i| Target { label: format!("page {i}"), url: sim_page_url(i, latency_ms) })
            .collect(),
        Urls::Real(list) => list
            .iter()
            .map(|url| Target { label: url.chars().take(60).collect(), url: url.clone() })
            .collect(),
    }
}

/// One request's outcome, traced: an `io` span on `lane` and a printed line.
fn record(rec: &Recorder, lane: LaneId, i: usize, target: &Target, outcome: &Outcome, from: f64, to: f64) {
    let took = to - from;
    match outcome {
        Ok(page) => {
            rec.span(lane, SpanKind::Io, Some(i), format!("GET {}", target.label), from, to);
            rec.log(lane, format!("{}: {}, {} bytes in {:.0} ms", target.label, page.status, page.bytes, took));
        }
        Err(why) => {
            rec.span(lane, SpanKind::Io, Some(i), format!("failed: {}", target.label), from, to);
            rec.log(lane, format!("{}: failed after {:.0} ms: {why}", target.label, took));
        }
    }
}

type Timed = (Outcome, f64, f64);

// rust-panel: begin
async fn sequential(rec: &Recorder, lane: LaneId, targets: &[Target]) -> Vec<Timed> {
    let mut out = Vec::with_capacity(targets.len());
    for (i, t) in targets.iter().enumerate() {
        let from = rec.now();
        let outcome = fetch_async(&t.url).await;
        let to = rec.now();
        record(rec, lane, i, t, &outcome, from, to);
        out.push((outcome, from, to));
    }
    out
}
// rust-panel: end

// rust-panel: begin
async fn gathered(rec: &Recorder, lane: LaneId, targets: &[Target]) -> Vec<Timed> {
    join_all(targets.iter().enumerate().map(|(i, t)| async move {
        let from = rec.now();
        let outcome = fetch_async(&t.url).await;
        let to = rec.now();
        record(rec, lane, i, t, &outcome, from, to);
        (outcome, from, to)
    }))
    .await
}
// rust-panel: end

// rust-panel: begin
async fn pooled(rec: &Recorder, lanes: &[LaneId], targets: &[Target], ctx: &RunContext) -> Result<Vec<Timed>, RunError> {
    let (rec, lanes, cancel) = (rec.clone(), lanes.to_vec(), ctx.cancel.clone());
    let shared: Arc<Vec<Target>> = Arc::new(
        targets.iter().map(|t| Target { label: t.label.clone(), url: absolute(&t.url) }).collect(),
    );
    let results = run_queue(lanes.len(), targets.len(), move |worker, i| {
        // A blocking request cannot be interrupted; stop before starting the next one.
        cancel.check()?;
        let t = &shared[i];
        let from = rec.now();
        let outcome = fetch_blocking(&t.url);
        let to = rec.now();
        record(&rec, lanes[worker], i, t, &outcome, from, to);
        Ok((outcome, from, to))
    })
    .await
    .map_err(RunError::Failed)?;
    results.into_iter().collect::<Result<_, crate::platform::cancel::Cancelled>>().map_err(RunError::from)
}
// rust-panel: end

/// The same page both times: same status, and for simulated pages the same size
/// (a real page may legitimately change between two requests).
fn same_outcome(a: &Outcome, b: &Outcome, simulated: bool) -> bool {
    match (a, b) {
        (Ok(x), Ok(y)) => x.status == y.status && (!simulated || x.bytes == y.bytes),
        (Err(_), Err(_)) => true,
        _ => false,
    }
}

pub async fn run(params: &Params, ctx: &RunContext) -> Result<RunResult, RunError> {
    // rust-panel: begin
    let Values { urls, latency_ms, mode, workers } = Values::read(params);
    if mode == "threads" && !ctx.has_threads {
        return Err(RunError::NeedsThreadsFor { demo: DEMO.id, what: "mode \"threads\"".into() });
    }
    let simulated = matches!(urls, Urls::Simulated(_));
    let targets = targets(&urls, latency_ms);
    // rust-panel: end

    let rec = Recorder::start();
    let seq_lane = rec.lane("sequential", LaneKind::Main);
    let mut phases = Phases::default();

    let start = rec.now();
    let baseline = unless_cancelled(&ctx.cancel, sequential(&rec, seq_lane, &targets)).await?;
    phases.push(Phase::new("sequential", start, rec.now(), &baseline.iter().map(|r| r.2).collect::<Vec<_>>()));

    let chosen = match mode {
        "async" => {
            let lane = rec.lane("async: event loop", LaneKind::EventLoop);
            let start = rec.now();
            let done = unless_cancelled(&ctx.cancel, gathered(&rec, lane, &targets)).await?;
            phases.push(Phase::new("async", start, rec.now(), &done.iter().map(|r| r.2).collect::<Vec<_>>()));
            done
        }
        "threads" => {
            let lanes: Vec<_> = (0..workers).map(|i| rec.lane(format!("thread {}", i + 1), LaneKind::Thread)).collect();
            let start = rec.now();
            let done = pooled(&rec, &lanes, &targets, ctx).await?;
            phases.push(Phase::new("threads", start, rec.now(), &done.iter().map(|r| r.2).collect::<Vec<_>>()));
            done
        }
        _ => baseline.clone(),
    };

    let matches = baseline.iter().zip(&chosen).all(|(a, b)| same_outcome(&a.0, &b.0, simulated));
    let per_url: Vec<Value> = targets
        .iter()
        .zip(&chosen)
        .map(|(t, (outcome, from, to))| match outcome {
            Ok(p) => json!({ "url": t.url, "label": t.label, "ok": true, "status": p.status, "bytes": p.bytes, "ms": json_ms(to - from) }),
            Err(e) => json!({ "url": t.url, "label": t.label, "ok": false, "error": e, "ms": json_ms(to - from) }),
        })
        .collect();
    let failures = chosen.iter().filter(|r| r.0.is_err()).count();
    let bytes: usize = chosen.iter().filter_map(|r| r.0.as_ref().ok()).map(|p| p.bytes).sum();

    let mut stats = Map::new();
    stats.insert("matches_sequential".into(), json!(matches));
    stats.insert("bytes".into(), json!(bytes));
    stats.insert("failures".into(), json!(failures));
    phases.add_stats(&mut stats, &[("async", "sequential"), ("threads", "sequential")]);
    let value = json!({ "urls": per_url, "phases": phases.to_json() });
    Ok(rec.finish(DEMO.id, params.to_json(), ctx.build, value, stats))
}
