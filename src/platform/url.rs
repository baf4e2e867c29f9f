//! Where a URL points: relative URLs (the simulated pages, the process worker's script)
//! are resolved against the engine's own address.

/// `url` made absolute against the engine's own address. Must be called on the engine
/// thread: pool threads run in blob-URL workers, against which `/sim/...` means nothing.
#[cfg(target_arch = "wasm32")]
pub fn absolute(url: &str) -> String {
    use wasm_bindgen::JsCast;
    let scope: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
    web_sys::Url::new_with_base(url, &scope.location().href())
        .map(|u| u.href())
        .unwrap_or_else(|_| url.to_string())
}

/// Natively there is no address: URLs stay as they are (the simulated pages are answered
/// in-process by the native fetch).
#[cfg(not(target_arch = "wasm32"))]
pub fn absolute(url: &str) -> String {
    url.to_string()
}

/// `url` made absolute against `base` (an address `absolute` gave on the engine thread): for
/// pool threads, whose own address is a blob URL.
#[cfg(target_arch = "wasm32")]
pub fn resolve(url: &str, base: &str) -> String {
    web_sys::Url::new_with_base(url, base).map(|u| u.href()).unwrap_or_else(|_| url.to_string())
}

#[cfg(not(target_arch = "wasm32"))]
pub fn resolve(url: &str, _base: &str) -> String {
    url.to_string()
}
