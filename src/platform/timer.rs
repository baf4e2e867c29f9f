//! Timers: waiting without blocking (a `setTimeout` promise in the browser, a timer
//! thread natively) and yielding to the other tasks and to the worker's messages.

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
        let now = crate::platform::clock::now_ms();
        let due = LAST_MACROTASK_YIELD.with(|last| now - last.get() >= super::MACROTASK_YIELD_EVERY_MS);
        if due {
            if MESSAGES_SLOW.with(Cell::get) {
                sleep(0.0).await;
            } else {
                message_yield().await;
                if crate::platform::clock::now_ms() - now > super::SLOW_MESSAGE_YIELD_MS {
                    MESSAGES_SLOW.with(|slow| slow.set(true));
                }
            }
            LAST_MACROTASK_YIELD.with(|last| last.set(crate::platform::clock::now_ms()));
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
