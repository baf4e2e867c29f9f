//! `_json`: the two parts of `json` (lib/json.py) that must be fast: the decoder, a
//! recursive-descent parser over the text with CPython's error messages and positions
//! (in characters), and the escaping of a string. `json.py` holds the rest: the encoder's
//! walk over containers, `default`, `indent`, `sort_keys`, and the public functions.

use std::sync::Arc;

use num_bigint::BigInt;

use crate::builtins::{arg, opt};
use crate::ops;
use crate::value::*;
use crate::vm::{Ctl, Vm, R};

/// `_json.encode_str(s, ensure_ascii)`: `s` as a JSON string literal, quotes included.
pub fn encode_str(vm: &mut Vm, a: Args) -> R {
    let s = match arg(vm, &a, 0, "encode_str")? {
        Value::Str(s) => s,
        other => return Err(vm.type_error(format!("first argument must be a string, not {}", ops::type_name(vm, &other)))),
    };
    let ascii = match opt(&a, 1) {
        Some(v) => ops::truthy(vm, &v)?,
        None => true,
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            // ensure_ascii: everything outside ' '..'~' as \uXXXX (a surrogate pair above
            // the BMP), as CPython's.
            c if ascii && (c as u32) > 0x7e => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{:04x}", u));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    Ok(Value::str(&out))
}

struct Hooks {
    object_hook: Value,
    object_pairs_hook: Value,
    parse_float: Value,
    parse_int: Value,
    parse_constant: Value,
    strict: bool,
}

/// A decoding failure: CPython's message and the byte offset it refers to.
enum Fail {
    At(&'static str, usize),
    Py(Ctl),
}

impl From<Ctl> for Fail {
    fn from(c: Ctl) -> Self {
        Fail::Py(c)
    }
}

struct Parser<'s> {
    s: &'s str,
    b: &'s [u8],
    hooks: Hooks,
    depth: usize,
}

const MAX_DEPTH: usize = 900;

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r')
}

impl Parser<'_> {
    fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.b.len() && is_ws(self.b[i]) {
            i += 1;
        }
        i
    }

    fn call(&self, vm: &mut Vm, f: &Value, args: Vec<Value>) -> Result<Value, Fail> {
        Ok(vm.call(f, Args::new(args))?)
    }

    /// The value at byte `i`, and the offset after it; "Expecting value" if there is none.
    fn value(&mut self, vm: &mut Vm, i: usize) -> Result<(Value, usize), Fail> {
        let rest = &self.b[i.min(self.b.len())..];
        let Some(&c) = rest.first() else { return Err(Fail::At("Expecting value", i)) };
        match c {
            b'"' => {
                let (s, end) = self.string(i + 1)?;
                Ok((Value::str(&s), end))
            }
            b'{' => self.nested(vm, i, true),
            b'[' => self.nested(vm, i, false),
            b'n' if rest.starts_with(b"null") => Ok((Value::None, i + 4)),
            b't' if rest.starts_with(b"true") => Ok((Value::Bool(true), i + 4)),
            b'f' if rest.starts_with(b"false") => Ok((Value::Bool(false), i + 5)),
            b'N' if rest.starts_with(b"NaN") => Ok((self.constant(vm, "NaN", f64::NAN)?, i + 3)),
            b'I' if rest.starts_with(b"Infinity") => Ok((self.constant(vm, "Infinity", f64::INFINITY)?, i + 8)),
            b'-' if rest.starts_with(b"-Infinity") => Ok((self.constant(vm, "-Infinity", f64::NEG_INFINITY)?, i + 9)),
            b'-' | b'0'..=b'9' => self.number(vm, i),
            _ => Err(Fail::At("Expecting value", i)),
        }
    }

    fn constant(&self, vm: &mut Vm, name: &str, v: f64) -> Result<Value, Fail> {
        if self.hooks.parse_constant.is_none() {
            return Ok(Value::Float(v));
        }
        self.call(vm, &self.hooks.parse_constant, vec![Value::str(name)])
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`: what does not match is not a number
    /// (so "-" expects a value, and "01" is 0 followed by extra data).
    fn number(&self, vm: &mut Vm, start: usize) -> Result<(Value, usize), Fail> {
        let b = self.b;
        let digits = |mut i: usize| {
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            i
        };
        let mut i = start;
        if b[i] == b'-' {
            i += 1;
        }
        match b.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => i = digits(i),
            _ => return Err(Fail::At("Expecting value", start)),
        }
        let mut float = false;
        if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i = digits(i + 1);
            float = true;
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            let mut j = i + 1;
            if matches!(b.get(j), Some(b'+' | b'-')) {
                j += 1;
            }
            if b.get(j).is_some_and(u8::is_ascii_digit) {
                i = digits(j);
                float = true;
            }
        }
        let text = &self.s[start..i];
        let v = if float {
            if self.hooks.parse_float.is_none() {
                Value::Float(text.parse::<f64>().unwrap_or(f64::NAN))
            } else {
                self.call(vm, &self.hooks.parse_float, vec![Value::str(text)])?
            }
        } else if self.hooks.parse_int.is_none() {
            match text.parse::<i64>() {
                Ok(n) => Value::Int(n),
                Err(_) => Value::from_big(BigInt::parse_bytes(text.as_bytes(), 10).unwrap_or_default()),
            }
        } else {
            self.call(vm, &self.hooks.parse_int, vec![Value::str(text)])?
        };
        Ok((v, i))
    }

    /// The string whose opening quote is just before byte `i`; the offset after its closing quote.
    fn string(&self, i: usize) -> Result<(String, usize), Fail> {
        let begin = i - 1;
        let b = self.b;
        let mut out = String::new();
        let mut j = i;
        loop {
            // The run up to the next quote, backslash or control character, copied at once.
            let run = j;
            while j < b.len() && b[j] != b'"' && b[j] != b'\\' && !(self.hooks.strict && b[j] < 0x20) {
                j += 1;
            }
            out.push_str(&self.s[run..j]);
            let Some(&c) = b.get(j) else { return Err(Fail::At("Unterminated string starting at", begin)) };
            match c {
                b'"' => return Ok((out, j + 1)),
                b'\\' => {
                    let Some(&e) = b.get(j + 1) else { return Err(Fail::At("Unterminated string starting at", begin)) };
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let unit = self.hex4(j + 2).ok_or(Fail::At("Invalid \\uXXXX escape", j + 1))?;
                            j += 6;
                            if (0xd800..0xdc00).contains(&unit) && b.get(j) == Some(&b'\\') && b.get(j + 1) == Some(&b'u') {
                                if let Some(low) = self.hex4(j + 2).filter(|u| (0xdc00..0xe000).contains(u)) {
                                    let c = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
                                    out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
                                    j += 6;
                                    continue;
                                }
                            }
                            // A lone surrogate cannot be held in this engine's strings.
                            out.push(char::from_u32(unit).unwrap_or('\u{fffd}'));
                            continue;
                        }
                        _ => return Err(Fail::At("Invalid \\escape", j)),
                    }
                    j += 2;
                }
                _ => return Err(Fail::At("Invalid control character at", j)),
            }
        }
    }

    fn hex4(&self, i: usize) -> Option<u32> {
        let h = self.b.get(i..i + 4)?;
        if !h.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        u32::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()
    }

    /// An object (`{`) or an array (`[`) starting at byte `i`.
    fn nested(&mut self, vm: &mut Vm, i: usize, object: bool) -> Result<(Value, usize), Fail> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            let what = if object { "object" } else { "array" };
            return Err(Fail::Py(vm.err("RecursionError", format!("maximum recursion depth exceeded while decoding a JSON {what} from a unicode string"))));
        }
        let r = if object { self.object(vm, i + 1) } else { self.array(vm, i + 1) };
        self.depth -= 1;
        r
    }

    fn array(&mut self, vm: &mut Vm, i: usize) -> Result<(Value, usize), Fail> {
        let mut items = Vec::new();
        let mut j = self.skip_ws(i);
        if self.b.get(j) == Some(&b']') {
            return Ok((Value::list(items), j + 1));
        }
        loop {
            let (v, end) = self.value(vm, j)?;
            items.push(v);
            j = self.skip_ws(end);
            match self.b.get(j) {
                Some(b']') => return Ok((Value::list(items), j + 1)),
                Some(b',') => j = self.skip_ws(j + 1),
                _ => return Err(Fail::At("Expecting ',' delimiter", j)),
            }
        }
    }

    fn object(&mut self, vm: &mut Vm, i: usize) -> Result<(Value, usize), Fail> {
        let mut pairs: Vec<(Value, Value)> = Vec::new();
        let mut j = self.skip_ws(i);
        let end = if self.b.get(j) == Some(&b'}') {
            j + 1
        } else {
            loop {
                if self.b.get(j) != Some(&b'"') {
                    return Err(Fail::At("Expecting property name enclosed in double quotes", j));
                }
                let (key, after) = self.string(j + 1)?;
                j = self.skip_ws(after);
                if self.b.get(j) != Some(&b':') {
                    return Err(Fail::At("Expecting ':' delimiter", j));
                }
                j = self.skip_ws(j + 1);
                let (v, after) = self.value(vm, j)?;
                pairs.push((Value::str(&key), v));
                j = self.skip_ws(after);
                match self.b.get(j) {
                    Some(b'}') => break j + 1,
                    Some(b',') => j = self.skip_ws(j + 1),
                    _ => return Err(Fail::At("Expecting ',' delimiter", j)),
                }
            }
        };
        if !self.hooks.object_pairs_hook.is_none() {
            let list = Value::list(pairs.into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect());
            let f = self.hooks.object_pairs_hook.clone();
            return Ok((self.call(vm, &f, vec![list])?, end));
        }
        let mut d = Dict::default();
        for (k, v) in pairs {
            let Value::Str(s) = &k else { continue };
            d.insert(Key { hash: ops::hash_str(s), value: k.clone(), canon: 0 }, v);
        }
        let d = Value::dict(d);
        if !self.hooks.object_hook.is_none() {
            let f = self.hooks.object_hook.clone();
            return Ok((self.call(vm, &f, vec![d])?, end));
        }
        Ok((d, end))
    }
}

fn char_pos(s: &str, byte: usize) -> usize {
    let byte = byte.min(s.len());
    if s.is_ascii() { byte } else { s[..byte].chars().count() }
}

/// `json.JSONDecodeError(msg, doc, pos)`, made by json.py's own class.
fn decode_error(vm: &mut Vm, msg: &str, doc: &Str, pos: usize) -> Ctl {
    let class = match crate::modules::import(vm, "json") {
        Ok(m) => match ops::get_attr(vm, &m, "JSONDecodeError") {
            Ok(ops::Attr::Value(c)) => c,
            _ => return vm.value_error(msg),
        },
        Err(e) => return e,
    };
    match vm.call(&class, Args::new(vec![Value::str(msg), Value::Str(doc.clone()), Value::Int(pos as i64)])) {
        Ok(e) => Ctl::Exc(e),
        Err(e) => e,
    }
}

/// `_json.decode(s, idx, whole, strict, object_hook, object_pairs_hook, parse_float,
/// parse_int, parse_constant)`. With `whole`, the document is all of `s` (whitespace around
/// it allowed; anything else after it is "Extra data") and the value is returned; without,
/// a value must start at character `idx`, and `(value, end)` is returned (`raw_decode`).
pub fn decode(vm: &mut Vm, a: Args) -> R {
    let s = match arg(vm, &a, 0, "decode")? {
        Value::Str(s) => s,
        other => return Err(vm.type_error(format!("the JSON object must be str, not {}", ops::type_name(vm, &other)))),
    };
    let idx = match opt(&a, 1) {
        Some(v) => ops::to_index(vm, &v)?,
        None => 0,
    };
    let whole = match opt(&a, 2) {
        Some(v) => ops::truthy(vm, &v)?,
        None => true,
    };
    let strict = match opt(&a, 3) {
        Some(v) => ops::truthy(vm, &v)?,
        None => true,
    };
    let hook = |i: usize| opt(&a, i).unwrap_or(Value::None);
    let hooks = Hooks { object_hook: hook(4), object_pairs_hook: hook(5), parse_float: hook(6), parse_int: hook(7), parse_constant: hook(8), strict };
    let n_chars = if s.is_ascii() { s.len() } else { s.chars().count() };
    if idx < 0 || idx as usize > n_chars {
        if idx < 0 {
            return Err(vm.value_error("idx cannot be negative"));
        }
        return Err(decode_error(vm, "Expecting value", &s, idx as usize));
    }
    let start = if s.is_ascii() { idx as usize } else { s.char_indices().nth(idx as usize).map_or(s.len(), |(b, _)| b) };
    let mut p = Parser { s: &s, b: s.as_bytes(), hooks, depth: 0 };
    let begin = if whole { p.skip_ws(start) } else { start };
    let r = p.value(vm, begin).and_then(|(v, end)| {
        if !whole {
            return Ok((v, end));
        }
        let after = p.skip_ws(end);
        if after != s.len() {
            return Err(Fail::At("Extra data", after));
        }
        Ok((v, end))
    });
    match r {
        Ok((v, end)) if whole => {
            let _ = end;
            Ok(v)
        }
        Ok((v, end)) => Ok(Value::tuple(vec![v, Value::Int(char_pos(&s, end) as i64)])),
        Err(Fail::At(msg, at)) => {
            let pos = char_pos(&s, at);
            Err(decode_error(vm, msg, &s, pos))
        }
        Err(Fail::Py(c)) => Err(c),
    }
}

pub fn install(m: &Arc<Module>) {
    let d = &m.dict;
    d.lock().insert(Arc::from("encode_str"), crate::builtins::builtin("encode_str", encode_str));
    d.lock().insert(Arc::from("decode"), crate::builtins::builtin("decode", decode));
}
