//! One thread, many tasks: Rust futures driven by the JS event loop (asyncio's model).
//! `sleep` is a `setTimeout` promise; `gather` is `join_all`. Nothing here may block:
//! CPU work inside a task holds up every other task, and the trace shows it.

use std::future::Future;

pub use futures::future::join_all as gather;

/// Waits `ms` milliseconds without blocking the thread (asyncio.sleep).
pub async fn sleep(ms: f64) {
    imp::sleep(ms).await
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use js_sys::Promise;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

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
