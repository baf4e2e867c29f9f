//! One thread, many tasks: Rust futures driven by the JS event loop (asyncio's model).
//! `sleep` is a `setTimeout` promise; `gather` is `join_all`. Nothing here may block:
//! CPU work inside a task holds up every other task, and the trace shows it.

pub use futures::future::join_all as gather;

// The event loop's two awaitables are the platform's timers: asyncio.sleep and
// `await asyncio.sleep(0)`.
pub use crate::platform::timer::{sleep, yield_now};

/// How long one task computes before it yields, when the event loop runs CPU work.
pub struct Interleave {
    pub slice_ms: f64,
}

/// Runs every task's work on this one thread, `slice_ms` at a time, yielding between
/// slices: concurrency without parallelism. Each slice is a `cpu` span on `lane`.
/// Returns each task's checksum and the time it finished.
pub async fn interleave_cpu(
    rec: &crate::trace::Recorder,
    lane: crate::trace::LaneId,
    works: &[crate::workloads::cpu::Work],
    how: Interleave,
    cancel: &crate::platform::cancel::CancelToken,
) -> Result<Vec<(u64, f64)>, crate::platform::cancel::Cancelled> {
    use crate::trace::SpanKind;
    let slice = crate::workloads::cpu::iterations_for(how.slice_ms).max(1);
    let task = |i: usize| {
        let rec = rec.clone();
        let work = works[i];
        async move {
            let mut progress = work.start();
            loop {
                cancel.check()?;
                let from = rec.now();
                progress.step(slice);
                rec.span(lane, SpanKind::Cpu, Some(i), format!("task {}", i + 1), from, rec.now());
                if progress.is_done() {
                    // Done at its last slice's end, as a coroutine that returns without
                    // another await: a task that never yields finishes before the next starts.
                    return Ok((progress.checksum(), rec.now()));
                }
                yield_now().await;
            }
        }
    };
    gather((0..works.len()).map(task)).await.into_iter().collect()
}

/// Runs the tasks one after another on this thread (the sequential baseline), yielding
/// every `slice_ms` only so that a `cancel` message can get in; the yields take
/// microseconds and do not show. One `cpu` span per task.
pub async fn sequential_cpu(
    rec: &crate::trace::Recorder,
    lane: crate::trace::LaneId,
    works: &[crate::workloads::cpu::Work],
    cancel: &crate::platform::cancel::CancelToken,
) -> Result<Vec<(u64, f64)>, crate::platform::cancel::Cancelled> {
    use crate::trace::SpanKind;
    let slice = crate::workloads::cpu::iterations_for(10.0).max(1);
    let mut out = Vec::with_capacity(works.len());
    for (i, work) in works.iter().enumerate() {
        let from = rec.now();
        let mut progress = work.start();
        while !progress.is_done() {
            cancel.check()?;
            progress.step(slice);
            yield_now().await;
        }
        let to = rec.now();
        rec.span(lane, SpanKind::Cpu, Some(i), format!("task {}", i + 1), from, to);
        out.push((progress.checksum(), to));
    }
    Ok(out)
}

/// Waits `ms` per task, one task after another: sequential I/O. One `io` span per task.
pub async fn sequential_io(
    rec: &crate::trace::Recorder,
    lane: crate::trace::LaneId,
    waits_ms: &[f64],
) -> Vec<f64> {
    let mut done = Vec::with_capacity(waits_ms.len());
    for (i, ms) in waits_ms.iter().enumerate() {
        let from = rec.now();
        sleep(*ms).await;
        let to = rec.now();
        rec.span(lane, crate::trace::SpanKind::Io, Some(i), format!("request {}", i + 1), from, to);
        done.push(to);
    }
    done
}

/// Starts every task's wait at once and gathers them: async I/O on one thread.
pub async fn gathered_io(
    rec: &crate::trace::Recorder,
    lane: crate::trace::LaneId,
    waits_ms: &[f64],
) -> Vec<f64> {
    let task = |i: usize| {
        let rec = rec.clone();
        let ms = waits_ms[i];
        async move {
            let from = rec.now();
            sleep(ms).await;
            let to = rec.now();
            rec.span(lane, crate::trace::SpanKind::Io, Some(i), format!("request {}", i + 1), from, to);
            to
        }
    };
    gather((0..waits_ms.len()).map(task)).await
}
