//! A CPU-bound kernel whose work is fixed by an iteration count, so every way of running
//! it (sequential, interleaved, parallel, sliced anyhow) computes the same checksum, and
//! a `work_ms` parameter maps to a count measured once on this machine.

use std::sync::OnceLock;

use crate::platform::cancel::{CancelToken, Cancelled};
use crate::platform::clock;

/// Iterations `from..to` of xorshift mixing, continuing from `state`: cheap, strictly
/// sequential, impossible to fold away. Slicing the range changes nothing.
///
/// Never inlined: browsers swap in optimised wasm only between calls (no on-stack
/// replacement), so each slice must be a call of its own. Inlined into a worker's task
/// loop, the whole first parallel phase ran on baseline code, twice as slow.
#[inline(never)]
pub fn crunch(mut state: u64, from: u64, to: u64) -> u64 {
    for i in from..to {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state = state.wrapping_add(i);
    }
    state
}

static RATE: OnceLock<f64> = OnceLock::new();

/// Takes `rate` (iterations per ms) as this machine's, measured by an earlier start on
/// the same device, instead of measuring: false, and nothing taken, if it is not a
/// plausible rate or a rate is already set.
pub fn set_iterations_per_ms(rate: f64) -> bool {
    rate.is_finite() && rate >= 1.0 && RATE.set(rate).is_ok()
}

/// How many iterations of `crunch` this machine does in a millisecond (measured once).
///
/// Browsers first run wasm from a quick baseline compile and switch a function to
/// optimised code only between calls (V8 has no on-stack replacement for wasm), so the
/// first calls can be several times slower. Measure short calls until two agree, and
/// keep the fastest: the rate every later call runs at.
pub fn iterations_per_ms() -> f64 {
    *RATE.get_or_init(|| {
        let mut batch: u64 = 20_000;
        let mut best: f64 = 0.0;
        let began = clock::now_ms();
        for _ in 0..200 {
            let start = clock::now_ms();
            std::hint::black_box(crunch(std::hint::black_box(1), 0, batch));
            let took = clock::now_ms() - start;
            if took < 2.0 {
                batch *= 2; // too short to time against a 0.1 ms clock
                continue;
            }
            let rate = batch as f64 / took;
            let settled = best > 0.0 && (rate - best).abs() / best < 0.03;
            best = best.max(rate);
            if settled || clock::now_ms() - began > 120.0 {
                break;
            }
        }
        best.max(1.0)
    })
}

/// The iteration count that takes about `ms` on this machine.
pub fn iterations_for(ms: f64) -> u64 {
    (ms * iterations_per_ms()).round() as u64
}

/// A task's fixed amount of work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Work {
    pub seed: u64,
    pub iterations: u64,
}

impl Work {
    /// Task `task`'s work, sized to take about `ms` here.
    pub fn new(task: usize, ms: f64) -> Self {
        Work {
            seed: (task as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1,
            iterations: iterations_for(ms),
        }
    }

    /// The answer computed in one go: what every way of running must reproduce.
    pub fn expected(&self) -> u64 {
        crunch(self.seed, 0, self.iterations)
    }

    pub fn start(&self) -> Progress {
        Progress {
            iterations: self.iterations,
            state: self.seed,
            done: 0,
        }
    }

    /// Runs the whole task on this thread, checking for cancel between slices of `slice_ms`.
    pub fn run_blocking(&self, cancel: &CancelToken, slice_ms: f64) -> Result<u64, Cancelled> {
        let slice = iterations_for(slice_ms).max(1);
        let mut p = self.start();
        while !p.is_done() {
            cancel.check()?;
            p.step(slice);
        }
        Ok(p.checksum())
    }
}

/// A task part-way through its work.
pub struct Progress {
    iterations: u64,
    state: u64,
    done: u64,
}

impl Progress {
    pub fn is_done(&self) -> bool {
        self.done >= self.iterations
    }

    /// Does up to `max` more iterations.
    pub fn step(&mut self, max: u64) {
        let to = self.done.saturating_add(max).min(self.iterations);
        self.state = crunch(self.state, self.done, to);
        self.done = to;
    }

    pub fn checksum(&self) -> u64 {
        self.state
    }
}
