//! Real HTTP requests: `fetch()` awaited on the event loop, or a blocking synchronous
//! XMLHttpRequest on a worker thread (what `requests.get` is to a Python thread).
//!
//! Simulated pages live at `/sim/page/<n>?latency_ms=<ms>` (served by the dev server and
//! the service worker, see www/sim.js): they answer after the given delay with a body
//! of `sim_page_bytes(n)` bytes.

/// What came back for one URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    pub status: u16,
    pub bytes: usize,
}

pub type Outcome = Result<Fetched, String>;

/// The longest a single request may take before it counts as failed. With at most 20
/// real URLs fetched twice (baseline + chosen mode), a run stays under 7 minutes.
pub const TIMEOUT_MS: f64 = 10_000.0;

/// The largest body counted; a bigger answer is reported as a failure (a classroom's
/// thirty laptops should not each download a video).
pub const MAX_BODY_BYTES: usize = 5 * 1024 * 1024;

// Only the browser imports read bodies; natively the simulated pages are small by design.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn too_big(bytes: usize) -> String {
    format!("the answer is {bytes} bytes, more than the {} MB allowed", MAX_BODY_BYTES / (1024 * 1024))
}

/// The simulated page `n`'s URL (same-origin, so it works offline and on static hosts).
pub fn sim_page_url(n: usize, latency_ms: f64) -> String {
    format!("/sim/page/{n}?latency_ms={}", latency_ms.round() as i64)
}

/// Body size of simulated page `n`: mirrors `simPageBody` in www/sim.js.
pub fn sim_page_bytes(n: usize) -> usize {
    1000 + (n * 37) % 1000
}

pub async fn fetch_async(url: &str) -> Outcome {
    imp::fetch_async(url).await
}

pub fn fetch_blocking(url: &str) -> Outcome {
    imp::fetch_blocking(url)
}

/// A page as text: what `requests.get` gives a Python program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub status: u16,
    /// Where it came from, after redirects.
    pub url: String,
    pub body: String,
}

/// A blocking GET that keeps the body (as text): for a thread that may block.
pub fn get_text_blocking(url: &str) -> Result<Page, String> {
    imp::get_text_blocking(url)
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::{Fetched, Outcome, TIMEOUT_MS};
    use crate::platform::timer::sleep;
    use futures::future::{select, Either};
    use js_sys::{ArrayBuffer, Uint8Array};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    fn describe(e: JsValue) -> String {
        let text = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| format!("{}: {}", String::from(e.name()), String::from(e.message())))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "unknown error".into());
        // fetch() says only "Failed to fetch" for both network errors and CORS refusals.
        if text.contains("Failed to fetch") || text.contains("NetworkError") {
            format!("{text} (network error, or the server does not allow this page to read it: CORS)")
        } else {
            text
        }
    }

    async fn fetch_inner(url: &str) -> Outcome {
        let scope: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
        let response: web_sys::Response = JsFuture::from(scope.fetch_with_str(url))
            .await
            .map_err(describe)?
            .unchecked_into();
        let status = response.status();
        // Refuse before downloading when the server says how big it is.
        let declared = response
            .headers()
            .get("content-length")
            .ok()
            .flatten()
            .and_then(|v| v.parse::<usize>().ok());
        if let Some(bytes) = declared.filter(|b| *b > super::MAX_BODY_BYTES) {
            return Err(super::too_big(bytes));
        }
        let body = JsFuture::from(response.array_buffer().map_err(describe)?)
            .await
            .map_err(describe)?;
        let bytes = body.unchecked_into::<ArrayBuffer>().byte_length() as usize;
        if bytes > super::MAX_BODY_BYTES {
            return Err(super::too_big(bytes));
        }
        Ok(Fetched { status, bytes })
    }

    pub async fn fetch_async(url: &str) -> Outcome {
        let request = std::pin::pin!(fetch_inner(url));
        let timeout = std::pin::pin!(sleep(TIMEOUT_MS));
        match select(request, timeout).await {
            Either::Left((outcome, _)) => outcome,
            Either::Right(_) => Err(format!("no answer within {} s", TIMEOUT_MS / 1000.0)),
        }
    }

    pub fn fetch_blocking(url: &str) -> Outcome {
        let xhr = web_sys::XmlHttpRequest::new().map_err(describe)?;
        xhr.open_with_async("GET", url, false).map_err(describe)?;
        // Allowed for synchronous requests in workers (not on a page's main thread).
        xhr.set_timeout(TIMEOUT_MS as u32);
        xhr.set_response_type(web_sys::XmlHttpRequestResponseType::Arraybuffer);
        xhr.send().map_err(describe)?;
        let status = xhr.status().map_err(describe)?;
        let body = xhr.response().map_err(describe)?;
        let bytes = Uint8Array::new(&body).length() as usize;
        if bytes > super::MAX_BODY_BYTES {
            return Err(super::too_big(bytes));
        }
        Ok(Fetched { status, bytes })
    }

    pub fn get_text_blocking(url: &str) -> Result<super::Page, String> {
        let xhr = web_sys::XmlHttpRequest::new().map_err(describe)?;
        xhr.open_with_async("GET", url, false).map_err(describe)?;
        xhr.set_timeout(TIMEOUT_MS as u32);
        xhr.send().map_err(describe)?;
        let status = xhr.status().map_err(describe)?;
        if status == 0 {
            // A synchronous request that failed says only this much.
            return Err("network error, or the server does not allow this page to read it (CORS)".into());
        }
        let body = xhr.response_text().map_err(describe)?.unwrap_or_default();
        if body.len() > super::MAX_BODY_BYTES {
            return Err(super::too_big(body.len()));
        }
        Ok(super::Page { status, url: xhr.response_url(), body })
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    //! Native tests have no web server: simulated pages are answered here, the same way.
    use super::{sim_page_bytes, Fetched, Outcome};

    fn simulated(url: &str) -> Option<(usize, f64)> {
        let rest = url.strip_prefix("/sim/page/")?;
        let (n, query) = rest.split_once('?').unwrap_or((rest, ""));
        let latency = query
            .split('&')
            .find_map(|kv| kv.strip_prefix("latency_ms="))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0);
        Some((n.parse().ok()?, latency))
    }

    pub async fn fetch_async(url: &str) -> Outcome {
        let (n, latency) = simulated(url).ok_or_else(|| "no network in native tests".to_string())?;
        crate::platform::timer::sleep(latency).await;
        Ok(Fetched { status: 200, bytes: sim_page_bytes(n) })
    }

    pub fn fetch_blocking(url: &str) -> Outcome {
        let (n, latency) = simulated(url).ok_or_else(|| "no network in native tests".to_string())?;
        std::thread::sleep(std::time::Duration::from_secs_f64(latency / 1000.0));
        Ok(Fetched { status: 200, bytes: sim_page_bytes(n) })
    }

    pub fn get_text_blocking(url: &str) -> Result<super::Page, String> {
        let (n, latency) = simulated(url).ok_or_else(|| "no network in native tests".to_string())?;
        std::thread::sleep(std::time::Duration::from_secs_f64(latency / 1000.0));
        Ok(super::Page { status: 200, url: url.to_string(), body: sim_page_body(n) })
    }

    /// Simulated page `n`'s body: mirrors `simPageBody` in www/sim.js.
    fn sim_page_body(n: usize) -> String {
        let bytes = sim_page_bytes(n);
        let mut body = format!("<!doctype html><title>page {n}</title><p>Simulated page {n}.</p><!--");
        body.push_str(&".".repeat(bytes));
        body.truncate(bytes - 3);
        body.push_str("-->");
        body
    }
}
