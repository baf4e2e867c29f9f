//! Real threads sharing memory: the rayon pool (wasm-bindgen-rayon's Workers in the browser).
//!
//! The caller is the engine thread, which must stay free to receive `cancel`, so it
//! never blocks on the pool: each thread reports back through a channel it awaits.

use futures::channel::oneshot;
use futures::future::join_all;
use std::sync::Arc;

/// How many threads can run at the same time in this build; 0 where there are none.
pub fn pool_size() -> usize {
    if cfg!(any(feature = "threads", not(target_arch = "wasm32"))) {
        ensure_native_pool();
        rayon::current_num_threads()
    } else {
        0
    }
}

/// The smallest pool the thread demos need: each demo thread holds one pool thread for
/// its whole life (it sleeps, like an OS thread would), so `threads` of them must fit.
pub const MIN_POOL_THREADS: usize = 8;

fn ensure_native_pool() {
    #[cfg(not(target_arch = "wasm32"))]
    {
        static INIT: std::sync::Once = std::sync::Once::new();
        INIT.call_once(|| {
            let n = std::thread::available_parallelism().map_or(1, |n| n.get());
            // Fails only if something else built the global pool first; that pool is then used.
            let _ = rayon::ThreadPoolBuilder::new()
                .num_threads(n.max(MIN_POOL_THREADS))
                .build_global();
        });
    }
}

/// Starts `n` threads, each running `body(i)` at the same time, and waits for all of them
/// without blocking the calling thread. Results come back in thread order.
pub async fn spawn_all<T, F>(n: usize, body: F) -> Result<Vec<T>, String>
where
    T: Send + 'static,
    F: Fn(usize) -> T + Send + Sync + 'static,
{
    let available = pool_size();
    if n > available {
        // Running them anyway would serialise some and show a false picture.
        return Err(format!(
            "{n} threads were asked for, but this build's pool has {available}"
        ));
    }
    let body = Arc::new(body);
    let receivers: Vec<_> = (0..n)
        .map(|i| {
            let (done, receiver) = oneshot::channel();
            let body = Arc::clone(&body);
            rayon::spawn(move || {
                let _ = done.send(body(i));
            });
            receiver
        })
        .collect();
    join_all(receivers)
        .await
        .into_iter()
        .enumerate()
        .map(|(i, r)| r.map_err(|_| format!("thread {} stopped without a result", i + 1)))
        .collect()
}
