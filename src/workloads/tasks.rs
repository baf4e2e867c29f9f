//! The work that crosses to another worker: a named task with a JSON input and a JSON
//! output. Processes receive it as text, as Python's multiprocessing pickles arguments;
//! threads call the same functions directly, sharing memory, so the two can be compared.

use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

/// A global of this instance's memory. Threads of one instance share it; every process
/// has its own copy, starting at zero: the proof that processes share no memory.
pub static COUNTER: AtomicU64 = AtomicU64::new(0);

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct SquareIn {
    pub from: u64,
    pub to: u64,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct SquareOut {
    /// Sum of the squares, as text: it may exceed what a JS number holds exactly.
    pub sum: String,
    /// COUNTER after this task added how many numbers it squared.
    pub counter: u64,
}

const SQUARE_BLOCK: u64 = 1 << 16;

/// Sum of the squares of `from..to`.
#[inline(never)]
fn square_block(from: u64, to: u64) -> u64 {
    // black_box: otherwise the compiler replaces the loop by the closed-form sum of
    // squares, and nothing is squared at all.
    (from..to).fold(0u64, |acc, i| {
        let x = std::hint::black_box(i);
        acc.wrapping_add(x.wrapping_mul(x))
    })
}

/// The benchmark kernel, the same in every language compared (Rust, JS, Python): the
/// sum of the squares of `from..to` in floating point.
#[inline(never)]
pub fn sum_squares_f64(from: u64, to: u64) -> f64 {
    let mut acc = 0.0f64;
    for i in from..to {
        let x = std::hint::black_box(i) as f64;
        acc += x * x;
    }
    acc
}

/// `sum_squares_f64` over `0..n` in blocks (each a call of its own, so the browser's
/// optimised code takes over early; see `square`).
pub fn sum_squares_blocked(from: u64, to: u64) -> f64 {
    let mut acc = 0.0;
    let mut at = from;
    while at < to {
        let end = to.min(at + SQUARE_BLOCK);
        acc += sum_squares_f64(at, end);
        at = end;
    }
    acc
}

/// Runs the kernels in short calls for about `ms` each, so this thread's engine has
/// optimised them before a sequential baseline is measured with them. (Each worker warms
/// up its own code: seen, a first baseline 2x slower than later ones, which made a
/// 2-core machine show a 3.35x speedup.)
pub fn warm_up(ms: f64) {
    let until = crate::platform::clock::now_ms() + ms;
    while crate::platform::clock::now_ms() < until {
        std::hint::black_box(square_block(0, 4096));
    }
    let until = crate::platform::clock::now_ms() + ms;
    let mut row = 0;
    while crate::platform::clock::now_ms() < until {
        std::hint::black_box(mandelbrot(&MandelbrotIn { size: 64, row_from: row % 64, row_to: row % 64 + 1 }));
        row += 1;
    }
}

/// Squares `from..to` and counts them in this instance's COUNTER.
pub fn square(input: &SquareIn) -> SquareOut {
    // In blocks: each block is a call of its own, so a fresh worker switches to optimised
    // code after the first few blocks instead of running its whole share unoptimised.
    let mut sum = 0u64;
    let mut from = input.from;
    while from < input.to {
        let to = input.to.min(from.saturating_add(SQUARE_BLOCK));
        sum = sum.wrapping_add(square_block(from, to));
        from = to;
    }
    let counted = input.to.saturating_sub(input.from);
    let counter = COUNTER.fetch_add(counted, Ordering::SeqCst) + counted;
    SquareOut { sum: sum.to_string(), counter }
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq)]
pub struct MandelbrotIn {
    pub size: u32,
    pub row_from: u32,
    pub row_to: u32,
}

pub const MANDELBROT_MAX_ITER: u32 = 200;

/// Rows `row_from..row_to` of a `size` x `size` Mandelbrot picture: each pixel is how many
/// steps it took to escape (capped at 255), row after row.
pub fn mandelbrot(input: &MandelbrotIn) -> Vec<u8> {
    let size = input.size.max(1) as f64;
    let mut out = Vec::with_capacity(((input.row_to - input.row_from) * input.size) as usize);
    for row in input.row_from..input.row_to {
        let ci = -1.3 + 2.6 * (row as f64 + 0.5) / size;
        for col in 0..input.size {
            let cr = -2.1 + 2.7 * (col as f64 + 0.5) / size;
            let (mut zr, mut zi, mut n) = (0.0f64, 0.0f64, 0);
            while n < MANDELBROT_MAX_ITER && zr * zr + zi * zi <= 4.0 {
                let t = zr * zr - zi * zi + cr;
                zi = 2.0 * zr * zi + ci;
                zr = t;
                n += 1;
            }
            out.push(n.min(255) as u8);
        }
    }
    out
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq)]
pub struct SleepIn {
    pub ms: f64,
    pub value: u64,
}

/// A task that waits (like a request) and then returns `value` squared.
pub fn sleep_result(input: &SleepIn) -> u64 {
    input.value * input.value
}

/// A task of the `choosing` demo: compute `iterations` of the CPU kernel, then wait
/// `wait_ms` as on I/O. Returns the checksum as text (it exceeds a JS number).
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq)]
pub struct WorkIn {
    pub seed: u64,
    pub iterations: u64,
    pub wait_ms: f64,
}

/// Runs the named task on JSON text, as a process does with what it was sent.
/// `sleep` is async: in a process it awaits a timer rather than blocking the worker.
pub async fn run_task(name: &str, input: &str) -> Result<String, String> {
    let bad = |e: serde_json::Error| format!("task {name}: bad input: {e}");
    match name {
        "square" => {
            let out = square(&serde_json::from_str(input).map_err(bad)?);
            serde_json::to_string(&out).map_err(|e| e.to_string())
        }
        "mandelbrot" => {
            let out = mandelbrot(&serde_json::from_str(input).map_err(bad)?);
            serde_json::to_string(&out).map_err(|e| e.to_string())
        }
        "sleep" => {
            let task: SleepIn = serde_json::from_str(input).map_err(bad)?;
            // As time.sleep(0) returns at once: a timer of 0 ms still costs a task hop
            // (50-150 us in a Worker), which would count as the pool's dispatch.
            if task.ms > 0.0 {
                crate::platform::timer::sleep(task.ms).await;
            }
            serde_json::to_string(&sleep_result(&task)).map_err(|e| e.to_string())
        }
        "work" => {
            let task: WorkIn = serde_json::from_str(input).map_err(bad)?;
            let work = crate::workloads::cpu::Work { seed: task.seed, iterations: task.iterations };
            let checksum = work.run_blocking(&crate::platform::cancel::CancelToken::new(), 5.0).unwrap_or_default();
            if task.wait_ms > 0.0 {
                crate::platform::timer::sleep(task.wait_ms).await;
            }
            serde_json::to_string(&checksum.to_string()).map_err(|e| e.to_string())
        }
        other => Err(format!("no task named {other:?}")),
    }
}
