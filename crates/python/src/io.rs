//! I/O from Python programs: `requests.get` (lib/requests.py) over the host's blocking GET.
//! The request is made with the GIL released, as CPython's socket calls release it, so
//! other threads run meanwhile and requests from several threads overlap.

use crate::builtins::{arg, opt};
use crate::host::SpanKind;
use crate::value::*;
use crate::vm::{Vm, R};

/// `_pg.http_get(url)`: `(status, url, text)`; a failure is an OSError saying why.
pub fn pg_http_get(vm: &mut Vm, a: Args) -> R {
    let url = crate::ops::to_str(vm, &arg(vm, &a, 0, "http_get")?)?;
    let label = match opt(&a, 1) {
        Some(Value::Str(s)) => s.to_string(),
        _ => format!("GET {url}"),
    };
    let host = vm.host.clone();
    let start = vm.now();
    let got = vm.without_gil(|| host.http_get(&url));
    let end = vm.now();
    let lane = vm.threads[vm.cur].lane;
    vm.host.span(lane, SpanKind::Io, start - vm.start_ms, end - vm.start_ms, &label, None);
    match got {
        Ok(r) => Ok(Value::tuple(vec![Value::Int(r.status as i64), Value::str(&r.url), Value::str(&r.body)])),
        Err(why) => Err(vm.err("OSError", why)),
    }
}
