//! `bytes` (immutable byte strings, `Value::Bytes`), `str.encode` and `bytes.decode` with the
//! codecs small programs use (UTF-8, ASCII, Latin-1), and the Unicode errors they raise,
//! worded as CPython's. The operators (`+`, `*`, `in`, comparison, indexing, slicing,
//! iteration, hashing, repr) are in `ops.rs` beside those of `str` and `tuple`.

use std::sync::Arc;

use crate::builtins::{arg, builtin, int_arg, opt};
use crate::ops;
use crate::value::*;
use crate::vm::{Ctl, Types, Vm, R};

/// `repr(b)`: `b'...'`, in double quotes only when the bytes hold a `'` and no `"`, with
/// `\t`, `\n`, `\r`, `\\` and `\xhh` for anything outside printable ASCII, as CPython's.
pub fn repr(b: &[u8]) -> String {
    let q = if b.contains(&b'\'') && !b.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(q as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(q as char);
    out
}

fn ret(b: Vec<u8>) -> R {
    Ok(Value::Bytes(Arc::from(b)))
}

fn this(vm: &Vm, a: &Args) -> Result<Arc<[u8]>, Ctl> {
    match a.pos.first() {
        Some(Value::Bytes(b)) => Ok(b.clone()),
        Some(other) => Err(vm.type_error(format!("descriptor requires a 'bytes' object but received a '{}'", ops::type_name(vm, other)))),
        None => Err(vm.type_error("descriptor needs an argument")),
    }
}

/// A bytes argument (`a bytes-like object is required, not 'str'`).
fn bytes_arg(vm: &Vm, v: &Value) -> Result<Arc<[u8]>, Ctl> {
    match v {
        Value::Bytes(b) => Ok(b.clone()),
        other => Err(vm.type_error(format!("a bytes-like object is required, not '{}'", ops::type_name(vm, other)))),
    }
}

/// What `find`, `count` and `in` look for: bytes, or one byte given as an int.
fn needle(vm: &Vm, v: &Value) -> Result<Vec<u8>, Ctl> {
    match v {
        Value::Bytes(b) => Ok(b.to_vec()),
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => Ok(vec![byte_value(vm, v, "byte must be in range(0, 256)")?]),
        other => Err(vm.type_error(format!("argument should be integer or bytes-like object, not '{}'", ops::type_name(vm, other)))),
    }
}

fn byte_value(vm: &Vm, v: &Value, range_msg: &str) -> Result<u8, Ctl> {
    let i = match v {
        Value::BigInt(_) => return Err(vm.value_error(range_msg)),
        other => ops::to_index(vm, other)?,
    };
    u8::try_from(i).map_err(|_| vm.value_error(range_msg))
}

/// `x in b`: an int is one byte, bytes a substring.
pub fn contains(vm: &Vm, hay: &[u8], item: &Value) -> Result<bool, Ctl> {
    match item {
        Value::Bytes(n) => Ok(find_in(hay, n).is_some()),
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            let b = byte_value(vm, item, "byte must be in range(0, 256)")?;
            Ok(hay.contains(&b))
        }
        other => Err(vm.type_error(format!("a bytes-like object is required, not '{}'", ops::type_name(vm, other)))),
    }
}

fn find_in(hay: &[u8], n: &[u8]) -> Option<usize> {
    if n.is_empty() {
        return Some(0);
    }
    if n.len() > hay.len() {
        return None;
    }
    hay.windows(n.len()).position(|w| w == n)
}

fn rfind_in(hay: &[u8], n: &[u8]) -> Option<usize> {
    if n.is_empty() {
        return Some(hay.len());
    }
    if n.len() > hay.len() {
        return None;
    }
    hay.windows(n.len()).rposition(|w| w == n)
}

/// The `start`/`end` arguments of `find`, `count`, `startswith`...: a byte range.
fn sub_range(vm: &Vm, len: usize, a: &Args, from: usize) -> Result<Option<(usize, usize)>, Ctl> {
    let n = len as i64;
    let start = crate::builtins::slice_bound(vm, opt(a, from), 0, n)?;
    let end = crate::builtins::slice_bound(vm, opt(a, from + 1), n, n)?;
    // An empty needle is found at `start` even at the end, never past it.
    let past_end = match opt(a, from) {
        Some(v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_))) => int_arg(vm, &v).map_or(true, |i| i > n),
        _ => false,
    };
    if start > end || past_end {
        return Ok(None);
    }
    Ok(Some((start as usize, end as usize)))
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

// ----- constructor -----

/// `bytes()`, `bytes(n)`, `bytes(iterable_of_ints)`, `bytes(str, encoding[, errors])`,
/// `bytes(b)`, and `__bytes__`.
pub fn ctor_bytes(vm: &mut Vm, mut a: Args) -> R {
    if let Value::Class(c) = &a.pos[0] {
        if c.module.as_ref() != "builtins" {
            return Err(vm.type_error("subclassing the built-in type 'bytes' is not supported in this playground yet"));
        }
    }
    let source = a.take_kw("source").or_else(|| opt(&a, 1));
    let encoding = a.take_kw("encoding").or_else(|| opt(&a, 2));
    let errors = a.take_kw("errors").or_else(|| opt(&a, 3));
    if let Some((k, _)) = a.kw.first() {
        return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for bytes()")));
    }
    let Some(source) = source else {
        if encoding.is_some() || errors.is_some() {
            return Err(vm.type_error(if encoding.is_some() { "encoding without a string argument" } else { "errors without a string argument" }));
        }
        return ret(Vec::new());
    };
    if let Value::Str(s) = &source {
        let Some(encoding) = encoding else { return Err(vm.type_error("string argument without an encoding")) };
        let enc = text_arg(vm, &encoding, "bytes() argument 'encoding'")?;
        let errs = match errors {
            Some(e) => text_arg(vm, &e, "bytes() argument 'errors'")?,
            None => "strict".into(),
        };
        return ret(encode(vm, s, &enc, &errs)?);
    }
    if encoding.is_some() {
        return Err(vm.type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(vm.type_error("errors without a string argument"));
    }
    match &source {
        Value::Bytes(_) => Ok(source),
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            let n = ops::to_index(vm, &source).map_err(|_| vm.err("OverflowError", "cannot fit 'int' into an index-sized integer"))?;
            if n < 0 {
                return Err(vm.value_error("negative count"));
            }
            if n > 50_000_000 {
                return Err(vm.err("MemoryError", "the result would be too large for this playground"));
            }
            ret(vec![0; n as usize])
        }
        Value::Instance(_) if ops::lookup_special(vm, &source, "__bytes__").is_some() => {
            let f = ops::lookup_special(vm, &source, "__bytes__").unwrap();
            match vm.call(&f, Args::new(vec![source.clone()]))? {
                b @ Value::Bytes(_) => Ok(b),
                other => Err(vm.type_error(format!("__bytes__ returned non-bytes (type {})", ops::type_name(vm, &other)))),
            }
        }
        Value::List(_) | Value::Tuple(_) | Value::Range(_) | Value::Dict(_) | Value::Set(_) | Value::Iter(_) | Value::Gen(_) | Value::Instance(_) => {
            if let Value::Instance(_) = &source {
                if ops::lookup_special(vm, &source, "__iter__").is_none() && ops::lookup_special(vm, &source, "__getitem__").is_none() {
                    return Err(vm.type_error(format!("cannot convert '{}' object to bytes", ops::type_name(vm, &source))));
                }
            }
            let items = ops::collect(vm, &source)?;
            let mut out = Vec::with_capacity(items.len());
            for it in &items {
                out.push(byte_value(vm, it, "bytes must be in range(0, 256)")?);
            }
            ret(out)
        }
        other => Err(vm.type_error(format!("cannot convert '{}' object to bytes", ops::type_name(vm, other)))),
    }
}

fn text_arg(vm: &Vm, v: &Value, what: &str) -> Result<String, Ctl> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        other => Err(vm.type_error(format!("{what} must be str, not {}", ops::type_name(vm, other)))),
    }
}

// ----- codecs -----

#[derive(Clone, Copy, PartialEq)]
enum Codec {
    Utf8,
    /// UTF-8 with a byte order mark: written first, skipped when read.
    Utf8Sig,
    Ascii,
    Latin1,
}

impl Codec {
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 | Codec::Utf8Sig => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }
}

fn codec(vm: &Vm, name: &str) -> Result<Codec, Ctl> {
    let norm: String = name.trim().to_ascii_lowercase().chars().map(|c| if c == '_' || c == ' ' { '-' } else { c }).collect();
    Ok(match norm.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
        "utf-8-sig" | "utf8-sig" => Codec::Utf8Sig,
        "ascii" | "us-ascii" | "646" => Codec::Ascii,
        "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "iso-ir-100" => Codec::Latin1,
        // Codecs CPython has and this playground does not: the same error, saying so.
        n if n.starts_with("utf-16") || n.starts_with("utf-32") || n.starts_with("cp") || n.starts_with("iso-8859") || n.starts_with("windows") => {
            return Err(vm.err("LookupError", format!("unknown encoding: {name} (this playground has utf-8, ascii and latin-1)")))
        }
        _ => return Err(vm.err("LookupError", format!("unknown encoding: {name}"))),
    })
}

/// What an error handler does with what cannot be encoded or decoded.
#[derive(Clone, Copy, PartialEq)]
enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    Unknown,
}

fn handler(errors: &str) -> Handler {
    match errors {
        "strict" => Handler::Strict,
        "ignore" => Handler::Ignore,
        "replace" => Handler::Replace,
        "backslashreplace" => Handler::BackslashReplace,
        _ => Handler::Unknown,
    }
}

fn unicode_error(vm: &Vm, class: &str, args: Vec<Value>) -> Ctl {
    let e = vm.new_exc(&vm.exc_class(class), "");
    if let Value::Instance(i) = &e {
        set_unicode_attrs(&mut i.attrs.lock(), &args);
        i.attrs.lock().insert(Arc::from("args"), Value::tuple(args));
    }
    Ctl::Exc(e)
}

fn set_unicode_attrs(attrs: &mut indexmap::IndexMap<Str, Value, FastBuild>, args: &[Value]) {
    if args.len() == 5 {
        for (name, v) in ["encoding", "object", "start", "end", "reason"].iter().zip(args) {
            attrs.insert(Arc::from(*name), v.clone());
        }
    }
}

/// `UnicodeDecodeError(encoding, object, start, end, reason)` (and the encode error): the
/// five arguments are also its attributes.
fn m_unicode_error_init(_vm: &mut Vm, a: Args) -> R {
    if let Value::Instance(i) = &a.pos[0] {
        let args = a.pos[1..].to_vec();
        set_unicode_attrs(&mut i.attrs.lock(), &args);
        i.attrs.lock().insert(Arc::from("args"), Value::tuple(args));
    }
    Ok(Value::None)
}

/// `str(e)` for a UnicodeDecodeError or UnicodeEncodeError, as CPython words it.
fn m_unicode_error_str(vm: &mut Vm, a: Args) -> R {
    let args = ops::exc_args(&a.pos[0]);
    if args.len() != 5 {
        return Ok(Value::str(&match args.len() {
            0 => String::new(),
            1 => ops::to_str(vm, &args[0])?,
            _ => ops::repr(vm, &Value::tuple(args))?,
        }));
    }
    let enc = ops::to_str(vm, &args[0])?;
    let reason = ops::to_str(vm, &args[4])?;
    let (start, end) = (ops::to_index(vm, &args[2])?, ops::to_index(vm, &args[3])?);
    let one = end == start + 1;
    let text = match &args[1] {
        Value::Bytes(b) => {
            let at = b.get(start.max(0) as usize).copied();
            match at {
                Some(byte) if one => format!("'{enc}' codec can't decode byte 0x{byte:02x} in position {start}: {reason}"),
                _ => format!("'{enc}' codec can't decode bytes in position {start}-{}: {reason}", end - 1),
            }
        }
        Value::Str(s) => {
            let at = s.chars().nth(start.max(0) as usize);
            match at {
                Some(c) if one => {
                    let n = c as u32;
                    let shown = if n < 0x100 { format!("\\x{n:02x}") } else if n < 0x10000 { format!("\\u{n:04x}") } else { format!("\\U{n:08x}") };
                    format!("'{enc}' codec can't encode character '{shown}' in position {start}: {reason}")
                }
                _ => format!("'{enc}' codec can't encode characters in position {start}-{}: {reason}", end - 1),
            }
        }
        _ => String::new(),
    };
    Ok(Value::str(&text))
}

fn unknown_handler(vm: &Vm, errors: &str) -> Ctl {
    vm.err("LookupError", format!("unknown error handler name '{errors}'"))
}

fn encode(vm: &Vm, s: &str, encoding: &str, errors: &str) -> Result<Vec<u8>, Ctl> {
    let c = codec(vm, encoding)?;
    let limit: u32 = match c {
        Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
        Codec::Utf8Sig => return Ok([&[0xef, 0xbb, 0xbf], s.as_bytes()].concat()),
        Codec::Ascii => 0x80,
        Codec::Latin1 => 0x100,
    };
    let h = handler(errors);
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let ch = chars[i] as u32;
        if ch < limit {
            out.push(ch as u8);
            i += 1;
            continue;
        }
        // A run of characters the codec cannot encode is reported at once.
        let mut end = i + 1;
        while end < chars.len() && chars[end] as u32 >= limit {
            end += 1;
        }
        match h {
            Handler::Strict | Handler::Unknown => {
                if h == Handler::Unknown {
                    return Err(unknown_handler(vm, errors));
                }
                let reason = format!("ordinal not in range({limit})");
                return Err(unicode_error(vm, "UnicodeEncodeError", vec![
                    Value::str(c.name()),
                    Value::str(s),
                    Value::Int(i as i64),
                    Value::Int(end as i64),
                    Value::str(&reason),
                ]));
            }
            Handler::Ignore => {}
            Handler::Replace => out.resize(out.len() + (end - i), b'?'),
            Handler::BackslashReplace => {
                for &ch in &chars[i..end] {
                    let n = ch as u32;
                    let e = if n < 0x100 { format!("\\x{n:02x}") } else if n < 0x10000 { format!("\\u{n:04x}") } else { format!("\\U{n:08x}") };
                    out.extend_from_slice(e.as_bytes());
                }
            }
        }
        i = end;
    }
    Ok(out)
}

fn decode(vm: &Vm, b: &Arc<[u8]>, encoding: &str, errors: &str) -> Result<String, Ctl> {
    let c = codec(vm, encoding)?;
    let h = handler(errors);
    let mut out = String::with_capacity(b.len());
    let fail = |start: usize, end: usize, reason: &str| -> Ctl {
        if h == Handler::Unknown {
            return unknown_handler(vm, errors);
        }
        unicode_error(vm, "UnicodeDecodeError", vec![
            Value::str(c.name()),
            Value::Bytes(b.clone()),
            Value::Int(start as i64),
            Value::Int(end as i64),
            Value::str(reason),
        ])
    };
    let bad = |out: &mut String, bytes: &[u8]| match h {
        Handler::Replace => out.push('\u{fffd}'),
        Handler::BackslashReplace => {
            for x in bytes {
                out.push_str(&format!("\\x{x:02x}"));
            }
        }
        _ => {}
    };
    match c {
        Codec::Latin1 => out.extend(b.iter().map(|&x| x as char)),
        Codec::Ascii => {
            for (i, &x) in b.iter().enumerate() {
                if x < 0x80 {
                    out.push(x as char);
                } else if matches!(h, Handler::Strict | Handler::Unknown) {
                    return Err(fail(i, i + 1, "ordinal not in range(128)"));
                } else {
                    // Each byte is replaced on its own.
                    bad(&mut out, &[x]);
                }
            }
        }
        Codec::Utf8 | Codec::Utf8Sig => {
            let mut pos = if c == Codec::Utf8Sig && b.starts_with(&[0xef, 0xbb, 0xbf]) { 3 } else { 0 };
            while pos < b.len() {
                match std::str::from_utf8(&b[pos..]) {
                    Ok(s) => {
                        out.push_str(s);
                        break;
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        // Safety of the slice: from_utf8 said these bytes are valid.
                        out.push_str(std::str::from_utf8(&b[pos..pos + good]).unwrap_or(""));
                        let start = pos + good;
                        let (end, reason) = match e.error_len() {
                            None => (b.len(), "unexpected end of data"),
                            Some(n) if (0xc2..=0xf4).contains(&b[start]) => (start + n, "invalid continuation byte"),
                            Some(n) => (start + n, "invalid start byte"),
                        };
                        if matches!(h, Handler::Strict | Handler::Unknown) {
                            return Err(fail(start, end, reason));
                        }
                        bad(&mut out, &b[start..end]);
                        pos = end;
                    }
                }
            }
        }
    }
    Ok(out)
}

fn codec_args(vm: &Vm, a: &mut Args, fname: &str) -> Result<(String, String), Ctl> {
    let encoding = a.take_kw("encoding").or_else(|| opt(a, 1));
    let errors = a.take_kw("errors").or_else(|| opt(a, 2));
    if let Some((k, _)) = a.kw.first() {
        return Err(vm.type_error(format!("{fname}() got an unexpected keyword argument '{k}'")));
    }
    if a.pos.len() > 3 {
        return Err(vm.type_error(format!("{fname}() takes at most 2 arguments ({} given)", a.pos.len() - 1)));
    }
    let encoding = match encoding {
        Some(v) => text_arg(vm, &v, &format!("{fname}() argument 'encoding'"))?,
        None => "utf-8".into(),
    };
    let errors = match errors {
        Some(v) => text_arg(vm, &v, &format!("{fname}() argument 'errors'"))?,
        None => "strict".into(),
    };
    Ok((encoding, errors))
}

/// `str.encode(encoding="utf-8", errors="strict")`.
pub fn str_encode(vm: &mut Vm, mut a: Args) -> R {
    let s = match a.pos.first() {
        Some(Value::Str(s)) => s.clone(),
        _ => return Err(vm.type_error("descriptor 'encode' requires a 'str' object")),
    };
    let (enc, errs) = codec_args(vm, &mut a, "encode")?;
    ret(encode(vm, &s, &enc, &errs)?)
}

/// `str(b, encoding, errors)`: `a` holds the bytes, the encoding and the errors (either may
/// be None).
pub fn str_from(vm: &mut Vm, source: &Value, encoding: Option<Value>, errors: Option<Value>) -> R {
    let b = match source {
        Value::Bytes(b) => b.clone(),
        Value::Str(_) => return Err(vm.type_error("decoding str is not supported")),
        other => return Err(vm.type_error(format!("decoding to str: need a bytes-like object, {} found", ops::type_name(vm, other)))),
    };
    let enc = match encoding {
        Some(v) => text_arg(vm, &v, "str() argument 'encoding'")?,
        None => "utf-8".into(),
    };
    let errs = match errors {
        Some(v) => text_arg(vm, &v, "str() argument 'errors'")?,
        None => "strict".into(),
    };
    Ok(Value::str(&decode(vm, &b, &enc, &errs)?))
}

fn m_decode(vm: &mut Vm, mut a: Args) -> R {
    let b = this(vm, &a)?;
    let (enc, errs) = codec_args(vm, &mut a, "decode")?;
    Ok(Value::str(&decode(vm, &b, &enc, &errs)?))
}

// ----- methods -----

fn m_len(vm: &mut Vm, a: Args) -> R {
    Ok(Value::Int(this(vm, &a)?.len() as i64))
}

fn m_contains(vm: &mut Vm, a: Args) -> R {
    let b = this(vm, &a)?;
    Ok(Value::Bool(contains(vm, &b, &arg(vm, &a, 1, "__contains__")?)?))
}

fn m_getitem(vm: &mut Vm, a: Args) -> R {
    match ops::get_item(vm, &a.pos[0], &arg(vm, &a, 1, "__getitem__")?)? {
        ops::Attr::Value(v) => Ok(v),
        ops::Attr::Call(f, args) => vm.call(&f, args),
    }
}

fn m_find(vm: &mut Vm, a: Args) -> R {
    find_impl(vm, a, false, false)
}
fn m_rfind(vm: &mut Vm, a: Args) -> R {
    find_impl(vm, a, true, false)
}
fn m_index(vm: &mut Vm, a: Args) -> R {
    find_impl(vm, a, false, true)
}
fn m_rindex(vm: &mut Vm, a: Args) -> R {
    find_impl(vm, a, true, true)
}

fn find_impl(vm: &mut Vm, a: Args, right: bool, raise: bool) -> R {
    let b = this(vm, &a)?;
    let n = needle(vm, &arg(vm, &a, 1, "find")?)?;
    let found = sub_range(vm, b.len(), &a, 2)?.and_then(|(s, e)| {
        let part = &b[s..e];
        if right { rfind_in(part, &n) } else { find_in(part, &n) }.map(|i| i + s)
    });
    match found {
        Some(i) => Ok(Value::Int(i as i64)),
        None if raise => Err(vm.value_error("subsection not found")),
        None => Ok(Value::Int(-1)),
    }
}

fn m_count(vm: &mut Vm, a: Args) -> R {
    let b = this(vm, &a)?;
    let n = needle(vm, &arg(vm, &a, 1, "count")?)?;
    let Some((s, e)) = sub_range(vm, b.len(), &a, 2)? else { return Ok(Value::Int(0)) };
    let part = &b[s..e];
    if n.is_empty() {
        return Ok(Value::Int(part.len() as i64 + 1));
    }
    let (mut i, mut count) = (0, 0);
    while let Some(k) = find_in(&part[i..], &n) {
        count += 1;
        i += k + n.len();
    }
    Ok(Value::Int(count))
}

fn affix(vm: &mut Vm, a: Args, prefix: bool) -> R {
    let b = this(vm, &a)?;
    let name = if prefix { "startswith" } else { "endswith" };
    let what = arg(vm, &a, 1, name)?;
    let cands: Vec<Value> = match &what {
        Value::Tuple(t) => (**t).clone(),
        v => vec![v.clone()],
    };
    let range = sub_range(vm, b.len(), &a, 2)?;
    for c in cands {
        let Value::Bytes(c) = c else {
            return Err(vm.type_error(format!("{name} first arg must be bytes or a tuple of bytes, not {}", ops::type_name(vm, &c))));
        };
        if let Some((s, e)) = range {
            let part = &b[s..e];
            if (prefix && part.starts_with(&c)) || (!prefix && part.ends_with(&c)) {
                return Ok(Value::Bool(true));
            }
        }
    }
    Ok(Value::Bool(false))
}
fn m_startswith(vm: &mut Vm, a: Args) -> R {
    affix(vm, a, true)
}
fn m_endswith(vm: &mut Vm, a: Args) -> R {
    affix(vm, a, false)
}

fn split_args(vm: &Vm, a: &mut Args) -> Result<(Option<Arc<[u8]>>, i64), Ctl> {
    let sep = a.take_kw("sep").or_else(|| opt(a, 1));
    let max = a.take_kw("maxsplit").or_else(|| opt(a, 2));
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(v) => {
            let s = bytes_arg(vm, &v)?;
            if s.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(s)
        }
    };
    let max = match max {
        Some(v) => int_arg(vm, &v)?,
        None => -1,
    };
    Ok((sep, max))
}

fn list_of(parts: Vec<&[u8]>) -> Value {
    Value::list(parts.into_iter().map(Value::bytes).collect())
}

fn m_split(vm: &mut Vm, mut a: Args) -> R {
    let b = this(vm, &a)?;
    let (sep, max) = split_args(vm, &mut a)?;
    let mut out: Vec<&[u8]> = Vec::new();
    match sep {
        Some(sep) => {
            let mut rest: &[u8] = &b;
            while max < 0 || (out.len() as i64) < max {
                match find_in(rest, &sep) {
                    Some(i) => {
                        out.push(&rest[..i]);
                        rest = &rest[i + sep.len()..];
                    }
                    None => break,
                }
            }
            out.push(rest);
        }
        None => {
            let mut i = 0;
            let n = b.len();
            loop {
                while i < n && is_space(b[i]) {
                    i += 1;
                }
                if i == n {
                    break;
                }
                if max >= 0 && out.len() as i64 == max {
                    // The rest, as it is (its trailing whitespace kept), as CPython's.
                    out.push(&b[i..]);
                    break;
                }
                let s = i;
                while i < n && !is_space(b[i]) {
                    i += 1;
                }
                out.push(&b[s..i]);
            }
        }
    }
    Ok(list_of(out))
}

fn m_rsplit(vm: &mut Vm, mut a: Args) -> R {
    let b = this(vm, &a)?;
    let (sep, max) = split_args(vm, &mut a)?;
    let mut out: Vec<&[u8]> = Vec::new();
    match sep {
        Some(sep) => {
            let mut rest: &[u8] = &b;
            while max < 0 || (out.len() as i64) < max {
                match rfind_in(rest, &sep) {
                    Some(i) => {
                        out.push(&rest[i + sep.len()..]);
                        rest = &rest[..i];
                    }
                    None => break,
                }
            }
            out.push(rest);
        }
        None => {
            let mut e = b.len();
            loop {
                while e > 0 && is_space(b[e - 1]) {
                    e -= 1;
                }
                if e == 0 {
                    break;
                }
                if max >= 0 && out.len() as i64 == max {
                    out.push(&b[..e]);
                    break;
                }
                let end = e;
                while e > 0 && !is_space(b[e - 1]) {
                    e -= 1;
                }
                out.push(&b[e..end]);
            }
        }
    }
    out.reverse();
    Ok(list_of(out))
}

fn m_splitlines(vm: &mut Vm, mut a: Args) -> R {
    let b = this(vm, &a)?;
    let keep = match a.take_kw("keepends").or_else(|| opt(&a, 1)) {
        Some(v) => ops::truthy(vm, &v)?,
        None => false,
    };
    let mut out: Vec<&[u8]> = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < b.len() {
        if b[i] == b'\n' || b[i] == b'\r' {
            let mut end = i + 1;
            if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                end += 1;
            }
            out.push(&b[start..if keep { end } else { i }]);
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < b.len() {
        out.push(&b[start..]);
    }
    Ok(list_of(out))
}

fn strip_impl(vm: &mut Vm, a: Args, left: bool, right: bool) -> R {
    let b = this(vm, &a)?;
    let chars: Option<Arc<[u8]>> = match opt(&a, 1) {
        None | Some(Value::None) => None,
        Some(v) => Some(bytes_arg(vm, &v)?),
    };
    let strip = |c: u8| match &chars {
        Some(cs) => cs.contains(&c),
        None => is_space(c),
    };
    let (mut s, mut e) = (0, b.len());
    if left {
        while s < e && strip(b[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && strip(b[e - 1]) {
            e -= 1;
        }
    }
    ret(b[s..e].to_vec())
}
fn m_strip(vm: &mut Vm, a: Args) -> R {
    strip_impl(vm, a, true, true)
}
fn m_lstrip(vm: &mut Vm, a: Args) -> R {
    strip_impl(vm, a, true, false)
}
fn m_rstrip(vm: &mut Vm, a: Args) -> R {
    strip_impl(vm, a, false, true)
}

fn m_join(vm: &mut Vm, a: Args) -> R {
    let sep = this(vm, &a)?;
    let items = ops::collect(vm, &arg(vm, &a, 1, "join")?)?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match it {
            Value::Bytes(p) => out.extend_from_slice(p),
            other => return Err(vm.type_error(format!("sequence item {i}: expected a bytes-like object, {} found", ops::type_name(vm, other)))),
        }
        if out.len() > 50_000_000 {
            return Err(vm.err("MemoryError", "the result would be too large for this playground"));
        }
    }
    ret(out)
}

fn m_replace(vm: &mut Vm, a: Args) -> R {
    let b = this(vm, &a)?;
    let old = bytes_arg(vm, &arg(vm, &a, 1, "replace")?)?;
    let new = bytes_arg(vm, &arg(vm, &a, 2, "replace")?)?;
    let count = match opt(&a, 3) {
        Some(v) => int_arg(vm, &v)?,
        None => -1,
    };
    let mut out = Vec::with_capacity(b.len());
    let mut done = 0i64;
    if old.is_empty() {
        // The new bytes go before every byte and at the end, as str.replace does.
        for &x in b.iter() {
            if count < 0 || done < count {
                out.extend_from_slice(&new);
                done += 1;
            }
            out.push(x);
        }
        if count < 0 || done < count {
            out.extend_from_slice(&new);
        }
        return ret(out);
    }
    let mut rest: &[u8] = &b;
    while count < 0 || done < count {
        match find_in(rest, &old) {
            Some(i) => {
                out.extend_from_slice(&rest[..i]);
                out.extend_from_slice(&new);
                rest = &rest[i + old.len()..];
                done += 1;
            }
            None => break,
        }
        if out.len() > 50_000_000 {
            return Err(vm.err("MemoryError", "the result would be too large for this playground"));
        }
    }
    out.extend_from_slice(rest);
    ret(out)
}

fn m_partition(vm: &mut Vm, a: Args) -> R {
    let b = this(vm, &a)?;
    let sep = bytes_arg(vm, &arg(vm, &a, 1, "partition")?)?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    Ok(Value::tuple(match find_in(&b, &sep) {
        Some(i) => vec![Value::bytes(&b[..i]), Value::Bytes(sep.clone()), Value::bytes(&b[i + sep.len()..])],
        None => vec![Value::Bytes(b.clone()), Value::bytes(b""), Value::bytes(b"")],
    }))
}

fn m_rpartition(vm: &mut Vm, a: Args) -> R {
    let b = this(vm, &a)?;
    let sep = bytes_arg(vm, &arg(vm, &a, 1, "rpartition")?)?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    Ok(Value::tuple(match rfind_in(&b, &sep) {
        Some(i) => vec![Value::bytes(&b[..i]), Value::Bytes(sep.clone()), Value::bytes(&b[i + sep.len()..])],
        None => vec![Value::bytes(b""), Value::bytes(b""), Value::Bytes(b.clone())],
    }))
}

fn m_removeprefix(vm: &mut Vm, a: Args) -> R {
    let b = this(vm, &a)?;
    let p = bytes_arg(vm, &arg(vm, &a, 1, "removeprefix")?)?;
    ret(b.strip_prefix(&*p).unwrap_or(&b).to_vec())
}

fn m_removesuffix(vm: &mut Vm, a: Args) -> R {
    let b = this(vm, &a)?;
    let p = bytes_arg(vm, &arg(vm, &a, 1, "removesuffix")?)?;
    ret(b.strip_suffix(&*p).unwrap_or(&b).to_vec())
}

fn m_upper(vm: &mut Vm, a: Args) -> R {
    ret(this(vm, &a)?.to_ascii_uppercase())
}
fn m_lower(vm: &mut Vm, a: Args) -> R {
    ret(this(vm, &a)?.to_ascii_lowercase())
}

fn all_of(vm: &Vm, a: &Args, test: fn(&u8) -> bool) -> R {
    let b = this(vm, a)?;
    Ok(Value::Bool(!b.is_empty() && b.iter().all(test)))
}
fn m_isdigit(vm: &mut Vm, a: Args) -> R {
    all_of(vm, &a, u8::is_ascii_digit)
}
fn m_isalpha(vm: &mut Vm, a: Args) -> R {
    all_of(vm, &a, u8::is_ascii_alphabetic)
}
fn m_isalnum(vm: &mut Vm, a: Args) -> R {
    all_of(vm, &a, u8::is_ascii_alphanumeric)
}
fn m_isspace(vm: &mut Vm, a: Args) -> R {
    all_of(vm, &a, |c| is_space(*c))
}
fn m_isascii(vm: &mut Vm, a: Args) -> R {
    Ok(Value::Bool(this(vm, &a)?.is_ascii()))
}
fn m_isupper(vm: &mut Vm, a: Args) -> R {
    let b = this(vm, &a)?;
    Ok(Value::Bool(b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase)))
}
fn m_islower(vm: &mut Vm, a: Args) -> R {
    let b = this(vm, &a)?;
    Ok(Value::Bool(b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase)))
}

/// `b.hex(sep="", bytes_per_sep=1)`: a positive count groups from the right, a negative one
/// from the left, as CPython's.
fn m_hex(vm: &mut Vm, mut a: Args) -> R {
    let b = this(vm, &a)?;
    let sep = a.take_kw("sep").or_else(|| opt(&a, 1));
    let per = match a.take_kw("bytes_per_sep").or_else(|| opt(&a, 2)) {
        Some(v) => int_arg(vm, &v)?,
        None => 1,
    };
    let sep: Option<String> = match sep {
        None => None,
        Some(Value::Str(s)) if s.chars().count() == 1 && s.is_ascii() => Some(s.to_string()),
        Some(Value::Bytes(s)) if s.len() == 1 && s.is_ascii() => Some((s[0] as char).to_string()),
        Some(Value::Str(_) | Value::Bytes(_)) => return Err(vm.value_error("sep must be length 1.")),
        Some(other) => return Err(vm.type_error(format!("sep must be str or bytes, not {}", ops::type_name(vm, &other)))),
    };
    let hex: Vec<String> = b.iter().map(|x| format!("{x:02x}")).collect();
    let Some(sep) = sep.filter(|_| per != 0 && b.len() > 1) else { return Ok(Value::str(&hex.concat())) };
    let k = per.unsigned_abs() as usize;
    let n = hex.len();
    let mut out = String::new();
    for (i, h) in hex.iter().enumerate() {
        // Where the groups fall: counted from the end for a positive count.
        let boundary = if per > 0 { i > 0 && (n - i) % k == 0 } else { i > 0 && i % k == 0 };
        if boundary {
            out.push_str(&sep);
        }
        out.push_str(h);
    }
    Ok(Value::str(&out))
}

/// `bytes.fromhex(s)`: pairs of hex digits, with whitespace between pairs.
fn m_fromhex(vm: &mut Vm, a: Args) -> R {
    let s = match opt(&a, 1) {
        Some(Value::Str(s)) => s,
        Some(other) => return Err(vm.type_error(format!("fromhex() argument must be str, not {}", ops::type_name(vm, &other)))),
        None => return Err(vm.type_error("fromhex() takes exactly one argument (0 given)")),
    };
    let chars: Vec<char> = s.chars().collect();
    let digit = |i: usize| chars.get(i).and_then(|c| c.to_digit(16));
    let err = |i: usize| vm.value_error(format!("non-hexadecimal number found in fromhex() arg at position {i}"));
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        while i < chars.len() && chars[i].is_ascii() && is_space(chars[i] as u8) {
            i += 1;
        }
        if i >= chars.len() {
            break;
        }
        let hi = digit(i).ok_or_else(|| err(i))?;
        let lo = digit(i + 1).ok_or_else(|| err(i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    ret(out)
}

fn byteorder(vm: &Vm, v: Option<Value>) -> Result<bool, Ctl> {
    match v {
        None => Ok(true),
        Some(Value::Str(s)) if &*s == "big" => Ok(true),
        Some(Value::Str(s)) if &*s == "little" => Ok(false),
        Some(Value::Str(_)) => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
        Some(other) => Err(vm.type_error(format!("to_bytes() argument 'byteorder' must be str, not {}", ops::type_name(vm, &other)))),
    }
}

/// `n.to_bytes(length=1, byteorder="big", *, signed=False)`.
fn m_int_to_bytes(vm: &mut Vm, mut a: Args) -> R {
    let n = a.pos[0].to_bigint().ok_or_else(|| vm.type_error("descriptor 'to_bytes' requires an 'int' object"))?;
    let length = match a.take_kw("length").or_else(|| opt(&a, 1)) {
        Some(v) => int_arg(vm, &v)?,
        None => 1,
    };
    let big = byteorder(vm, a.take_kw("byteorder").or_else(|| opt(&a, 2)))?;
    let signed = match a.take_kw("signed") {
        Some(v) => ops::truthy(vm, &v)?,
        None => false,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    if length > 50_000_000 {
        return Err(vm.err("MemoryError", "the result would be too large for this playground"));
    }
    if !signed && n.sign() == num_bigint::Sign::Minus {
        return Err(vm.err("OverflowError", "can't convert negative int to unsigned"));
    }
    let mut le = if signed { n.to_signed_bytes_le() } else { n.to_bytes_le().1 };
    // Zero is no bytes at all; a negative number pads with 0xff.
    if n.sign() == num_bigint::Sign::NoSign {
        le.clear();
    }
    let pad = if n.sign() == num_bigint::Sign::Minus { 0xff } else { 0 };
    if le.len() > length as usize {
        return Err(vm.err("OverflowError", "int too big to convert"));
    }
    le.resize(length as usize, pad);
    if big {
        le.reverse();
    }
    ret(le)
}

/// `int.from_bytes(bytes, byteorder="big", *, signed=False)` (also from a list of ints).
fn m_int_from_bytes(vm: &mut Vm, mut a: Args) -> R {
    let src = a.take_kw("bytes").or_else(|| opt(&a, 1)).ok_or_else(|| vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)"))?;
    let big = byteorder(vm, a.take_kw("byteorder").or_else(|| opt(&a, 2)))?;
    let signed = match a.take_kw("signed") {
        Some(v) => ops::truthy(vm, &v)?,
        None => false,
    };
    let data = match &src {
        Value::Bytes(b) => b.clone(),
        Value::Str(_) => return Err(vm.type_error("cannot convert 'str' object to bytes")),
        _ => match ctor_bytes(vm, Args::new(vec![Value::Class(vm.types.bytes.clone()), src.clone()]))? {
            Value::Bytes(b) => b,
            _ => return Err(vm.type_error("cannot convert to bytes")),
        },
    };
    let n = match (big, signed) {
        (true, true) => num_bigint::BigInt::from_signed_bytes_be(&data),
        (false, true) => num_bigint::BigInt::from_signed_bytes_le(&data),
        (true, false) => num_bigint::BigInt::from_bytes_be(num_bigint::Sign::Plus, &data),
        (false, false) => num_bigint::BigInt::from_bytes_le(num_bigint::Sign::Plus, &data),
    };
    Ok(Value::from_big(n))
}

pub fn install_methods(t: &Types) {
    let c = &t.bytes;
    let mut d = c.dict.lock();
    let fns: &[(&'static str, BuiltinFn)] = &[
        ("decode", m_decode),
        ("find", m_find),
        ("rfind", m_rfind),
        ("index", m_index),
        ("rindex", m_rindex),
        ("count", m_count),
        ("startswith", m_startswith),
        ("endswith", m_endswith),
        ("split", m_split),
        ("rsplit", m_rsplit),
        ("splitlines", m_splitlines),
        ("strip", m_strip),
        ("lstrip", m_lstrip),
        ("rstrip", m_rstrip),
        ("join", m_join),
        ("replace", m_replace),
        ("partition", m_partition),
        ("rpartition", m_rpartition),
        ("removeprefix", m_removeprefix),
        ("removesuffix", m_removesuffix),
        ("upper", m_upper),
        ("lower", m_lower),
        ("isdigit", m_isdigit),
        ("isalpha", m_isalpha),
        ("isalnum", m_isalnum),
        ("isspace", m_isspace),
        ("isascii", m_isascii),
        ("isupper", m_isupper),
        ("islower", m_islower),
        ("hex", m_hex),
        ("__len__", m_len),
        ("__contains__", m_contains),
        ("__getitem__", m_getitem),
    ];
    for (name, f) in fns {
        d.insert(Arc::from(*name), builtin(name, *f));
    }
    d.insert(Arc::from("fromhex"), Value::Wrapper(Arc::new(Wrapper::ClassMethod(builtin("fromhex", m_fromhex)))));
    drop(d);
    t.int.dict.lock().insert(Arc::from("to_bytes"), builtin("to_bytes", m_int_to_bytes));
    t.int.dict.lock().insert(Arc::from("from_bytes"), Value::Wrapper(Arc::new(Wrapper::ClassMethod(builtin("from_bytes", m_int_from_bytes)))));
    for name in ["UnicodeDecodeError", "UnicodeEncodeError"] {
        let mut d = t.exc[name].dict.lock();
        d.insert(Arc::from("__init__"), builtin("__init__", m_unicode_error_init));
        d.insert(Arc::from("__str__"), builtin("__str__", m_unicode_error_str));
    }
}
