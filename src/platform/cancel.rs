//! Cooperative cancellation shared by the engine thread and every worker thread of a run.
//!
//! Blocking sleeps wait on a condition variable rather than `thread::sleep`, so `cancel()`
//! wakes a sleeping thread at once instead of after its whole delay.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use crate::platform::clock;

/// The run was cancelled; the run's promise rejects with an `AbortError`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancelled;

#[derive(Clone, Default)]
pub struct CancelToken(Arc<Inner>);

#[derive(Default)]
struct Inner {
    cancelled: AtomicBool,
    wakers: Mutex<Vec<Waker>>,
    wake_sleepers: Condvar,
}

impl Inner {
    fn wakers(&self) -> MutexGuard<'_, Vec<Waker>> {
        // A poisoned lock only means another thread panicked mid-push; the list is still usable.
        self.wakers.lock().unwrap_or_else(|poison| poison.into_inner())
    }
}

impl CancelToken {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn cancel(&self) {
        self.0.cancelled.store(true, Ordering::SeqCst);
        let wakers = std::mem::take(&mut *self.0.wakers());
        self.0.wake_sleepers.notify_all();
        for waker in wakers {
            waker.wake();
        }
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.cancelled.load(Ordering::SeqCst)
    }

    pub fn check(&self) -> Result<(), Cancelled> {
        if self.is_cancelled() {
            Err(Cancelled)
        } else {
            Ok(())
        }
    }

    /// Blocks the calling thread for `ms` milliseconds, or less if the run is cancelled.
    pub fn sleep_blocking(&self, ms: f64) -> Result<(), Cancelled> {
        let deadline = clock::now_ms() + ms;
        let mut guard = self.0.wakers();
        loop {
            self.check()?;
            let left = deadline - clock::now_ms();
            if left <= 0.0 {
                return Ok(());
            }
            let timeout = Duration::from_secs_f64(left / 1000.0);
            guard = self
                .0
                .wake_sleepers
                .wait_timeout(guard, timeout)
                .unwrap_or_else(|poison| poison.into_inner())
                .0;
        }
    }

    /// Whether both handles belong to the same run.
    pub fn same_as(&self, other: &CancelToken) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    /// A future that completes when the run is cancelled.
    pub fn cancelled(&self) -> WhenCancelled {
        WhenCancelled(self.clone())
    }
}

pub struct WhenCancelled(CancelToken);

impl Future for WhenCancelled {
    type Output = Cancelled;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Cancelled> {
        let inner = &self.0 .0;
        // Register before checking the flag, so a cancel between the two is not missed.
        {
            let mut wakers = inner.wakers();
            if !wakers.iter().any(|w| w.will_wake(cx.waker())) {
                wakers.push(cx.waker().clone());
            }
        }
        if inner.cancelled.load(Ordering::SeqCst) {
            Poll::Ready(Cancelled)
        } else {
            Poll::Pending
        }
    }
}

/// Runs `fut` unless the run is cancelled first; dropping it abandons its timers.
pub async fn unless_cancelled<F: Future>(
    cancel: &CancelToken,
    fut: F,
) -> Result<F::Output, Cancelled> {
    use futures::future::{select, Either};
    let fut = std::pin::pin!(fut);
    let stop = std::pin::pin!(cancel.cancelled());
    match select(fut, stop).await {
        Either::Left((out, _)) => Ok(out),
        Either::Right((cancelled, _)) => Err(cancelled),
    }
}
