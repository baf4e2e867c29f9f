//! Parameter schemas, declared once here and read by the page, permalinks and tests,
//! and the validation that turns what a caller sent into typed values.
//!
//! Nothing is clamped: a value outside its range is refused with a message that names
//! the parameter and what it accepts.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;
use serde_json::{Map, Value};

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// A whole number in `min..=max`; `step` is the UI's increment, not a constraint.
    Int {
        min: i64,
        max: i64,
        step: i64,
        default: i64,
    },
    Bool {
        default: bool,
    },
    Choice {
        options: &'static [&'static str],
        default: &'static str,
    },
    /// Either a count of simulated URLs in `min..=max`, or a list of up to `max_list`
    /// http(s) URLs (or same-origin paths starting with `/`) to fetch for real.
    Urls {
        min: i64,
        max: i64,
        default: i64,
        max_list: usize,
    },
    /// A string of at most `max_bytes` UTF-8 bytes (a program's source).
    Text {
        max_bytes: usize,
        default: &'static str,
    },
}

/// A default that means "as many as this machine has cores", resolved when read.
pub const DEFAULT_CORES: i64 = -1;

static CORES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Tells the schemas how many cores this machine has (`navigator.hardwareConcurrency`).
pub fn set_cores(n: usize) {
    CORES.store(n, std::sync::atomic::Ordering::Relaxed);
}

/// How many cores this machine has, as best known.
pub fn cores_hint() -> usize {
    cores() as usize
}

fn cores() -> i64 {
    match CORES.load(std::sync::atomic::Ordering::Relaxed) {
        0 => std::thread::available_parallelism().map_or(2, |n| n.get()) as i64,
        n => n as i64,
    }
}

fn resolve_default(default: i64, min: i64, max: i64) -> i64 {
    if default == DEFAULT_CORES { cores().clamp(min, max) } else { default }
}

/// The longest URL accepted: longer ones are refused rather than cut.
pub const MAX_URL_LEN: usize = 2048;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParamSpec {
    pub name: &'static str,
    pub kind: Kind,
    /// Shown beside the value: "ms", "threads", ...
    pub unit: &'static str,
    pub help: &'static str,
}

impl ParamSpec {
    pub const fn int(
        name: &'static str,
        min: i64,
        max: i64,
        default: i64,
        unit: &'static str,
        help: &'static str,
    ) -> Self {
        ParamSpec {
            name,
            kind: Kind::Int {
                min,
                max,
                step: 1,
                default,
            },
            unit,
            help,
        }
    }

    pub const fn bool(name: &'static str, default: bool, help: &'static str) -> Self {
        ParamSpec {
            name,
            kind: Kind::Bool { default },
            unit: "",
            help,
        }
    }

    pub const fn urls(name: &'static str, min: i64, max: i64, default: i64, max_list: usize, help: &'static str) -> Self {
        ParamSpec {
            name,
            kind: Kind::Urls { min, max, default, max_list },
            unit: "URLs",
            help,
        }
    }

    pub const fn text(name: &'static str, max_bytes: usize, default: &'static str, help: &'static str) -> Self {
        ParamSpec {
            name,
            kind: Kind::Text { max_bytes, default },
            unit: "",
            help,
        }
    }

    pub const fn choice(
        name: &'static str,
        options: &'static [&'static str],
        default: &'static str,
        help: &'static str,
    ) -> Self {
        ParamSpec {
            name,
            kind: Kind::Choice { options, default },
            unit: "",
            help,
        }
    }

    fn default_value(&self) -> ParamValue {
        match self.kind {
            Kind::Int { default, min, max, .. } => ParamValue::Int(resolve_default(default, min, max)),
            Kind::Bool { default } => ParamValue::Bool(default),
            Kind::Choice { default, .. } => ParamValue::Choice(default),
            Kind::Urls { default, .. } => ParamValue::Urls(Urls::Simulated(default as usize)),
            Kind::Text { default, .. } => ParamValue::Text(default.to_string()),
        }
    }

    /// What the parameter accepts, in words: the second half of every error message.
    pub fn accepts(&self) -> String {
        match self.kind {
            Kind::Int { min, max, .. } => format!("a whole number from {min} to {max}"),
            Kind::Bool { .. } => "true or false".to_string(),
            Kind::Choice { options, .. } => {
                let quoted: Vec<String> = options.iter().map(|o| format!("\"{o}\"")).collect();
                format!("one of {}", quoted.join(", "))
            }
            Kind::Urls { min, max, max_list, .. } => format!(
                "a count of simulated URLs from {min} to {max}, or a list of 1 to {max_list} http(s) URLs"
            ),
            Kind::Text { max_bytes, .. } => format!("a string of at most {} KB ({max_bytes} bytes)", max_bytes / 1024),
        }
    }

    fn check(&self, raw: &Raw) -> Result<ParamValue, ParamError> {
        let refuse = || ParamError {
            param: Some(self.name.to_string()),
            message: format!(
                "parameter \"{}\" must be {}, got {}",
                self.name,
                self.accepts(),
                raw.describe()
            ),
        };
        match (self.kind, raw) {
            (Kind::Int { min, max, .. }, Raw::Number(x)) => {
                let whole = x.is_finite() && x.fract() == 0.0;
                if whole && *x >= min as f64 && *x <= max as f64 {
                    Ok(ParamValue::Int(*x as i64))
                } else {
                    Err(refuse())
                }
            }
            (Kind::Urls { min, max, .. }, Raw::Number(x)) => {
                let whole = x.is_finite() && x.fract() == 0.0;
                if whole && *x >= min as f64 && *x <= max as f64 {
                    Ok(ParamValue::Urls(Urls::Simulated(*x as usize)))
                } else {
                    Err(refuse())
                }
            }
            (Kind::Urls { max_list, .. }, Raw::List(items)) => {
                if items.is_empty() || items.len() > max_list {
                    return Err(refuse());
                }
                let mut urls = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    match item {
                        Raw::Text(url) if url_is_fetchable(url) => urls.push(url.clone()),
                        other => {
                            return Err(ParamError {
                                param: Some(self.name.to_string()),
                                message: format!(
                                    "parameter \"{}\": item {} must be an http:// or https:// URL \
                                     (or a path starting with /) of at most {MAX_URL_LEN} characters, got {}",
                                    self.name,
                                    i + 1,
                                    other.describe()
                                ),
                            })
                        }
                    }
                }
                Ok(ParamValue::Urls(Urls::Real(urls)))
            }
            (Kind::Text { max_bytes, .. }, Raw::Text(t)) => {
                if t.len() > max_bytes {
                    Err(ParamError {
                        param: Some(self.name.to_string()),
                        message: format!(
                            "parameter \"{}\" must be {}, got a string of {} bytes",
                            self.name,
                            self.accepts(),
                            t.len()
                        ),
                    })
                } else {
                    Ok(ParamValue::Text(t.clone()))
                }
            }
            (Kind::Bool { .. }, Raw::Bool(b)) => Ok(ParamValue::Bool(*b)),
            (Kind::Choice { options, .. }, Raw::Text(t)) => options
                .iter()
                .find(|o| **o == t.as_str())
                .map(|o| ParamValue::Choice(o))
                .ok_or_else(refuse),
            _ => Err(refuse()),
        }
    }
}

/// A value as the caller sent it, before validation (JS values are mapped onto this in lib.rs).
#[derive(Debug, Clone, PartialEq)]
pub enum Raw {
    Number(f64),
    Bool(bool),
    Text(String),
    Null,
    /// An array, its items mapped the same way.
    List(Vec<Raw>),
    /// Anything else, described in words: "an array", "an object", ...
    Other(&'static str),
}

impl Raw {
    fn describe(&self) -> String {
        match self {
            Raw::Number(x) if x.is_nan() => "NaN".into(),
            Raw::Number(x) if x.is_infinite() => {
                if *x > 0.0 { "Infinity".into() } else { "-Infinity".into() }
            }
            Raw::Number(x) => format!("{x}"),
            Raw::Bool(b) => format!("{b}"),
            Raw::Text(t) => {
                let short: String = t.chars().take(40).collect();
                let more = if t.chars().count() > 40 { "..." } else { "" };
                format!("the string {:?}", format!("{short}{more}"))
            }
            Raw::Null => "null".into(),
            Raw::List(items) => format!("an array of {} items", items.len()),
            Raw::Other(what) => (*what).into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum ParamValue {
    Int(i64),
    Bool(bool),
    Choice(&'static str),
    Urls(Urls),
    Text(String),
}

/// What a `urls` parameter asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Urls {
    Simulated(usize),
    Real(Vec<String>),
}

/// Only the web's own schemes: no `javascript:`, `data:` or `file:` URLs.
fn url_is_fetchable(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    let host_ok = rest.is_some_and(|r| r.chars().next().is_some_and(|c| c.is_ascii_alphanumeric() || c == '['));
    let path_ok = url.starts_with('/') && !url.starts_with("//");
    (host_ok || path_ok) && url.len() <= MAX_URL_LEN && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// A refused input. `param` names the parameter when there is one to name.
#[derive(Debug, Clone, PartialEq)]
pub struct ParamError {
    pub param: Option<String>,
    pub message: String,
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl ParamError {
    pub fn general(message: impl Into<String>) -> Self {
        ParamError {
            param: None,
            message: message.into(),
        }
    }
}

/// Validated parameters: every parameter of the schema, defaults filled in.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    values: BTreeMap<&'static str, ParamValue>,
}

impl Params {
    pub fn int(&self, name: &str) -> i64 {
        match self.values.get(name) {
            Some(ParamValue::Int(v)) => *v,
            other => unreachable_param(name, other),
        }
    }

    pub fn count(&self, name: &str) -> usize {
        // Schemas give counts a minimum of 0 or more, so the cast cannot wrap.
        self.int(name).max(0) as usize
    }

    pub fn ms(&self, name: &str) -> f64 {
        self.int(name) as f64
    }

    pub fn flag(&self, name: &str) -> bool {
        match self.values.get(name) {
            Some(ParamValue::Bool(v)) => *v,
            other => unreachable_param(name, other),
        }
    }

    pub fn urls(&self, name: &str) -> &Urls {
        match self.values.get(name) {
            Some(ParamValue::Urls(v)) => v,
            other => unreachable_param(name, other),
        }
    }

    pub fn text(&self, name: &str) -> &str {
        match self.values.get(name) {
            Some(ParamValue::Text(v)) => v,
            other => unreachable_param(name, other),
        }
    }

    pub fn choice(&self, name: &str) -> &'static str {
        match self.values.get(name) {
            Some(ParamValue::Choice(v)) => v,
            other => unreachable_param(name, other),
        }
    }

    pub fn to_json(&self) -> Value {
        let mut map = Map::new();
        for (name, value) in &self.values {
            let v = match value {
                ParamValue::Int(i) => Value::from(*i),
                ParamValue::Bool(b) => Value::from(*b),
                ParamValue::Choice(c) => Value::from(*c),
                ParamValue::Urls(Urls::Simulated(n)) => Value::from(*n),
                ParamValue::Urls(Urls::Real(list)) => Value::from(list.clone()),
                ParamValue::Text(t) => Value::from(t.clone()),
            };
            map.insert((*name).to_string(), v);
        }
        Value::Object(map)
    }
}

// A demo asking for a parameter its own schema lacks is a bug in that demo, caught by
// the native tests that run every demo with its defaults.
fn unreachable_param(name: &str, found: Option<&ParamValue>) -> ! {
    panic!("demo read parameter {name:?} as the wrong type or without declaring it: {found:?}")
}

/// Checks what the caller sent against `specs`: unknown names and bad values are refused.
pub fn validate(demo: &str, specs: &[ParamSpec], given: &[(String, Raw)]) -> Result<Params, ParamError> {
    let mut values: BTreeMap<&'static str, ParamValue> =
        specs.iter().map(|s| (s.name, s.default_value())).collect();
    for (name, raw) in given {
        let Some(spec) = specs.iter().find(|s| s.name == name) else {
            let known: Vec<&str> = specs.iter().map(|s| s.name).collect();
            let short: String = name.chars().take(40).collect();
            return Err(ParamError {
                param: Some(short.clone()),
                message: format!(
                    "unknown parameter \"{short}\" for demo \"{demo}\"; its parameters are: {}",
                    known.join(", ")
                ),
            });
        };
        values.insert(spec.name, spec.check(raw)?);
    }
    Ok(Params { values })
}

/// The schema as the page's JS API publishes it.
#[derive(Serialize)]
pub struct ParamSchema {
    name: &'static str,
    #[serde(rename = "type")]
    ty: &'static str,
    default: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    min: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    step: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    options: Option<&'static [&'static str]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_list: Option<usize>,
    unit: &'static str,
    help: &'static str,
}

impl From<&ParamSpec> for ParamSchema {
    fn from(spec: &ParamSpec) -> Self {
        let mut max_list = None;
        let (ty, default, min, max, step, options) = match spec.kind {
            Kind::Int { min, max, step, default } => {
                ("int", Value::from(resolve_default(default, min, max)), Some(min), Some(max), Some(step), None)
            }
            Kind::Bool { default } => ("bool", Value::from(default), None, None, None, None),
            Kind::Choice { options, default } => {
                ("choice", Value::from(default), None, None, None, Some(options))
            }
            Kind::Urls { min, max, default, max_list: list } => {
                max_list = Some(list);
                ("urls", Value::from(default), Some(min), Some(max), Some(1), None)
            }
            Kind::Text { max_bytes, default } => ("text", Value::from(default), None, Some(max_bytes as i64), None, None),
        };
        ParamSchema {
            name: spec.name,
            ty,
            default,
            min,
            max,
            step,
            options,
            max_list,
            unit: spec.unit,
            help: spec.help,
        }
    }
}

/// Declares a demo's parameters once, as a struct with one typed field per parameter:
///
/// ```ignore
/// demo_params! {
///     pub struct Values {
///         tasks: usize = int(1, 16, 4, "tasks", "How many tasks."),
///         gil: bool = bool(true, "Whether threads share one lock."),
///     }
/// }
/// ```
///
/// gives `PARAMS` (the schema the API validates against and publishes: each entry is the
/// `ParamSpec` constructor of that name, the field's name first) and `Values::read(params)`,
/// which reads every field from validated parameters by its type (see `Read`). A demo
/// then names its parameters as fields: a typo is a compile error, not a panic at run time.
#[macro_export]
macro_rules! demo_params {
    ($vis:vis struct $name:ident { $($field:ident: $ty:ty = $kind:ident($($arg:expr),* $(,)?)),* $(,)? }) => {
        pub const PARAMS: &[$crate::params::ParamSpec] = &[$($crate::params::ParamSpec::$kind(stringify!($field), $($arg),*)),*];

        /// This demo's parameters, validated, one field each (declared with `PARAMS`).
        $vis struct $name {
            $(pub $field: $ty),*
        }

        impl $name {
            pub fn read(params: &$crate::params::Params) -> Self {
                $name { $($field: $crate::params::Read::read(params, stringify!($field))),* }
            }
        }
    };
}

/// How a typed parameter (see `demo_params!`) is read from validated parameters: counts
/// and sizes as unsigned numbers, durations in ms as `f64`, a choice as its option.
pub trait Read: Sized {
    fn read(params: &Params, name: &str) -> Self;
}

impl Read for usize {
    fn read(params: &Params, name: &str) -> Self {
        params.count(name)
    }
}

impl Read for u32 {
    fn read(params: &Params, name: &str) -> Self {
        // Within the schema's range, which the demos keep small and non-negative.
        u32::try_from(params.int(name)).unwrap_or(0)
    }
}

impl Read for u64 {
    fn read(params: &Params, name: &str) -> Self {
        u64::try_from(params.int(name)).unwrap_or(0)
    }
}

impl Read for i64 {
    fn read(params: &Params, name: &str) -> Self {
        params.int(name)
    }
}

impl Read for f64 {
    fn read(params: &Params, name: &str) -> Self {
        params.ms(name)
    }
}

impl Read for bool {
    fn read(params: &Params, name: &str) -> Self {
        params.flag(name)
    }
}

impl Read for &'static str {
    fn read(params: &Params, name: &str) -> Self {
        params.choice(name)
    }
}

impl Read for Urls {
    fn read(params: &Params, name: &str) -> Self {
        params.urls(name).clone()
    }
}

impl Read for String {
    fn read(params: &Params, name: &str) -> Self {
        params.text(name).to_string()
    }
}
