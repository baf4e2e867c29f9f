//! `make bench`'s native baseline: the benchmark kernel compiled for this machine,
//! on one thread and on every core (rayon). Prints JSON: milliseconds, best of 5.
use concurrency_playground::workloads::tasks::sum_squares_blocked;
use rayon::prelude::*;

fn best_of<F: FnMut()>(mut f: F) -> f64 {
    (0..5)
        .map(|_| {
            let t = std::time::Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let n: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(200_000_000);
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
    let one = best_of(|| {
        std::hint::black_box(sum_squares_blocked(0, n));
    });
    let pool = rayon::ThreadPoolBuilder::new().num_threads(cores).build().unwrap();
    let all = best_of(|| {
        let parts = cores as u64;
        let sum: f64 = pool.install(|| (0..parts).into_par_iter().map(|i| sum_squares_blocked(n * i / parts, n * (i + 1) / parts)).sum());
        std::hint::black_box(sum);
    });
    println!("{{\"n\": {n}, \"cores\": {cores}, \"native_1_thread_ms\": {one:.3}, \"native_all_cores_ms\": {all:.3}}}");
}
