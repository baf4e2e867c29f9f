//! One clock for every worker, in milliseconds since the Unix epoch.
//!
//! Each Worker has its own `performance.timeOrigin`, so `timeOrigin + now()` is the
//! shared time line that lets spans recorded on different wasm threads be compared.
//! `std::time::Instant::now()` traps on wasm32-unknown-unknown, hence the import.

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = performance, js_name = now)]
        fn performance_now() -> f64;

        #[wasm_bindgen(thread_local_v2, js_namespace = performance, js_name = timeOrigin)]
        static TIME_ORIGIN: f64;
    }

    pub fn now_ms() -> f64 {
        TIME_ORIGIN.with(|origin| *origin) + performance_now()
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use std::sync::OnceLock;
    use std::time::{Instant, SystemTime, UNIX_EPOCH};

    // SystemTime can step backwards; anchor it once and advance with a monotonic Instant.
    static ANCHOR: OnceLock<(Instant, f64)> = OnceLock::new();

    pub fn now_ms() -> f64 {
        let (instant, epoch_ms) = ANCHOR.get_or_init(|| {
            let epoch = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
            (Instant::now(), epoch.as_secs_f64() * 1000.0)
        });
        epoch_ms + instant.elapsed().as_secs_f64() * 1000.0
    }
}

pub use imp::now_ms;
