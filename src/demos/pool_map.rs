//! `pool-map`: a picture (the Mandelbrot set) cut into `chunks` bands of rows, mapped by a
//! pool of `workers`, and put back together in order: `Pool.map`. The same chunks go
//! to a thread pool (shared memory: each thread writes its rows where they belong) and to
//! a process pool (each chunk's rows are copied back as text, like pickled results).
//!
//! What the learner should notice is `LESSON`, shown above the demo's controls.

use std::sync::{Arc, Mutex};

use serde_json::{json, Map, Value};

use super::phases::{log_skipped, Phase, Phases, Timing};
use super::{Demo, Exercise, Python, RunContext, RunError, Runnable};
use crate::models::event_loop::yield_now;
use crate::models::processes::{map_on_pool, start_pool, Job};
use crate::models::threads::run_queue;
use crate::params::Params;
use crate::platform::cancel::unless_cancelled;
use crate::trace::{json_ms, LaneId, LaneKind, Recorder, RunResult, SpanKind};
use crate::workloads::tasks::{mandelbrot, MandelbrotIn};

/// This demo in the registry (`DEMOS` in mod.rs).
pub const DEMO: Demo = Demo {
    id: "pool-map",
    title: "Pool.map: chunks of a picture",
    chapter: 8,
    needs_threads: false,
    params: PARAMS,
    timings: TIMINGS,
    lesson: LESSON,
    python: Some(Python {
        program: PYTHON,
        runnable: Runnable::UpTo {
            param: "size",
            max: PYTHON_MAX_SIZE,
            why: "Python computes pixels far slower than the demo's Rust: this program computes the picture three times, and runs in the editor up to size = 200 (larger pictures take tens of seconds).",
        },
        run_params: &[],
    }),
    source: Some(crate::demo_source!("pool_map.rs")),
    exercise: Some(Exercise {
        title: "A picture in eight bands",
        query: "workers=2&chunks=8&size=400&predict=fastest&choices=sequential,threads,processes",
        question: Some("Pool.map computes a 400-pixel picture in 8 bands with 2 workers. Which finishes first: one loop, a thread pool, or a process pool?"),
    }),
    run: |params, ctx| Box::pin(run(params, ctx)),
};

/// What to look for, shown above the demo's controls (`lesson` in `playground.demos()`).
pub const LESSON: &str = "Pool.map cuts the work into chunks, hands them to a pool of workers, and puts the results \
    back in order. Here the chunks are bands of a picture, computed by a thread pool (shared \
    memory) and by a process pool (each band copied back as text). Both pictures equal the \
    sequential one, bit for bit. Watch which worker took which chunk, and try more chunks than \
    workers: the bands in the middle cost more, and small chunks balance the load.";

/// The Python a learner would write for CPython: its parameters are the constants at its
/// top (`TASKS = 3` is `tasks`, with its default), which the page sets to the current values.
/// The largest picture whose Python runs in the editor in seconds: it computes the
/// picture three times (sequentially, on a thread pool, on a process pool).
pub const PYTHON_MAX_SIZE: u64 = 200;

const PYTHON: &str = r#"from concurrent.futures import ThreadPoolExecutor
from multiprocessing import Pool

WORKERS = 2
CHUNKS = 8
SIZE = 400          # pixels a side
MAX_ITER = 200


def escape_time(col, row):        # steps until the point escapes, as the demo counts them
    cr = -2.1 + 2.7 * (col + 0.5) / SIZE
    ci = -1.3 + 2.6 * (row + 0.5) / SIZE
    zr = zi = 0.0
    n = 0
    while n < MAX_ITER and zr * zr + zi * zi <= 4.0:
        zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
        n += 1
    return min(n, 255)


def rows(band):                   # the pixels of rows lo..hi, row after row
    lo, hi = band
    return [escape_time(x, y) for y in range(lo, hi) for x in range(SIZE)]


def verdict(picture, expected):
    return "equals" if picture == expected else "DIFFERS from"


if __name__ == "__main__":
    bands = [(SIZE * c // CHUNKS, SIZE * (c + 1) // CHUNKS) for c in range(CHUNKS)]
    expected = rows((0, SIZE))                                            # sequential
    with ThreadPoolExecutor(WORKERS) as pool:                             # threads
        picture = [px for band in pool.map(rows, bands) for px in band]   # in order
    print("threads: picture", verdict(picture, expected), "the sequential one")
    with Pool(WORKERS) as pool:                                           # processes
        picture = [px for band in pool.map(rows, bands) for px in band]   # in order
    print("processes: picture", verdict(picture, expected), "the sequential one")
    print(f"{SIZE}x{SIZE} pixels in {CHUNKS} chunks: {sum(expected)} escape steps in all")"#;

crate::demo_params! {
    pub struct Values {
        workers: usize = int(1, 8, 2, "workers", "How many workers each pool has."),
        chunks: u32 = int(1, 256, 8, "chunks", "How many bands of rows the picture is cut into (more chunks than rows leaves some empty)."),
        size: u32 = int(16, 800, 400, "pixels", "The picture's width and height."),
    }
}

/// The times a run reports (`<name>_ms`): what an exercise can ask about.
pub const TIMINGS: &[Timing] = &[Timing::always("sequential"), Timing::with_threads("threads"), Timing::always("processes")];

/// Chunk `c` of `chunks`: its band of rows (possibly empty when chunks > rows).
pub fn chunk(size: u32, chunks: u32, c: u32) -> MandelbrotIn {
    let row = |k: u32| (u64::from(size) * u64::from(k) / u64::from(chunks)) as u32;
    MandelbrotIn { size, row_from: row(c), row_to: row(c + 1) }
}

/// The whole picture computed in one go: what every pool must reproduce.
pub fn sequential_picture(size: u32) -> Vec<u8> {
    mandelbrot(&MandelbrotIn { size, row_from: 0, row_to: size })
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for group in bytes.chunks(3) {
        let b = [group[0], *group.get(1).unwrap_or(&0), *group.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= group.len() {
                out.push(ALPHABET[((n >> shift) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Which lane computed each chunk, found in the trace: for drawing who did what.
fn owners(rec_spans: &[crate::trace::Span], lanes: &[LaneId], chunks: usize) -> Vec<Option<usize>> {
    let mut owner = vec![None; chunks];
    for s in rec_spans {
        if s.kind == SpanKind::Cpu {
            if let (Some(task), Some(worker)) = (s.task, lanes.iter().position(|l| *l == s.lane)) {
                if task < chunks {
                    owner[task] = Some(worker);
                }
            }
        }
    }
    owner
}

pub async fn run(params: &Params, ctx: &RunContext) -> Result<RunResult, RunError> {
    // rust-panel: begin
    let Values { workers, chunks, size } = Values::read(params);
    let jobs: Vec<MandelbrotIn> = (0..chunks).map(|c| chunk(size, chunks, c)).collect();
    // rust-panel: end
    let label = |c: &MandelbrotIn| format!("rows {}..{}", c.row_from, c.row_to);

    let rec = Recorder::start();
    let seq_lane = rec.lane("sequential", LaneKind::Main);
    let thread_lanes: Vec<_> = if ctx.has_threads {
        (0..workers).map(|i| rec.lane(format!("thread {}", i + 1), LaneKind::Thread)).collect()
    } else {
        Vec::new()
    };
    let proc_lanes: Vec<_> = (0..workers).map(|i| rec.lane(format!("process {}", i + 1), LaneKind::Process)).collect();
    let mut phases = Phases::default();

    // The baseline, chunk after chunk, yielding between chunks so `cancel` gets in.
    let start = rec.now();
    let mut expected = Vec::with_capacity((size * size) as usize);
    for (c, job) in jobs.iter().enumerate() {
        let from = rec.now();
        expected.extend(mandelbrot(job));
        rec.span(seq_lane, SpanKind::Cpu, Some(c), label(job), from, rec.now());
        yield_now().await;
        ctx.cancel.check()?;
    }
    phases.push(Phase::new("sequential", start, rec.now(), &[rec.now()]));
    let mut all_match = true;

    if ctx.has_threads {
        // rust-panel: begin
        // Shared memory: every thread writes its rows into the one picture, holding its
        // lock only for the copy (computing the rows needs no lock).
        let picture = Arc::new(Mutex::new(vec![0u8; (size * size) as usize]));
        let (trec, tjobs, tlanes, tpic, cancel) = (rec.clone(), jobs.clone(), thread_lanes.clone(), Arc::clone(&picture), ctx.cancel.clone());
        let start = rec.now();
        let done = run_queue(workers, jobs.len(), move |worker, c| {
            cancel.check()?;
            let job = &tjobs[c];
            let from = trec.now();
            let rows = mandelbrot(job);
            let at = (job.row_from * job.size) as usize;
            tpic.lock().unwrap_or_else(|p| p.into_inner())[at..at + rows.len()].copy_from_slice(&rows);
            let to = trec.now();
            trec.span(tlanes[worker], SpanKind::Cpu, Some(c), format!("rows {}..{}", job.row_from, job.row_to), from, to);
            Ok::<f64, crate::platform::cancel::Cancelled>(to)
        })
        .await
        .map_err(RunError::Failed)?
        .into_iter()
        .collect::<Result<Vec<f64>, _>>()?;
        phases.push(Phase::new("threads", start, rec.now(), &done));
        let same = *picture.lock().unwrap_or_else(|p| p.into_inner()) == expected;
        // rust-panel: end
        rec.log(thread_lanes[0], format!("threads: picture {} the sequential one", if same { "equals" } else { "DIFFERS from" }));
        all_match &= same;
    } else {
        log_skipped(&rec, seq_lane, "the thread pool");
    }

    // rust-panel: begin
    // Message passing: each chunk is sent as text, its rows come back as text.
    let start = rec.now();
    let proc_jobs: Vec<Job> = jobs
        .iter()
        .map(|c| Job { task: "mandelbrot", input: serde_json::to_string(c).unwrap_or_default(), label: label(c), kind: SpanKind::Cpu })
        .collect();
    let work = async {
        let pool = start_pool(&rec, &proc_lanes).await?;
        map_on_pool(&rec, &pool, &proc_lanes, &proc_jobs).await
    };
    let outputs = unless_cancelled(&ctx.cancel, work).await?.map_err(RunError::Failed)?;
    let mut picture = Vec::with_capacity(expected.len());
    for out in &outputs {
        let rows: Vec<u8> = serde_json::from_str(out).map_err(|e| RunError::Failed(e.to_string()))?;
        picture.extend(rows);
    }
    phases.push(Phase::new("processes", start, rec.now(), &[rec.now()]));
    let same = picture == expected;
    // rust-panel: end
    rec.log(proc_lanes[0], format!("processes: picture {} the sequential one", if same { "equals" } else { "DIFFERS from" }));
    all_match &= same;

    let mut stats = Map::new();
    stats.insert("matches_sequential".into(), json!(all_match));
    phases.add_stats(&mut stats, &[("threads", "sequential"), ("processes", "sequential")]);
    let copied: usize = outputs.iter().map(|o| o.len()).sum::<usize>() + proc_jobs.iter().map(|j| j.input.len()).sum::<usize>();
    stats.insert("bytes_copied_to_processes".into(), json!(copied));
    stats.insert("overhead_ms".into(), json_ms(rec.total(SpanKind::Overhead)));

    let result = rec.finish(DEMO.id, params.to_json(), ctx.build, Value::Null, stats);
    let chunk_rows: Vec<Value> = jobs.iter().map(|c| json!([c.row_from, c.row_to])).collect();
    let by_threads = owners(&result.spans, &thread_lanes, jobs.len());
    let by_processes = owners(&result.spans, &proc_lanes, jobs.len());
    let mut result = result;
    result.value = json!({
        "picture": {
            "size": size,
            "max_iter": crate::workloads::tasks::MANDELBROT_MAX_ITER,
            "pixels_base64": base64(&expected),
            "chunks": chunk_rows,
            "owners": { "threads": by_threads, "processes": by_processes },
        },
        "phases": phases.to_json(),
    });
    Ok(result)
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_matches_the_standard_alphabet() {
        assert_eq!(super::base64(b"Man"), "TWFu");
        assert_eq!(super::base64(b"Ma"), "TWE=");
        assert_eq!(super::base64(b"M"), "TQ==");
        assert_eq!(super::base64(b""), "");
    }
}
