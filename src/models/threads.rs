//! Real threads sharing memory: the rayon pool (wasm-bindgen-rayon's Workers in the browser).
//!
//! The caller is the engine thread, which must stay free to receive `cancel`, so it
//! never blocks on the pool: each thread reports back through a channel it awaits.

use futures::channel::oneshot;
use futures::future::join_all;
use std::sync::atomic::{AtomicUsize, Ordering};
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

/// A thread pool: `workers` threads take tasks `0..tasks` from one shared queue until it
/// is empty. `body(worker, task)` runs each task; results come back in task order.
pub async fn run_queue<T, F>(workers: usize, tasks: usize, body: F) -> Result<Vec<T>, String>
where
    T: Send + 'static,
    F: Fn(usize, usize) -> T + Send + Sync + 'static,
{
    let next = Arc::new(AtomicUsize::new(0));
    let per_worker = spawn_all(workers, move |worker| {
        let mut done = Vec::new();
        loop {
            let task = next.fetch_add(1, Ordering::SeqCst);
            if task >= tasks {
                return done;
            }
            done.push((task, body(worker, task)));
        }
    })
    .await?;
    let mut slots: Vec<Option<T>> = (0..tasks).map(|_| None).collect();
    for (task, value) in per_worker.into_iter().flatten() {
        slots[task] = Some(value);
    }
    slots
        .into_iter()
        .enumerate()
        .map(|(i, slot)| slot.ok_or_else(|| format!("task {} was never run", i + 1)))
        .collect()
}

/// Runs CPU tasks on a pool of `lanes.len()` threads; one `cpu` span per task on the
/// lane of the thread that ran it. Returns each task's checksum and finish time.
pub async fn pool_cpu(
    rec: &crate::trace::Recorder,
    lanes: &[crate::trace::LaneId],
    works: &[crate::workloads::cpu::Work],
    cancel: &crate::platform::cancel::CancelToken,
) -> Result<Vec<Result<(u64, f64), crate::platform::cancel::Cancelled>>, String> {
    let (rec, lanes, works, cancel) = (rec.clone(), lanes.to_vec(), works.to_vec(), cancel.clone());
    run_queue(lanes.len(), works.len(), move |worker, task| {
        let from = rec.now();
        let checksum = works[task].run_blocking(&cancel, 5.0)?;
        let to = rec.now();
        rec.span(lanes[worker], crate::trace::SpanKind::Cpu, Some(task), format!("task {}", task + 1), from, to);
        Ok((checksum, to))
    })
    .await
}
