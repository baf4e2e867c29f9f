//! One thread, many tasks: Rust futures driven by the JS event loop (asyncio's model).
//! `sleep` is a `setTimeout` promise; `gather` is `join_all`. Nothing here may block:
//! CPU work inside a task holds up every other task, and the trace shows it.

use std::future::Future;

pub use futures::future::join_all as gather;

/// Waits `ms` milliseconds without blocking the thread (asyncio.sleep).
pub async fn sleep(ms: f64) {
    imp::sleep(ms).await
}

/// Lets every other ready task run before this one goes on (`await asyncio.sleep(0)`), and
/// the worker's messages (such as `cancel`) and timers at least every
/// `MACROTASK_YIELD_EVERY_MS`.
///
/// A yield to the worker's event loop by a message to ourselves takes about 15 µs in
/// Chromium but 3 to 16 ms in WebKitGTK on a busy machine, once 166 ms: its MessagePorts go
/// through another process. Yielding that way after every 1 to 10 ms slice left WebKit's
/// event loop idle 70-85% of an interleaved phase, and stretched the sequential baselines
/// (the only phases that yield as they compute), which inflated every speedup measured
/// against them (issue 15: a processes speedup of 7.6x on 2 cores). So: between those
/// yields a yield is a microtask (the other tasks of this loop still take turns), and a
/// thread whose message to itself once took over `SLOW_MESSAGE_YIELD_MS` yields to its
/// event loop with `setTimeout(0)` from then on (in-process everywhere; at most 4 ms when
/// nested).
pub async fn yield_now() {
    imp::yield_now().await
}

/// How often `yield_now` lets the worker's messages and timers in (a `cancel` waits at most
/// this long more; the cooperative stop has 400 ms).
pub const MACROTASK_YIELD_EVERY_MS: f64 = 50.0;

/// A message to ourselves slower than this makes `yield_now` use `setTimeout(0)` instead.
pub const SLOW_MESSAGE_YIELD_MS: f64 = 1.0;

#[cfg(target_arch = "wasm32")]
mod imp {
    use js_sys::Promise;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    use std::cell::Cell;

    thread_local! {
        /// When this thread last yielded to its event loop (a macrotask).
        static LAST_MACROTASK_YIELD: Cell<f64> = const { Cell::new(f64::NEG_INFINITY) };
        /// Whether a message to ourselves proved slow here (WebKit): then setTimeout(0).
        static MESSAGES_SLOW: Cell<bool> = const { Cell::new(false) };
    }

    pub async fn yield_now() {
        let now = crate::clock::now_ms();
        let due = LAST_MACROTASK_YIELD.with(|last| now - last.get() >= super::MACROTASK_YIELD_EVERY_MS);
        if due {
            if MESSAGES_SLOW.with(Cell::get) {
                sleep(0.0).await;
            } else {
                message_yield().await;
                if crate::clock::now_ms() - now > super::SLOW_MESSAGE_YIELD_MS {
                    MESSAGES_SLOW.with(|slow| slow.set(true));
                }
            }
            LAST_MACROTASK_YIELD.with(|last| last.set(crate::clock::now_ms()));
        } else {
            // A resolved promise: the other tasks woken meanwhile run first, nothing else.
            let _ = JsFuture::from(Promise::resolve(&JsValue::UNDEFINED)).await;
        }
    }

    // A message to ourselves is a macrotask, so queued messages get their turn; unlike
    // setTimeout(0) it is not clamped to 4 ms when nested.
    async fn message_yield() {
        let promise = Promise::new(&mut |resolve, _reject| match web_sys::MessageChannel::new() {
            Ok(channel) => {
                channel.port1().set_onmessage(Some(&resolve));
                if channel.port2().post_message(&JsValue::UNDEFINED).is_err() {
                    let _ = resolve.call0(&JsValue::NULL);
                }
            }
            Err(_) => {
                let _ = resolve.call0(&JsValue::NULL);
            }
        });
        let _ = JsFuture::from(promise).await;
    }

    pub async fn sleep(ms: f64) {
        let promise = Promise::new(&mut |resolve, _reject| {
            // The engine runs in a Worker; `setTimeout` lives on its global scope.
            let scope: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
            let _ = scope.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        });
        let _ = JsFuture::from(promise).await;
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use std::sync::{Arc, Mutex};
    use std::task::{Poll, Waker};

    pub async fn yield_now() {
        let mut yielded = false;
        std::future::poll_fn(|cx| {
            if yielded {
                Poll::Ready(())
            } else {
                yielded = true;
                cx.waker().wake_by_ref();
                Poll::Pending
            }
        })
        .await
    }

    /// Native stand-in for a timer promise, so demo logic can run under `cargo test`.
    pub async fn sleep(ms: f64) {
        let state: Arc<Mutex<(bool, Option<Waker>)>> = Arc::default();
        let timer = Arc::clone(&state);
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_secs_f64(ms.max(0.0) / 1000.0));
            let mut s = timer.lock().unwrap();
            s.0 = true;
            if let Some(w) = s.1.take() {
                w.wake();
            }
        });
        std::future::poll_fn(|cx| {
            let mut s = state.lock().unwrap();
            if s.0 {
                Poll::Ready(())
            } else {
                s.1 = Some(cx.waker().clone());
                Poll::Pending
            }
        })
        .await
    }
}

/// Runs `fut` unless the run is cancelled first; dropping it abandons its timers.
pub async fn unless_cancelled<F: Future>(
    cancel: &crate::cancel::CancelToken,
    fut: F,
) -> Result<F::Output, crate::cancel::Cancelled> {
    use futures::future::{select, Either};
    let fut = std::pin::pin!(fut);
    let stop = std::pin::pin!(cancel.cancelled());
    match select(fut, stop).await {
        Either::Left((out, _)) => Ok(out),
        Either::Right((cancelled, _)) => Err(cancelled),
    }
}

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
    cancel: &crate::cancel::CancelToken,
) -> Result<Vec<(u64, f64)>, crate::cancel::Cancelled> {
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
    cancel: &crate::cancel::CancelToken,
) -> Result<Vec<(u64, f64)>, crate::cancel::Cancelled> {
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
