//! What Python's operators and protocols do to values: attributes, items, arithmetic,
//! comparison, truth, iteration, str/repr and hashing.
//!
//! Where a user class defines the special method, the operation becomes a call (`Attr::Call`)
//! that the interpreter loop makes like any other, so a thread can switch inside it.

use std::cmp::Ordering;
use std::sync::Arc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::code::{BinOp, CmpOp, UnOp};
use crate::value::*;
use crate::vm::{Ctl, Vm, R};

pub enum Attr {
    Value(Value),
    Call(Value, Args),
}

type AR = Result<Attr, Ctl>;

pub fn type_of(vm: &Vm, v: &Value) -> Arc<Class> {
    let t = &vm.types;
    match v {
        Value::None => t.none.clone(),
        Value::Bool(_) => t.bool_.clone(),
        Value::Int(_) | Value::BigInt(_) => t.int.clone(),
        Value::Float(_) => t.float.clone(),
        Value::Str(_) => t.str_.clone(),
        Value::Bytes(_) => t.bytes.clone(),
        Value::Tuple(_) => t.tuple.clone(),
        Value::List(_) => t.list.clone(),
        Value::Dict(_) => t.dict.clone(),
        Value::Set(s) => if s.frozen { t.frozenset.clone() } else { t.set.clone() },
        Value::Func(_) => t.function.clone(),
        Value::Builtin(_) => t.builtin.clone(),
        Value::Method(_) => t.method.clone(),
        Value::Class(_) => t.type_.clone(),
        Value::Instance(i) => i.class.clone(),
        Value::Module(_) => t.module.clone(),
        Value::Gen(g) => if g.coroutine { t.coroutine.clone() } else { t.generator.clone() },
        Value::Cell(_) => t.cell.clone(),
        Value::Code(_) => t.code.clone(),
        Value::Range(_) => t.range.clone(),
        Value::Iter(it) => {
            let kind = match &*it.lock() {
                NativeIter::Seq { seq: Value::List(_), .. } => "list_iterator",
                NativeIter::Seq { seq: Value::Tuple(_), .. } => "tuple_iterator",
                NativeIter::Seq { seq: Value::Str(s), .. } => if s.is_ascii() { "str_ascii_iterator" } else { "str_iterator" },
                NativeIter::Seq { seq: Value::Bytes(_), .. } => "bytes_iterator",
                NativeIter::Range { .. } => "range_iterator",
                NativeIter::DictKeys { .. } => "dict_keyiterator",
                NativeIter::SetItems { .. } => "set_iterator",
                NativeIter::Enumerate { .. } => "enumerate",
                NativeIter::Zip(_) => "zip",
                NativeIter::Map { .. } => "map",
                NativeIter::Filter { .. } => "filter",
                NativeIter::Reversed { .. } => "list_reverseiterator",
                NativeIter::Callable { .. } => "callable_iterator",
                _ => "iterator",
            };
            match crate::vm::ITER_KINDS.iter().position(|k| *k == kind) {
                Some(i) => t.iter_kinds[i].clone(),
                None => t.iterator.clone(),
            }
        }
        Value::Slice(_) => t.slice.clone(),
        Value::Lock(l) if l.reentrant => t.rlock.clone(),
        Value::Lock(_) => t.lock.clone(),
        Value::Wrapper(w) => match **w {
            Wrapper::Property { .. } => t.property.clone(),
            Wrapper::StaticMethod(_) => t.staticmethod.clone(),
            Wrapper::ClassMethod(_) => t.classmethod.clone(),
        },
        Value::Super(_) => t.super_.clone(),
        Value::Ellipsis => t.ellipsis.clone(),
        Value::NotImplemented => t.notimpl.clone(),
    }
}

pub fn type_name(vm: &Vm, v: &Value) -> String {
    type_of(vm, v).name.to_string()
}

pub fn is_instance_of(vm: &Vm, v: &Value, class_name: &str) -> bool {
    let c = type_of(vm, v);
    std::iter::once(&c).chain(c.mro.iter()).any(|k| &*k.name == class_name)
}

pub fn is_instance(vm: &Vm, v: &Value, cls: &Arc<Class>) -> bool {
    let t = type_of(vm, v);
    if t.is_subclass(cls) {
        return true;
    }
    // bool is an int
    matches!(v, Value::Bool(_)) && Arc::ptr_eq(cls, &vm.types.int)
}

/// A special method defined by a user class (looked up on the type, as Python does).
pub fn lookup_special(vm: &Vm, v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Instance(i) => i.class.lookup(name),
        _ => {
            let t = type_of(vm, v);
            t.lookup(name)
        }
    }
}

/// `type(v).name` bound to `v`.
pub fn bound_special(vm: &Vm, v: &Value, name: &str) -> Option<Value> {
    let f = lookup_special(vm, v, name)?;
    Some(bind(vm, f, v))
}

fn bind(_vm: &Vm, f: Value, obj: &Value) -> Value {
    match &f {
        Value::Func(_) | Value::Builtin(_) => Value::Method(Arc::new((f, obj.clone()))),
        Value::Wrapper(w) => match &**w {
            Wrapper::StaticMethod(inner) => inner.clone(),
            Wrapper::ClassMethod(inner) => Value::Method(Arc::new((inner.clone(), Value::Class(class_of_obj(_vm, obj))))),
            Wrapper::Property { .. } => f,
        },
        _ => f,
    }
}

fn class_of_obj(vm: &Vm, obj: &Value) -> Arc<Class> {
    match obj {
        Value::Class(c) => c.clone(),
        other => type_of(vm, other),
    }
}

pub fn get_attr(vm: &mut Vm, obj: &Value, name: &str) -> AR {
    get_attr_with(vm, obj, name, true)
}

/// Attribute lookup; `fallback` says whether an instance's `__getattr__` may be called
/// (`object.__getattribute__` does not).
pub fn get_attr_with(vm: &mut Vm, obj: &Value, name: &str, fallback: bool) -> AR {
    match obj {
        Value::Instance(inst) => {
            let class_attr = inst.class.lookup(name);
            if let Some(Value::Wrapper(w)) = &class_attr {
                if let Wrapper::Property { fget, .. } = &**w {
                    return Ok(Attr::Call(fget.clone(), Args::new(vec![obj.clone()])));
                }
            }
            if let Some(v) = inst.attrs.lock().get(name) {
                return Ok(Attr::Value(v.clone()));
            }
            if name == "__class__" {
                return Ok(Attr::Value(Value::Class(inst.class.clone())));
            }
            if name == "__dict__" {
                let d: Dict = inst.attrs.lock().iter().map(|(k, v)| (Key { hash: hash_str(k), value: Value::Str(k.clone()), canon: 0 }, v.clone())).collect();
                return Ok(Attr::Value(Value::dict(d)));
            }
            if let Some(v) = class_attr {
                return Ok(Attr::Value(bind(vm, v, obj)));
            }
            if let Some(ga) = inst.class.lookup("__getattr__").filter(|_| fallback) {
                return Ok(Attr::Call(ga, Args::new(vec![obj.clone(), Value::str(name)])));
            }
            if crate::ops::is_instance_of(vm, obj, "BaseException") {
                match name {
                    "__traceback__" | "__cause__" | "__context__" => return Ok(Attr::Value(Value::None)),
                    "__suppress_context__" => return Ok(Attr::Value(Value::Bool(false))),
                    "code" if crate::ops::is_instance_of(vm, obj, "SystemExit") => {
                        let args = exc_args(obj);
                        return Ok(Attr::Value(match args.len() {
                            0 => Value::None,
                            1 => args[0].clone(),
                            _ => Value::tuple(args),
                        }));
                    }
                    _ => {}
                }
            }
            Err(vm.err("AttributeError", format!("'{}' object has no attribute '{}'", inst.class.name, name)))
        }
        Value::Class(c) => {
            if name == "__dict__" {
                let d: Dict = c.dict.lock().iter().map(|(k, v)| (Key { hash: hash_str(k), value: Value::Str(k.clone()), canon: 0 }, v.clone())).collect();
                return Ok(Attr::Value(Value::dict(d)));
            }
            if let Some(v) = c.dict.lock().get(name).cloned() {
                if name == "__name__" || name == "__qualname__" {
                    return Ok(Attr::Value(v));
                }
            }
            match name {
                "__name__" => return Ok(Attr::Value(Value::Str(c.name.clone()))),
                "__qualname__" => return Ok(Attr::Value(Value::Str(c.qualname.clone()))),
                "__mro__" => {
                    let mut v = vec![Value::Class(c.clone())];
                    v.extend(c.mro.iter().map(|k| Value::Class(k.clone())));
                    return Ok(Attr::Value(Value::tuple(v)));
                }
                "__bases__" => return Ok(Attr::Value(Value::tuple(c.bases.iter().map(|k| Value::Class(k.clone())).collect()))),
                "__module__" if c.lookup("__module__").is_none() => return Ok(Attr::Value(Value::Str(c.module.clone()))),
                _ => {}
            }
            match c.lookup(name) {
                Some(Value::Wrapper(w)) => match &*w {
                    Wrapper::StaticMethod(f) => Ok(Attr::Value(f.clone())),
                    Wrapper::ClassMethod(f) => Ok(Attr::Value(Value::Method(Arc::new((f.clone(), obj.clone()))))),
                    Wrapper::Property { .. } => Ok(Attr::Value(Value::Wrapper(w.clone()))),
                },
                Some(v) => Ok(Attr::Value(v)),
                None => Err(vm.err("AttributeError", format!("type object '{}' has no attribute '{}'", c.name, name))),
            }
        }
        Value::Module(m) => match m.dict.lock().get(name) {
            Some(v) => Ok(Attr::Value(v.clone())),
            None => {
                if name == "__name__" {
                    return Ok(Attr::Value(Value::Str(m.name.clone())));
                }
                Err(vm.err("AttributeError", format!("module '{}' has no attribute '{}'", m.name, name)))
            }
        },
        Value::Func(f) if f.attrs.lock().contains_key(name) => Ok(Attr::Value(f.attrs.lock().get(name).cloned().unwrap())),
        Value::Func(f) => match name {
            "__name__" => Ok(Attr::Value(Value::Str(f.name.clone()))),
            "__qualname__" => Ok(Attr::Value(Value::Str(f.qualname.clone()))),
            "__module__" => Ok(Attr::Value(f.globals.dict.lock().get("__name__").cloned().unwrap_or(Value::None))),
            "__doc__" => Ok(Attr::Value(f.code.doc.clone().map(Value::Str).unwrap_or(Value::None))),
            "__code__" => Ok(Attr::Value(Value::Code(f.code.clone()))),
            "__defaults__" => Ok(Attr::Value(if f.defaults.is_empty() { Value::None } else { Value::tuple(f.defaults.clone()) })),
            _ => match f.attrs.lock().get(name) {
                Some(v) => Ok(Attr::Value(v.clone())),
                None => Err(vm.err("AttributeError", format!("'function' object has no attribute '{name}'"))),
            },
        },
        Value::Code(c) if name.starts_with("co_") => Ok(Attr::Value(match name {
            "co_name" => Value::Str(c.name.clone()),
            "co_qualname" => Value::Str(c.qualname.clone()),
            "co_filename" => Value::Str(c.filename.clone()),
            "co_firstlineno" => Value::Int(c.first_line as i64),
            "co_argcount" => Value::Int(c.argcount as i64),
            "co_kwonlyargcount" => Value::Int(c.kwonly as i64),
            "co_varnames" => Value::tuple(c.varnames.iter().map(|v| Value::Str(v.clone())).collect()),
            "co_flags" => {
                // CPython's flag bits: varargs, varkeywords, generator, coroutine.
                let mut fl = 0x3;
                if c.varargs {
                    fl |= 0x4;
                }
                if c.varkw {
                    fl |= 0x8;
                }
                if c.generator && !c.coroutine {
                    fl |= 0x20;
                }
                if c.coroutine {
                    fl |= if c.generator { 0x200 } else { 0x80 };
                }
                Value::Int(fl)
            }
            _ => return Err(vm.err("AttributeError", format!("'code' object has no attribute '{name}'"))),
        })),
        Value::Builtin(b) if name == "__name__" => Ok(Attr::Value(Value::str(b.name))),
        Value::Method(m) if name == "__self__" => Ok(Attr::Value(m.1.clone())),
        Value::Method(m) if name == "__func__" => Ok(Attr::Value(m.0.clone())),
        Value::Method(m) if name == "__name__" => get_attr(vm, &m.0.clone(), name),
        Value::Gen(g) if name == "__name__" => Ok(Attr::Value(Value::Str(g.name.clone()))),
        Value::Super(s) => {
            let (cls, obj) = (&s.0, &s.1);
            let start = class_of_obj(vm, obj);
            let mro: Vec<Arc<Class>> = std::iter::once(start.clone()).chain(start.mro.iter().cloned()).collect();
            let pos = mro.iter().position(|c| Arc::ptr_eq(c, cls)).map(|p| p + 1).unwrap_or(mro.len());
            for c in &mro[pos..] {
                let v = c.dict.lock().get(name).cloned();
                if let Some(v) = v {
                    return Ok(Attr::Value(match &obj {
                        Value::Class(_) => match &v {
                            Value::Wrapper(w) => match &**w {
                                Wrapper::ClassMethod(f) => Value::Method(Arc::new((f.clone(), obj.clone()))),
                                Wrapper::StaticMethod(f) => f.clone(),
                                _ => v.clone(),
                            },
                            _ => v.clone(),
                        },
                        _ => bind(vm, v, obj),
                    }));
                }
            }
            Err(vm.err("AttributeError", format!("'super' object has no attribute '{name}'")))
        }
        _ => {
            let t = type_of(vm, obj);
            if let Some(v) = t.lookup(name) {
                return Ok(Attr::Value(bind(vm, v, obj)));
            }
            if name == "__class__" {
                return Ok(Attr::Value(Value::Class(t)));
            }
            if let Value::Slice(s) = obj {
                match name {
                    "start" => return Ok(Attr::Value(s.0.clone())),
                    "stop" => return Ok(Attr::Value(s.1.clone())),
                    "step" => return Ok(Attr::Value(s.2.clone())),
                    _ => {}
                }
            }
            if let Value::Range(r) = obj {
                match name {
                    "start" => return Ok(Attr::Value(Value::Int(r.0))),
                    "stop" => return Ok(Attr::Value(Value::Int(r.1))),
                    "step" => return Ok(Attr::Value(Value::Int(r.2))),
                    _ => {}
                }
            }
            Err(vm.err("AttributeError", format!("'{}' object has no attribute '{}'", t.name, name)))
        }
    }
}

/// Sets an attribute; returns a call to make when a property setter handles it.
pub fn set_attr(vm: &mut Vm, obj: &Value, name: &str, v: Value) -> Result<Option<(Value, Args)>, Ctl> {
    match obj {
        Value::Instance(inst) => {
            if let Some(Value::Wrapper(w)) = inst.class.lookup(name) {
                if let Wrapper::Property { fset, .. } = &*w {
                    if fset.is_none() {
                        return Err(vm.err("AttributeError", format!("property '{name}' of '{}' object has no setter", inst.class.name)));
                    }
                    return Ok(Some((fset.clone(), Args::new(vec![obj.clone(), v]))));
                }
            }
            if let Some(sa) = inst.class.lookup("__setattr__") {
                return Ok(Some((sa, Args::new(vec![obj.clone(), Value::str(name), v]))));
            }
            inst.attrs.lock().insert(Arc::from(name), v);
            Ok(None)
        }
        Value::Class(c) => {
            c.dict.lock().insert(Arc::from(name), v);
            Ok(None)
        }
        Value::Module(m) => {
            m.dict.lock().insert(Arc::from(name), v);
            Ok(None)
        }
        Value::Func(f) => {
            f.attrs.lock().insert(Arc::from(name), v);
            Ok(None)
        }
        _ => Err(vm.err("AttributeError", format!("'{}' object has no attribute '{}'", type_name(vm, obj), name))),
    }
}

pub fn del_attr(vm: &mut Vm, obj: &Value, name: &str) -> Result<(), Ctl> {
    if let Value::Instance(inst) = obj {
        if inst.attrs.lock().shift_remove(name).is_some() {
            return Ok(());
        }
    }
    Err(vm.err("AttributeError", format!("'{}' object has no attribute '{}'", type_name(vm, obj), name)))
}

// ----- numbers -----

pub fn to_index(vm: &Vm, v: &Value) -> Result<i64, Ctl> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => Err(vm.err("OverflowError", "Python int too large to convert to C ssize_t")),
        other => Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", type_name(vm, other)))),
    }
}

fn int_result(b: BigInt) -> Value {
    Value::from_big(b)
}

fn to_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::BigInt(b) => b.to_f64(),
        Value::Float(f) => Some(*f),
        _ => None,
    }
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

fn op_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::MatMul => "@",
        BinOp::TrueDiv => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "** or pow()",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::And => "&",
        BinOp::Or => "|",
        BinOp::Xor => "^",
    }
}

fn dunder(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
        BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::And => ("__and__", "__rand__", "__iand__"),
        BinOp::Or => ("__or__", "__ror__", "__ior__"),
        BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
    }
}

pub fn binary(vm: &mut Vm, op: BinOp, a: &Value, b: &Value, inplace: bool) -> AR {
    // Fast path: small ints.
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        let (x, y) = (*x, *y);
        let r = match op {
            BinOp::Add => x.checked_add(y),
            BinOp::Sub => x.checked_sub(y),
            BinOp::Mul => x.checked_mul(y),
            BinOp::And => Some(x & y),
            BinOp::Or => Some(x | y),
            BinOp::Xor => Some(x ^ y),
            BinOp::FloorDiv if y != 0 => x.checked_div_euclid(y).map(|_| Integer::div_floor(&x, &y)),
            BinOp::Mod if y != 0 => Some(x.mod_floor(&y)),
            _ => None,
        };
        if let Some(r) = r {
            return Ok(Attr::Value(Value::Int(r)));
        }
    }
    if matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)) {
        let (l, r, i) = dunder(op);
        if inplace {
            if let Some(f) = lookup_special(vm, a, i) {
                return Ok(Attr::Call(f, Args::new(vec![a.clone(), b.clone()])));
            }
        }
        if let (Value::Instance(_), Some(f)) = (a, lookup_special(vm, a, l)) {
            return Ok(Attr::Call(f, Args::new(vec![a.clone(), b.clone()])));
        }
        if let (Value::Instance(_), Some(f)) = (b, lookup_special(vm, b, r)) {
            return Ok(Attr::Call(f, Args::new(vec![b.clone(), a.clone()])));
        }
    }
    binary_native(vm, op, a, b, inplace).map(Attr::Value)
}

pub fn binary_native(vm: &mut Vm, op: BinOp, a: &Value, b: &Value, inplace: bool) -> R {
    let unsupported = |vm: &Vm| {
        let seq = |v: &Value| matches!(v, Value::Str(_) | Value::Bytes(_) | Value::List(_) | Value::Tuple(_));
        if op == BinOp::Add && matches!(a, Value::Bytes(_)) && !matches!(b, Value::Instance(_)) {
            return vm.type_error(format!("can't concat {} to bytes", type_name(vm, b)));
        }
        if op == BinOp::Add && seq(a) && !matches!(b, Value::Instance(_)) {
            return vm.type_error(format!("can only concatenate {} (not \"{}\") to {}", type_name(vm, a), type_name(vm, b), type_name(vm, a)));
        }
        if op == BinOp::Mul && (seq(a) || seq(b)) && !matches!(a, Value::Instance(_)) && !matches!(b, Value::Instance(_)) {
            let other = if seq(a) { b } else { a };
            return vm.type_error(format!("can't multiply sequence by non-int of type '{}'", type_name(vm, other)));
        }
        vm.type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            if inplace { format!("{}=", op_symbol(op).split(' ').next().unwrap_or("")) } else { op_symbol(op).to_string() },
            type_name(vm, a),
            type_name(vm, b)
        ))
    };
    if is_int(a) && is_int(b) {
        let x = a.to_bigint().unwrap();
        let y = b.to_bigint().unwrap();
        return Ok(match op {
            BinOp::Add => int_result(x + y),
            BinOp::Sub => int_result(x - y),
            BinOp::Mul => int_result(x * y),
            BinOp::TrueDiv => {
                if y.is_zero() {
                    return Err(vm.err("ZeroDivisionError", "division by zero"));
                }
                match int_true_div(&x, &y) {
                    Some(v) => Value::Float(v),
                    None => return Err(vm.err("OverflowError", "integer division result too large for a float")),
                }
            }
            BinOp::FloorDiv => {
                if y.is_zero() {
                    return Err(vm.err("ZeroDivisionError", "integer division or modulo by zero"));
                }
                int_result(x.div_floor(&y))
            }
            BinOp::Mod => {
                if y.is_zero() {
                    return Err(vm.err("ZeroDivisionError", "integer modulo by zero"));
                }
                int_result(x.mod_floor(&y))
            }
            BinOp::Pow => {
                if y.is_negative() {
                    let (fx, fy) = (x.to_f64().unwrap_or(f64::INFINITY), y.to_f64().unwrap_or(f64::NEG_INFINITY));
                    if fx == 0.0 {
                        return Err(vm.err("ZeroDivisionError", "0.0 cannot be raised to a negative power"));
                    }
                    Value::Float(fx.powf(fy))
                } else {
                    let e = y.to_u32().ok_or_else(|| vm.err("OverflowError", "exponent too large"))?;
                    if x.bits() as u64 * e as u64 > 4_000_000 {
                        return Err(vm.err("MemoryError", "the result would be too large for this playground"));
                    }
                    int_result(num_traits::pow::Pow::pow(&x, e))
                }
            }
            BinOp::LShift => {
                let s = y.to_i64().unwrap_or(i64::MAX);
                if s < 0 {
                    return Err(vm.value_error("negative shift count"));
                }
                if s > 1_000_000 {
                    return Err(vm.err("MemoryError", "the result would be too large for this playground"));
                }
                int_result(x << s as usize)
            }
            BinOp::RShift => {
                let s = y.to_i64().unwrap_or(i64::MAX);
                if s < 0 {
                    return Err(vm.value_error("negative shift count"));
                }
                int_result(if s > 100_000 { if x.is_negative() { BigInt::from(-1) } else { BigInt::zero() } } else { x >> s as usize })
            }
            BinOp::And => int_result(x & y),
            BinOp::Or => int_result(x | y),
            BinOp::Xor => int_result(x ^ y),
            BinOp::MatMul => return Err(unsupported(vm)),
        });
    }
    if let (Some(x), Some(y)) = (to_f64(a), to_f64(b)) {
        if matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)) {
            // An int beyond the floats (num-bigint gives infinity) is refused, as CPython does.
            if (matches!(a, Value::BigInt(_)) && x.is_infinite()) || (matches!(b, Value::BigInt(_)) && y.is_infinite()) {
                return Err(vm.err("OverflowError", "int too large to convert to float"));
            }
            return Ok(Value::Float(match op {
                BinOp::Add => x + y,
                BinOp::Sub => x - y,
                BinOp::Mul => x * y,
                BinOp::TrueDiv => {
                    if y == 0.0 {
                        return Err(vm.err("ZeroDivisionError", "float division by zero"));
                    }
                    x / y
                }
                BinOp::FloorDiv => {
                    if y == 0.0 {
                        return Err(vm.err("ZeroDivisionError", "float floor division by zero"));
                    }
                    (x / y).floor()
                }
                BinOp::Mod => {
                    if y == 0.0 {
                        return Err(vm.err("ZeroDivisionError", "float modulo"));
                    }
                    let m = x % y;
                    if m != 0.0 && ((m < 0.0) != (y < 0.0)) { m + y } else { m }
                }
                BinOp::Pow => {
                    if x == 0.0 && y < 0.0 {
                        return Err(vm.err("ZeroDivisionError", "0.0 cannot be raised to a negative power"));
                    }
                    x.powf(y)
                }
                _ => return Err(unsupported(vm)),
            }));
        }
    }
    match (op, a, b) {
        (BinOp::Add, Value::Str(x), Value::Str(y)) => {
            let mut s = String::with_capacity(x.len() + y.len());
            s.push_str(x);
            s.push_str(y);
            Ok(Value::str(&s))
        }
        (BinOp::Add, Value::Bytes(x), Value::Bytes(y)) => {
            let mut v = Vec::with_capacity(x.len() + y.len());
            v.extend_from_slice(x);
            v.extend_from_slice(y);
            Ok(Value::Bytes(v.into()))
        }
        (BinOp::Add, Value::List(x), Value::List(y)) => {
            if inplace {
                let items = y.lock().clone();
                x.lock().extend(items);
                return Ok(a.clone());
            }
            let mut v = x.lock().clone();
            v.extend(y.lock().iter().cloned());
            Ok(Value::list(v))
        }
        (BinOp::Add, Value::List(x), _) if inplace => {
            let items = collect(vm, b)?;
            x.lock().extend(items);
            Ok(a.clone())
        }
        (BinOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
            let mut v = (**x).clone();
            v.extend(y.iter().cloned());
            Ok(Value::tuple(v))
        }
        (BinOp::Mul, Value::Str(_) | Value::Bytes(_) | Value::List(_) | Value::Tuple(_), _) if is_int(b) => repeat(vm, a, b),
        (BinOp::Mul, _, Value::Str(_) | Value::Bytes(_) | Value::List(_) | Value::Tuple(_)) if is_int(a) => repeat(vm, b, a),
        (BinOp::Mod, Value::Str(fmt), _) => percent(vm, fmt, b),
        (BinOp::Or, Value::Dict(x), Value::Dict(y)) => {
            let mut d = x.lock().clone();
            for (k, v) in y.lock().iter() {
                d.insert(k.clone(), v.clone());
            }
            if inplace {
                *x.lock() = d;
                return Ok(a.clone());
            }
            Ok(Value::dict(d))
        }
        (BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor, Value::Set(x), Value::Set(y)) => {
            let xs = x.items.lock().clone();
            let ys = y.items.lock().clone();
            let out: KeySet = match op {
                BinOp::Or => xs.into_iter().chain(ys).collect(),
                BinOp::And => xs.into_iter().filter(|(k, _)| ys.contains_key(k)).collect(),
                BinOp::Sub => xs.into_iter().filter(|(k, _)| !ys.contains_key(k)).collect(),
                _ => {
                    let mut o: KeySet = xs.iter().filter(|(k, _)| !ys.contains_key(*k)).map(|(k, _)| (k.clone(), ())).collect();
                    o.extend(ys.iter().filter(|(k, _)| !xs.contains_key(*k)).map(|(k, _)| (k.clone(), ())));
                    o
                }
            };
            if inplace && !x.frozen {
                *x.items.lock() = out;
                return Ok(a.clone());
            }
            Ok(Value::Set(Arc::new(PySet { frozen: x.frozen, items: PyCell::new(out) })))
        }
        _ => Err(unsupported(vm)),
    }
}

/// `x / y` for ints, correctly rounded as CPython's (not the quotient of two rounded floats:
/// `(2**53 + 1) / 3`, `10**400 / 10**399`). None: too large for a float.
fn int_true_div(x: &BigInt, y: &BigInt) -> Option<f64> {
    if let (Some(a), Some(b)) = (x.to_i64(), y.to_i64()) {
        if a.unsigned_abs() < (1u64 << 53) && b.unsigned_abs() < (1u64 << 53) {
            return Some(a as f64 / b as f64);
        }
    }
    let negative = x.is_negative() != y.is_negative();
    let (a, b) = (x.magnitude(), y.magnitude());
    if a.is_zero() {
        return Some(if negative { -0.0 } else { 0.0 });
    }
    // Scale so that the integer quotient has 55 or 56 bits, then round it to 53 by hand
    // (half to even, the remainder as a sticky bit): value = q * 2^shift.
    let shift = a.bits() as i64 - b.bits() as i64 - 55;
    let (n, d) = if shift >= 0 { (a.clone(), b << shift as usize) } else { (a << (-shift) as usize, b.clone()) };
    let (q, r) = n.div_rem(&d);
    let q = q.to_u64()?;
    let drop = (64 - q.leading_zeros()).saturating_sub(53);
    let mut m = q >> drop;
    if drop > 0 {
        let rest = q & ((1u64 << drop) - 1);
        let half = 1u64 << (drop - 1);
        if rest > half || (rest == half && (!r.is_zero() || m & 1 == 1)) {
            m += 1;
        }
    }
    let v = ldexp(m as f64, shift + i64::from(drop));
    if v.is_infinite() {
        return None;
    }
    Some(if negative { -v } else { v })
}

/// `v * 2**e`, exact unless the result overflows or is subnormal.
pub fn ldexp(mut v: f64, mut e: i64) -> f64 {
    while e > 1000 {
        v *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        v *= 2f64.powi(-1000);
        e += 1000;
    }
    v * 2f64.powi(e as i32)
}

fn repeat(vm: &Vm, seq: &Value, n: &Value) -> R {
    let n = to_index(vm, n)?.max(0) as usize;
    let len = match seq {
        Value::Str(s) => s.len(),
        Value::Bytes(b) => b.len(),
        Value::List(l) => l.lock().len(),
        Value::Tuple(t) => t.len(),
        _ => 0,
    };
    if len.saturating_mul(n) > 50_000_000 {
        return Err(vm.err("MemoryError", "the result would be too large for this playground"));
    }
    Ok(match seq {
        Value::Str(s) => Value::str(&s.repeat(n)),
        Value::Bytes(b) => Value::Bytes(b.repeat(n).into()),
        Value::List(l) => {
            let items = l.lock().clone();
            let mut v = Vec::with_capacity(items.len() * n);
            for _ in 0..n {
                v.extend(items.iter().cloned());
            }
            Value::list(v)
        }
        Value::Tuple(t) => {
            let mut v = Vec::with_capacity(t.len() * n);
            for _ in 0..n {
                v.extend(t.iter().cloned());
            }
            Value::tuple(v)
        }
        _ => Value::None,
    })
}

fn percent(vm: &mut Vm, fmt: &str, args: &Value) -> R {
    use crate::format::PercentArg;
    let mut fmt = std::borrow::Cow::Borrowed(fmt);
    let items = match args {
        Value::Tuple(t) => (**t).clone(),
        Value::Dict(_) | Value::Instance(_) if fmt.contains("%(") => {
            // `%(name)s` with a mapping: rewritten as positional conversions of the values.
            let (mut out, mut vals) = (String::new(), Vec::new());
            let mut rest = &*fmt;
            while let Some(p) = rest.find('%') {
                out.push_str(&rest[..p]);
                rest = &rest[p..];
                if rest.starts_with("%%") {
                    out.push_str("%%");
                    rest = &rest[2..];
                } else if rest.starts_with("%(") {
                    let Some(close) = rest.find(')') else { return Err(vm.value_error("incomplete format key")) };
                    let key = Value::str(&rest[2..close]);
                    let v = match get_item(vm, args, &key)? {
                        Attr::Value(v) => v,
                        Attr::Call(f, a) => vm.call(&f, a)?,
                    };
                    vals.push(v);
                    out.push('%');
                    rest = &rest[close + 1..];
                } else {
                    out.push('%');
                    rest = &rest[1..];
                }
            }
            out.push_str(rest);
            fmt = std::borrow::Cow::Owned(out);
            vals
        }
        other => vec![other.clone()],
    };
    let fmt = &*fmt;
    let mut pa = Vec::new();
    for it in &items {
        pa.push(match it {
            Value::Int(_) | Value::BigInt(_) => PercentArg::Int(it.to_bigint().unwrap()),
            Value::Bool(b) => PercentArg::Str(if *b { "True".into() } else { "False".into() }, if *b { "True".into() } else { "False".into() }),
            Value::Float(f) => PercentArg::Float(*f),
            other => PercentArg::Str(to_str(vm, other)?, repr(vm, other)?),
        });
    }
    crate::format::percent_format(fmt, &pa).map(|s| Value::str(&s)).map_err(|m| vm.type_error(m))
}

pub fn unary(vm: &mut Vm, op: UnOp, a: &Value) -> AR {
    Ok(Attr::Value(match (op, a) {
        (UnOp::Neg, Value::Int(i)) => match i.checked_neg() {
            Some(n) => Value::Int(n),
            None => Value::from_big(-BigInt::from(*i)),
        },
        (UnOp::Neg, Value::Bool(b)) => Value::Int(-(*b as i64)),
        (UnOp::Neg, Value::BigInt(b)) => Value::from_big(-(**b).clone()),
        (UnOp::Neg, Value::Float(f)) => Value::Float(-f),
        (UnOp::Pos, Value::Int(_) | Value::BigInt(_) | Value::Float(_)) => a.clone(),
        (UnOp::Pos, Value::Bool(b)) => Value::Int(*b as i64),
        (UnOp::Invert, Value::Int(i)) => Value::Int(!i),
        (UnOp::Invert, Value::Bool(b)) => Value::Int(!(*b as i64)),
        (UnOp::Invert, Value::BigInt(b)) => Value::from_big(-(**b).clone() - 1),
        (_, Value::Instance(_)) => {
            let name = match op {
                UnOp::Neg => "__neg__",
                UnOp::Pos => "__pos__",
                _ => "__invert__",
            };
            if let Some(f) = lookup_special(vm, a, name) {
                return Ok(Attr::Call(f, Args::new(vec![a.clone()])));
            }
            return Err(vm.type_error(format!("bad operand type for unary {}: '{}'", unary_symbol(op), type_name(vm, a))));
        }
        _ => return Err(vm.type_error(format!("bad operand type for unary {}: '{}'", unary_symbol(op), type_name(vm, a)))),
    }))
}

fn unary_symbol(op: UnOp) -> &'static str {
    match op {
        UnOp::Neg => "-",
        UnOp::Pos => "+",
        UnOp::Invert => "~",
        UnOp::Not => "not",
    }
}

// ----- comparison -----

pub fn compare(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> AR {
    if matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)) {
        let (name, rname) = match op {
            CmpOp::Lt => ("__lt__", "__gt__"),
            CmpOp::Le => ("__le__", "__ge__"),
            CmpOp::Gt => ("__gt__", "__lt__"),
            CmpOp::Ge => ("__ge__", "__le__"),
            CmpOp::Eq => ("__eq__", "__eq__"),
            _ => ("__ne__", "__ne__"),
        };
        // As CPython: the left operand's method, then the right one's reflection; a method
        // returning NotImplemented passes on; `!=` falls back to inverting `__eq__`.
        for (x, y, m) in [(a, b, name), (b, a, rname)] {
            if !matches!(x, Value::Instance(_)) {
                continue;
            }
            if let Some(f) = lookup_special(vm, x, m) {
                let r = vm.call(&f, Args::new(vec![x.clone(), y.clone()]))?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(Attr::Value(r));
                }
            } else if op == CmpOp::Ne {
                if let Some(f) = lookup_special(vm, x, "__eq__") {
                    let r = vm.call(&f, Args::new(vec![x.clone(), y.clone()]))?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(Attr::Value(Value::Bool(!truthy(vm, &r)?)));
                    }
                }
            }
        }
        match op {
            CmpOp::Eq => return Ok(Attr::Value(Value::Bool(a.is(b)))),
            CmpOp::Ne => return Ok(Attr::Value(Value::Bool(!a.is(b)))),
            CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge => {
                let native = |v: &Value| matches!(v, Value::Instance(i) if i.class.native != NativeType::Object && i.class.native != NativeType::Exception);
                if !native(a) && !native(b) {
                    let sym = match op {
                        CmpOp::Lt => "<",
                        CmpOp::Le => "<=",
                        CmpOp::Gt => ">",
                        _ => ">=",
                    };
                    return Err(vm.type_error(format!("'{sym}' not supported between instances of '{}' and '{}'", type_name(vm, a), type_name(vm, b))));
                }
            }
            _ => {}
        }
    }
    Ok(Attr::Value(Value::Bool(compare_native(vm, op, a, b)?)))
}

pub fn compare_native(vm: &mut Vm, op: CmpOp, a: &Value, b: &Value) -> Result<bool, Ctl> {
    match op {
        CmpOp::Eq => eq(vm, a, b),
        CmpOp::Ne => Ok(!eq(vm, a, b)?),
        _ => {
            let ord = order(vm, a, b)?;
            let Some(ord) = ord else {
                // NaN: every ordering is false.
                return Ok(false);
            };
            Ok(match op {
                CmpOp::Lt => ord == Ordering::Less,
                CmpOp::Le => ord != Ordering::Greater,
                CmpOp::Gt => ord == Ordering::Greater,
                CmpOp::Ge => ord != Ordering::Less,
                _ => false,
            })
        }
    }
}

pub fn eq(vm: &mut Vm, a: &Value, b: &Value) -> Result<bool, Ctl> {
    match (a, b) {
        (Value::List(x), Value::List(y)) => {
            if Arc::ptr_eq(x, y) {
                return Ok(true);
            }
            let x = x.lock().clone();
            let y = y.lock().clone();
            seq_eq(vm, &x, &y)
        }
        (Value::Tuple(x), Value::Tuple(y)) => seq_eq(vm, x, y),
        (Value::Dict(x), Value::Dict(y)) => {
            if Arc::ptr_eq(x, y) {
                return Ok(true);
            }
            // One lock at a time (a tuple of two guards holds both): two threads comparing
            // a with b and b with a would take them in opposite orders.
            let x = x.lock().clone();
            let y = y.lock().clone();
            if x.len() != y.len() {
                return Ok(false);
            }
            for (k, v) in x.iter() {
                match y.get(k) {
                    Some(w) => {
                        if !eq(vm, v, w)? {
                            return Ok(false);
                        }
                    }
                    None => return Ok(false),
                }
            }
            Ok(true)
        }
        (Value::Instance(_), _) | (_, Value::Instance(_)) => {
            for (x, y) in [(a, b), (b, a)] {
                if let (Value::Instance(_), Some(f)) = (x, lookup_special(vm, x, "__eq__")) {
                    let r = vm.call(&f, Args::new(vec![x.clone(), y.clone()]))?;
                    if !matches!(r, Value::NotImplemented) {
                        return truthy(vm, &r);
                    }
                }
            }
            Ok(a.is(b))
        }
        _ => Ok(key_eq(a, b)),
    }
}

fn seq_eq(vm: &mut Vm, x: &[Value], y: &[Value]) -> Result<bool, Ctl> {
    if x.len() != y.len() {
        return Ok(false);
    }
    for (p, q) in x.iter().zip(y.iter()) {
        if !p.is(q) && !eq(vm, p, q)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Ordering for `<` and friends, sort and min/max. None: unordered (NaN).
pub fn order(vm: &mut Vm, a: &Value, b: &Value) -> Result<Option<Ordering>, Ctl> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(Some(x.cmp(y))),
        (Value::Str(x), Value::Str(y)) => Ok(Some(x.cmp(y))),
        (Value::Bytes(x), Value::Bytes(y)) => Ok(Some(x.cmp(y))),
        (Value::List(x), Value::List(y)) => {
            let x = x.lock().clone();
            let y = y.lock().clone();
            seq_order(vm, &x, &y)
        }
        (Value::Tuple(x), Value::Tuple(y)) => seq_order(vm, x, y),
        (Value::Set(x), Value::Set(y)) => {
            let x = x.items.lock().clone();
            let y = y.items.lock().clone();
            let sub = x.keys().all(|k| y.contains_key(k));
            let sup = y.keys().all(|k| x.contains_key(k));
            Ok(match (sub, sup) {
                (true, true) => Some(Ordering::Equal),
                (true, false) => Some(Ordering::Less),
                (false, true) => Some(Ordering::Greater),
                _ => None,
            })
        }
        (Value::Instance(_), _) | (_, Value::Instance(_)) => {
            if let Some(f) = lookup_special(vm, a, "__lt__") {
                let r = vm.call(&f, Args::new(vec![a.clone(), b.clone()]))?;
                if !matches!(r, Value::NotImplemented) {
                    if truthy(vm, &r)? {
                        return Ok(Some(Ordering::Less));
                    }
                    if let Some(g) = lookup_special(vm, b, "__lt__") {
                        let r2 = vm.call(&g, Args::new(vec![b.clone(), a.clone()]))?;
                        if truthy(vm, &r2)? {
                            return Ok(Some(Ordering::Greater));
                        }
                    }
                    return Ok(Some(Ordering::Equal));
                }
            }
            if let Some(f) = lookup_special(vm, b, "__gt__") {
                let r = vm.call(&f, Args::new(vec![b.clone(), a.clone()]))?;
                if truthy(vm, &r)? {
                    return Ok(Some(Ordering::Less));
                }
                return Ok(Some(Ordering::Equal));
            }
            Err(order_error(vm, a, b))
        }
        _ => match (a.as_number(), b.as_number()) {
            (Some(x), Some(y)) => Ok(num_cmp(&x, &y)),
            _ => Err(order_error(vm, a, b)),
        },
    }
}

fn order_error(vm: &Vm, a: &Value, b: &Value) -> Ctl {
    vm.type_error(format!("'<' not supported between instances of '{}' and '{}'", type_name(vm, a), type_name(vm, b)))
}

fn num_cmp(x: &Num, y: &Num) -> Option<Ordering> {
    match (x, y) {
        (Num::Int(a), Num::Int(b)) => Some(a.cmp(b)),
        (Num::Float(a), Num::Float(b)) => a.partial_cmp(b),
        (Num::Int(a), Num::Float(b)) => (*a as f64).partial_cmp(b),
        (Num::Float(a), Num::Int(b)) => a.partial_cmp(&(*b as f64)),
        (Num::Big(a), Num::Big(b)) => Some(a.cmp(b)),
        (Num::Big(a), Num::Int(b)) => Some(a.cmp(&BigInt::from(*b))),
        (Num::Int(a), Num::Big(b)) => Some(BigInt::from(*a).cmp(b)),
        (Num::Big(a), Num::Float(b)) => a.to_f64().unwrap_or(f64::INFINITY).partial_cmp(b),
        (Num::Float(a), Num::Big(b)) => a.partial_cmp(&b.to_f64().unwrap_or(f64::INFINITY)),
    }
}

fn seq_order(vm: &mut Vm, x: &[Value], y: &[Value]) -> Result<Option<Ordering>, Ctl> {
    for (p, q) in x.iter().zip(y.iter()) {
        if p.is(q) || eq(vm, p, q)? {
            continue;
        }
        return order(vm, p, q);
    }
    Ok(Some(x.len().cmp(&y.len())))
}

pub fn contains(vm: &mut Vm, container: &Value, item: &Value) -> Result<bool, Ctl> {
    match container {
        Value::Str(s) => match item {
            Value::Str(i) => Ok(s.contains(&**i)),
            _ => Err(vm.type_error(format!("'in <string>' requires string as left operand, not {}", type_name(vm, item)))),
        },
        Value::Bytes(b) => crate::bytes::contains(vm, b, item),
        Value::Dict(d) => {
            let k = key(vm, item)?;
            Ok(d.lock().contains_key(&k))
        }
        Value::Set(s) => {
            let k = key(vm, item)?;
            Ok(s.items.lock().contains_key(&k))
        }
        Value::Range(r) => match item {
            Value::Int(i) => {
                let (start, stop, step) = **r;
                Ok(if step > 0 { *i >= start && *i < stop } else { *i <= start && *i > stop } && (i - start) % step == 0)
            }
            _ => Ok(false),
        },
        Value::Instance(_) if lookup_special(vm, container, "__contains__").is_some() => {
            let f = lookup_special(vm, container, "__contains__").unwrap();
            let r = vm.call(&f, Args::new(vec![container.clone(), item.clone()]))?;
            truthy(vm, &r)
        }
        _ => {
            let items = collect(vm, container)?;
            for it in &items {
                if it.is(item) || eq(vm, it, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

pub fn truthy(vm: &mut Vm, v: &Value) -> Result<bool, Ctl> {
    Ok(match v {
        Value::None => false,
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::BigInt(b) => !b.is_zero(),
        Value::Float(f) => *f != 0.0,
        Value::Str(s) => !s.is_empty(),
        Value::Bytes(b) => !b.is_empty(),
        Value::Tuple(t) => !t.is_empty(),
        Value::List(l) => !l.lock().is_empty(),
        Value::Dict(d) => !d.lock().is_empty(),
        Value::Set(s) => !s.items.lock().is_empty(),
        Value::Range(r) => range_len(r.0, r.1, r.2) > 0,
        Value::Instance(_) => {
            if let Some(f) = lookup_special(vm, v, "__bool__") {
                let r = vm.call(&f, Args::new(vec![v.clone()]))?;
                return truthy(vm, &r);
            }
            if let Some(f) = lookup_special(vm, v, "__len__") {
                let r = vm.call(&f, Args::new(vec![v.clone()]))?;
                return truthy(vm, &r);
            }
            true
        }
        _ => true,
    })
}

pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    }
}

// ----- hashing -----

pub fn hash_str(s: &str) -> i64 {
    hash_bytes(s.as_bytes())
}

/// A str's hash is that of its UTF-8 bytes, so `hash(b"abc") == hash("abc")`, as in CPython.
pub fn hash_bytes(s: &[u8]) -> i64 {
    // FNV-1a: stable across runs (CPython randomises str hashes; programs cannot rely on them).
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in s {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    (h >> 1) as i64
}

/// Python's hash for numbers: equal numbers hash equal (modulo 2**61 - 1, as CPython).
/// CPython's hash of a finite float: its value modulo 2**61 - 1, computed 28 bits at a time.
fn hash_float(v: f64) -> i64 {
    const BITS: u32 = 61;
    const MODULUS: u64 = (1u64 << BITS) - 1;
    // frexp: v = m * 2**e with 0.5 <= |m| < 1.
    let (mut m, mut e) = {
        let a = v.abs();
        let bits = a.to_bits();
        let exp = ((bits >> 52) & 0x7ff) as i32;
        if exp == 0 {
            // Subnormal: scale up first.
            let s = a * (1u64 << 54) as f64;
            let sb = s.to_bits();
            (f64::from_bits((sb & !(0x7ffu64 << 52)) | (1022u64 << 52)), ((sb >> 52) & 0x7ff) as i32 - 1022 - 54)
        } else {
            (f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52)), exp - 1022)
        }
    };
    let sign: i64 = if v < 0.0 { -1 } else { 1 };
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 { (e as u32) % BITS } else { BITS - 1 - (((-1 - e) as u32) % BITS) };
    x = ((x << e) & MODULUS) | (x >> (BITS - e));
    let r = (x as i64).wrapping_mul(sign);
    if r == -1 { -2 } else { r }
}

fn hash_num(n: &Num) -> i64 {
    const P: i128 = (1i128 << 61) - 1;
    match n {
        Num::Int(i) => {
            let r = (*i as i128).rem_euclid(P) as i64;
            let r = if *i < 0 { -((-(*i as i128)).rem_euclid(P) as i64) } else { r };
            if r == -1 { -2 } else { r }
        }
        Num::Big(b) => {
            let m = b.abs() % BigInt::from(P);
            let r = m.to_i64().unwrap_or(0);
            let r = if b.is_negative() { -r } else { r };
            if r == -1 { -2 } else { r }
        }
        Num::Float(f) => {
            if f.fract() == 0.0 && f.is_finite() && f.abs() < 9.2e18 {
                hash_num(&Num::Int(*f as i64))
            } else if f.is_nan() {
                0
            } else if f.is_infinite() {
                if *f > 0.0 { 314159 } else { -314159 }
            } else {
                hash_float(*f)
            }
        }
    }
}

pub fn hash(vm: &mut Vm, v: &Value) -> Result<i64, Ctl> {
    Ok(match v {
        Value::None => 0x5f5e100,
        Value::Str(s) => hash_str(s),
        Value::Bytes(b) => hash_bytes(b),
        Value::Tuple(t) => {
            let mut h: i64 = 0x345678;
            for it in t.iter() {
                h = h.wrapping_mul(1000003) ^ hash(vm, it)?;
            }
            h
        }
        Value::Set(s) if s.frozen => {
            let mut h: i64 = 0;
            for k in s.items.lock().keys() {
                h ^= k.hash;
            }
            h
        }
        Value::List(_) | Value::Dict(_) | Value::Set(_) => return Err(vm.type_error(format!("unhashable type: '{}'", type_name(vm, v)))),
        Value::Range(r) => {
            let (len, start, step) = crate::value::range_key(r);
            ((0x345678i64.wrapping_mul(1000003) ^ len).wrapping_mul(1000003) ^ start).wrapping_mul(1000003) ^ step
        }
        Value::Instance(i) => {
            if let Some(f) = i.class.lookup("__hash__") {
                if f.is_none() {
                    return Err(vm.type_error(format!("unhashable type: '{}'", i.class.name)));
                }
                let r = vm.call(&f, Args::new(vec![v.clone()]))?;
                return Ok(match r {
                    Value::Int(i) => i,
                    _ => 0,
                });
            }
            (v.ptr().unwrap_or(0) >> 4) as i64
        }
        other => match other.as_number() {
            Some(n) => hash_num(&n),
            None => (other.ptr().unwrap_or(0) >> 4) as i64,
        },
    })
}

pub fn key(vm: &mut Vm, v: &Value) -> Result<Key, Ctl> {
    let h = hash(vm, v)?;
    let canon = match v {
        Value::Instance(i) if matches!(i.class.lookup("__eq__"), Some(Value::Func(_))) => canonical(vm, v, h)?,
        _ => 0,
    };
    Ok(Key { hash: h, value: v.clone(), canon })
}

/// The equality class of an instance with a Python `__eq__`, as a dict or set compares its
/// keys: the first instance seen as a key with the same hash that `__eq__` says equals it.
fn canonical(vm: &mut Vm, v: &Value, h: i64) -> Result<usize, Ctl> {
    let cands: Vec<Value> = crate::shared::lock(&vm.shared.eq_canon).get(&h).cloned().unwrap_or_default();
    if let Some(c) = cands.iter().find(|c| c.is(v)) {
        return Ok(c.ptr().unwrap_or(0));
    }
    for c in &cands {
        if eq(vm, v, c)? {
            return Ok(c.ptr().unwrap_or(0));
        }
    }
    crate::shared::lock(&vm.shared.eq_canon).entry(h).or_default().push(v.clone());
    Ok(v.ptr().unwrap_or(0))
}

pub fn new_set(vm: &mut Vm, items: Vec<Value>, frozen: bool) -> R {
    let mut m = KeySet::default();
    for it in items {
        m.insert(key(vm, &it)?, ());
    }
    Ok(Value::Set(Arc::new(PySet { frozen, items: PyCell::new(m) })))
}

// ----- items -----

fn norm_index(vm: &Vm, i: &Value, len: usize, what: &str) -> Result<usize, Ctl> {
    let i = match i {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(_) => return Err(vm.err("IndexError", format!("cannot fit 'int' into an index-sized integer"))),
        other => return Err(vm.type_error(format!("{what} indices must be integers or slices, not {}", type_name(vm, other)))),
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.err("IndexError", format!("{what} index out of range")));
    }
    Ok(j as usize)
}

/// The indices a slice selects from a sequence of `len` items.
pub fn slice_indices(vm: &Vm, s: &(Value, Value, Value), len: usize) -> Result<Vec<usize>, Ctl> {
    let get = |v: &Value| -> Result<Option<i64>, Ctl> {
        match v {
            Value::None => Ok(None),
            other => Ok(Some(to_index(vm, other).map_err(|_| vm.type_error("slice indices must be integers or None or have an __index__ method"))?)),
        }
    };
    let step = get(&s.2)?.unwrap_or(1);
    if step == 0 {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let len = len as i64;
    let clamp = |v: Option<i64>, dflt: i64, lo: i64, hi: i64| -> i64 {
        match v {
            None => dflt,
            Some(x) => {
                let x = if x < 0 { x + len } else { x };
                x.clamp(lo, hi)
            }
        }
    };
    let mut out = Vec::new();
    if step > 0 {
        let start = clamp(get(&s.0)?, 0, 0, len);
        let stop = clamp(get(&s.1)?, len, 0, len);
        let mut i = start;
        while i < stop {
            out.push(i as usize);
            i += step;
        }
    } else {
        let start = clamp(get(&s.0)?, len - 1, -1, len - 1);
        let stop = clamp(get(&s.1)?, -1, -1, len - 1);
        let mut i = start;
        while i > stop {
            out.push(i as usize);
            i += step;
        }
    }
    Ok(out)
}

pub fn get_item(vm: &mut Vm, obj: &Value, k: &Value) -> AR {
    Ok(Attr::Value(match (obj, k) {
        (Value::List(l), Value::Slice(s)) => {
            let items = l.lock();
            let idx = slice_indices(vm, s, items.len())?;
            Value::list(idx.into_iter().map(|i| items[i].clone()).collect())
        }
        (Value::List(l), _) => {
            let items = l.lock();
            let i = norm_index(vm, k, items.len(), "list")?;
            items[i].clone()
        }
        (Value::Tuple(t), Value::Slice(s)) => {
            let idx = slice_indices(vm, s, t.len())?;
            Value::tuple(idx.into_iter().map(|i| t[i].clone()).collect())
        }
        (Value::Tuple(t), _) => t[norm_index(vm, k, t.len(), "tuple")?].clone(),
        (Value::Str(s), Value::Slice(sl)) => {
            let chars: Vec<char> = s.chars().collect();
            let idx = slice_indices(vm, sl, chars.len())?;
            Value::str(&idx.into_iter().map(|i| chars[i]).collect::<String>())
        }
        (Value::Str(s), _) => {
            if s.is_ascii() {
                let i = norm_index(vm, k, s.len(), "string")?;
                Value::str(&s[i..i + 1])
            } else {
                let chars: Vec<char> = s.chars().collect();
                let i = norm_index(vm, k, chars.len(), "string")?;
                Value::str(&chars[i].to_string())
            }
        }
        (Value::Bytes(b), Value::Slice(sl)) => {
            let idx = slice_indices(vm, sl, b.len())?;
            Value::Bytes(idx.into_iter().map(|i| b[i]).collect::<Vec<u8>>().into())
        }
        (Value::Bytes(b), _) => {
            if !matches!(k, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) {
                return Err(vm.type_error(format!("byte indices must be integers or slices, not {}", type_name(vm, k))));
            }
            let i = norm_index(vm, k, b.len(), "byte").map_err(|_| vm.err("IndexError", "index out of range"))?;
            Value::Int(b[i] as i64)
        }
        (Value::Range(r), Value::Int(_)) => {
            let n = range_len(r.0, r.1, r.2) as usize;
            let i = norm_index(vm, k, n, "range object")?;
            Value::Int(r.0 + r.2 * i as i64)
        }
        (Value::Dict(d), _) => {
            let key = key(vm, k)?;
            let v = d.lock().get(&key).cloned();
            match v {
                Some(v) => v,
                None => return Err(Ctl::Exc(key_error(vm, k))),
            }
        }
        (Value::Instance(_), _) => {
            if let Some(f) = lookup_special(vm, obj, "__getitem__") {
                return Ok(Attr::Call(f, Args::new(vec![obj.clone(), k.clone()])));
            }
            return Err(vm.type_error(format!("'{}' object is not subscriptable", type_name(vm, obj))));
        }
        (Value::Class(c), _) => {
            // list[int] and friends in annotations: the class itself is fine here.
            let _ = c;
            obj.clone()
        }
        _ => return Err(vm.type_error(format!("'{}' object is not subscriptable", type_name(vm, obj)))),
    }))
}

pub fn key_error(vm: &Vm, k: &Value) -> Value {
    let e = vm.new_exc(&vm.exc_class("KeyError"), "");
    if let Value::Instance(i) = &e {
        i.attrs.lock().insert(Arc::from("args"), Value::tuple(vec![k.clone()]));
    }
    e
}

pub fn set_item(vm: &mut Vm, obj: &Value, k: Value, v: Value) -> Result<Option<(Value, Args)>, Ctl> {
    match obj {
        Value::List(l) => {
            if let Value::Slice(s) = &k {
                let new = collect(vm, &v)?;
                let mut items = l.lock();
                let idx = slice_indices(vm, s, items.len())?;
                if matches!(s.2, Value::None) || matches!(s.2, Value::Int(1)) {
                    let (a, b) = match (idx.first(), idx.last()) {
                        (Some(a), Some(b)) => (*a, *b + 1),
                        _ => {
                            let start = match &s.0 {
                                Value::Int(i) => (if *i < 0 { *i + items.len() as i64 } else { *i }).clamp(0, items.len() as i64) as usize,
                                _ => 0,
                            };
                            (start, start)
                        }
                    };
                    items.splice(a..b, new);
                } else {
                    if idx.len() != new.len() {
                        return Err(vm.value_error(format!("attempt to assign sequence of size {} to extended slice of size {}", new.len(), idx.len())));
                    }
                    for (i, v) in idx.into_iter().zip(new) {
                        items[i] = v;
                    }
                }
                return Ok(None);
            }
            let mut items = l.lock();
            let n = items.len();
            let i = norm_index(vm, &k, n, "list assignment")?;
            items[i] = v;
            Ok(None)
        }
        Value::Dict(d) => {
            let key = key(vm, &k)?;
            d.lock().insert(key, v);
            Ok(None)
        }
        Value::Instance(_) => match lookup_special(vm, obj, "__setitem__") {
            Some(f) => Ok(Some((f, Args::new(vec![obj.clone(), k, v])))),
            None => Err(vm.type_error(format!("'{}' object does not support item assignment", type_name(vm, obj)))),
        },
        _ => Err(vm.type_error(format!("'{}' object does not support item assignment", type_name(vm, obj)))),
    }
}

pub fn del_item(vm: &mut Vm, obj: &Value, k: &Value) -> Result<Option<(Value, Args)>, Ctl> {
    match obj {
        Value::List(l) => {
            if let Value::Slice(s) = k {
                let mut items = l.lock();
                let mut idx = slice_indices(vm, s, items.len())?;
                idx.sort_unstable();
                for i in idx.into_iter().rev() {
                    items.remove(i);
                }
                return Ok(None);
            }
            let mut items = l.lock();
            let n = items.len();
            let i = norm_index(vm, k, n, "list assignment")?;
            items.remove(i);
            Ok(None)
        }
        Value::Dict(d) => {
            let key = key(vm, k)?;
            if d.lock().shift_remove(&key).is_none() {
                return Err(Ctl::Exc(key_error(vm, k)));
            }
            Ok(None)
        }
        Value::Instance(_) => match lookup_special(vm, obj, "__delitem__") {
            Some(f) => Ok(Some((f, Args::new(vec![obj.clone(), k.clone()])))),
            None => Err(vm.type_error(format!("'{}' object does not support item deletion", type_name(vm, obj)))),
        },
        _ => Err(vm.type_error(format!("'{}' object does not support item deletion", type_name(vm, obj)))),
    }
}

// ----- iteration -----

pub fn get_iter(vm: &mut Vm, v: &Value) -> AR {
    let it = match v {
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) => NativeIter::Seq { seq: v.clone(), index: 0 },
        Value::Range(r) => NativeIter::Range { next: r.0, stop: r.1, step: r.2 },
        Value::Dict(d) => NativeIter::DictKeys { dict: d.clone(), index: 0, len: d.lock().len() },
        Value::Set(s) => NativeIter::SetItems { set: s.clone(), index: 0, len: s.items.lock().len() },
        Value::Iter(_) | Value::Gen(_) => return Ok(Attr::Value(v.clone())),
        Value::Instance(_) => {
            if let Some(f) = lookup_special(vm, v, "__iter__") {
                return Ok(Attr::Call(f, Args::new(vec![v.clone()])));
            }
            if let Some(f) = lookup_special(vm, v, "__getitem__") {
                // The old sequence protocol: items 0, 1, 2... until IndexError.
                let mut items = Vec::new();
                for i in 0.. {
                    match vm.call(&f, Args::new(vec![v.clone(), Value::Int(i)])) {
                        Ok(x) => items.push(x),
                        Err(Ctl::Exc(e)) if is_instance_of(vm, &e, "IndexError") || is_instance_of(vm, &e, "StopIteration") => break,
                        Err(e) => return Err(e),
                    }
                }
                NativeIter::Values(items.into_iter())
            } else {
                return Err(vm.type_error(format!("'{}' object is not iterable", type_name(vm, v))));
            }
        }
        _ => return Err(vm.type_error(format!("'{}' object is not iterable", type_name(vm, v)))),
    };
    Ok(Attr::Value(Value::Iter(Arc::new(PyCell::new(it)))))
}

/// Gets an iterator from Rust (calling `__iter__` if needed).
pub fn iter(vm: &mut Vm, v: &Value) -> R {
    match get_iter(vm, v)? {
        Attr::Value(it) => Ok(it),
        Attr::Call(f, a) => vm.call(&f, a),
    }
}

/// The next item of any iterator, from Rust. None when it is exhausted.
pub fn next(vm: &mut Vm, it: &Value) -> Result<Option<Value>, Ctl> {
    match it {
        Value::Iter(_) => native_next(vm, it),
        Value::Gen(g) => match vm.call_resume(g, Value::None) {
            Ok(v) => Ok(Some(v)),
            Err(Ctl::Exc(e)) if is_instance_of(vm, &e, "StopIteration") => Ok(None),
            Err(e) => Err(e),
        },
        _ => {
            let f = lookup_special(vm, it, "__next__").ok_or_else(|| vm.type_error(format!("'{}' object is not an iterator", type_name(vm, it))))?;
            match vm.call(&f, Args::new(vec![it.clone()])) {
                Ok(v) => Ok(Some(v)),
                Err(Ctl::Exc(e)) if is_instance_of(vm, &e, "StopIteration") => Ok(None),
                Err(e) => Err(e),
            }
        }
    }
}

pub fn native_next(vm: &mut Vm, it: &Value) -> Result<Option<Value>, Ctl> {
    let Value::Iter(cell) = it else { return next(vm, it) };
    // Take what is needed under the lock, release it, then call anything.
    enum Todo {
        Done(Option<Value>),
        Changed(&'static str),
        Enumerate(Value, Value),
        Zip(Vec<Value>),
        Map(Value, Vec<Value>),
        Filter(Value, Value),
        Callable(Value, Value),
    }
    let todo = {
        let mut st = cell.lock();
        match &mut *st {
            NativeIter::Seq { seq, index } => {
                let v = match seq {
                    Value::List(l) => l.lock().get(*index).cloned(),
                    Value::Tuple(t) => t.get(*index).cloned(),
                    Value::Str(s) => {
                        if s.is_ascii() {
                            s.get(*index..*index + 1).map(Value::str)
                        } else {
                            s.chars().nth(*index).map(|c| Value::str(&c.to_string()))
                        }
                    }
                    Value::Bytes(b) => b.get(*index).map(|x| Value::Int(*x as i64)),
                    _ => None,
                };
                *index += 1;
                Todo::Done(v)
            }
            NativeIter::Range { next, stop, step } => {
                if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                    let v = *next;
                    *next += *step;
                    Todo::Done(Some(Value::Int(v)))
                } else {
                    Todo::Done(None)
                }
            }
            NativeIter::Values(v) => Todo::Done(v.next()),
            NativeIter::DictKeys { dict, index, len } => {
                let d = dict.lock();
                if d.len() != *len {
                    *len = usize::MAX;
                    Todo::Changed("dictionary changed size during iteration")
                } else {
                    *index += 1;
                    Todo::Done(d.get_index(*index - 1).map(|(k, _)| k.value.clone()))
                }
            }
            NativeIter::SetItems { set, index, len } => {
                let items = set.items.lock();
                if items.len() != *len {
                    *len = usize::MAX;
                    Todo::Changed("Set changed size during iteration")
                } else {
                    *index += 1;
                    Todo::Done(items.get_index(*index - 1).map(|(k, _)| k.value.clone()))
                }
            }
            NativeIter::Reversed { seq, index } => {
                if *index == 0 {
                    Todo::Done(None)
                } else {
                    *index -= 1;
                    Todo::Done(match seq {
                        Value::List(l) => l.lock().get(*index).cloned(),
                        Value::Tuple(t) => t.get(*index).cloned(),
                        _ => None,
                    })
                }
            }
            NativeIter::Enumerate { inner, count } => Todo::Enumerate(inner.clone(), count.clone()),
            NativeIter::Zip(its) => Todo::Zip(its.clone()),
            NativeIter::Map { func, iters } => Todo::Map(func.clone(), iters.clone()),
            NativeIter::Filter { func, inner } => Todo::Filter(func.clone(), inner.clone()),
            NativeIter::Callable { func, sentinel } => Todo::Callable(func.clone(), sentinel.clone()),
        }
    };
    match todo {
        Todo::Done(v) => Ok(v),
        Todo::Changed(msg) => Err(vm.err("RuntimeError", msg)),
        Todo::Enumerate(inner, count) => match next(vm, &inner)? {
            Some(v) => {
                let n = binary_native(vm, BinOp::Add, &count, &Value::Int(1), false)?;
                if let NativeIter::Enumerate { count: c, .. } = &mut *cell.lock() {
                    *c = n;
                }
                Ok(Some(Value::tuple(vec![count, v])))
            }
            None => Ok(None),
        },
        Todo::Zip(its) => {
            if its.is_empty() {
                return Ok(None);
            }
            let mut out = Vec::new();
            for i in &its {
                match next(vm, i)? {
                    Some(v) => out.push(v),
                    None => return Ok(None),
                }
            }
            Ok(Some(Value::tuple(out)))
        }
        Todo::Map(func, iters) => {
            let mut args = Vec::new();
            for i in &iters {
                match next(vm, i)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            vm.call(&func, Args::new(args)).map(Some)
        }
        Todo::Filter(func, inner) => loop {
            match next(vm, &inner)? {
                Some(v) => {
                    let keep = if func.is_none() { truthy(vm, &v)? } else {
                        let r = vm.call(&func, Args::new(vec![v.clone()]))?;
                        truthy(vm, &r)?
                    };
                    if keep {
                        return Ok(Some(v));
                    }
                }
                None => return Ok(None),
            }
        },
        Todo::Callable(func, sentinel) => {
            let v = vm.call(&func, Args::default())?;
            if eq(vm, &v, &sentinel)? {
                Ok(None)
            } else {
                Ok(Some(v))
            }
        }
    }
}

/// Every item of an iterable, from Rust.
pub fn collect(vm: &mut Vm, v: &Value) -> Result<Vec<Value>, Ctl> {
    match v {
        Value::List(l) => return Ok(l.lock().clone()),
        Value::Tuple(t) => return Ok((**t).clone()),
        Value::Str(s) => return Ok(s.chars().map(|c| Value::str(&c.to_string())).collect()),
        Value::Bytes(b) => return Ok(b.iter().map(|x| Value::Int(*x as i64)).collect()),
        Value::Dict(d) => return Ok(d.lock().keys().map(|k| k.value.clone()).collect()),
        Value::Set(s) => return Ok(s.items.lock().keys().map(|k| k.value.clone()).collect()),
        Value::Range(r) => {
            let n = range_len(r.0, r.1, r.2);
            if n > 50_000_000 {
                return Err(vm.err("MemoryError", "the result would be too large for this playground"));
            }
            return Ok((0..n).map(|i| Value::Int(r.0 + i * r.2)).collect());
        }
        _ => {}
    }
    let it = iter(vm, v)?;
    let mut out = Vec::new();
    while let Some(x) = next(vm, &it)? {
        out.push(x);
        if out.len() > 50_000_000 {
            return Err(vm.err("MemoryError", "the result would be too large for this playground"));
        }
    }
    Ok(out)
}

pub fn dict_pairs(vm: &mut Vm, v: &Value) -> Result<Vec<(Key, Value)>, Ctl> {
    match v {
        Value::Dict(d) => Ok(d.lock().iter().map(|(k, v)| (k.clone(), v.clone())).collect()),
        _ => {
            if let Some(keys) = bound_special(vm, v, "keys") {
                let ks = vm.call(&keys, Args::default())?;
                let mut out = Vec::new();
                for k in collect(vm, &ks)? {
                    let val = match get_item(vm, v, &k)? {
                        Attr::Value(x) => x,
                        Attr::Call(f, a) => vm.call(&f, a)?,
                    };
                    out.push((key(vm, &k)?, val));
                }
                return Ok(out);
            }
            let mut out = Vec::new();
            for item in collect(vm, v)? {
                let pair = collect(vm, &item)?;
                if pair.len() != 2 {
                    return Err(vm.value_error(format!("dictionary update sequence element #{} has length {}; 2 is required", out.len(), pair.len())));
                }
                out.push((key(vm, &pair[0])?, pair[1].clone()));
            }
            Ok(out)
        }
    }
}

// ----- str and repr -----

pub fn repr(vm: &mut Vm, v: &Value) -> Result<String, Ctl> {
    // Containers: a container inside itself shows as `[...]`/`{...}`, as in CPython, and a
    // very deep nesting is a RecursionError rather than a Rust stack overflow.
    let container = match v {
        Value::List(_) => Some("[...]"),
        Value::Dict(_) => Some("{...}"),
        Value::Tuple(_) | Value::Set(_) => Some(""),
        _ => None,
    };
    let Some(marker) = container else { return repr_inner(vm, v) };
    let p = v.ptr().unwrap_or(0);
    if !marker.is_empty() && vm.repr_stack.contains(&p) {
        return Ok(marker.to_string());
    }
    if vm.repr_stack.len() >= 200 + vm.max_recursion / 10 {
        return Err(vm.err("RecursionError", "maximum recursion depth exceeded while getting the repr of an object"));
    }
    // A huge or endless repr (a DAG of shared tuples expands exponentially) stops at Stop,
    // at the run's time limit, or as a MemoryError.
    vm.native_ticks = vm.native_ticks.wrapping_add(1);
    if vm.native_ticks & 1023 == 0 && vm.stop_requested() {
        return Err(vm.err("KeyboardInterrupt", "the run was stopped"));
    }
    vm.repr_stack.push(p);
    let r = repr_inner(vm, v);
    vm.repr_stack.pop();
    match r {
        Ok(s) if s.len() > 50_000_000 => Err(vm.err("MemoryError", "the repr would be too large for this playground")),
        r => r,
    }
}

fn repr_inner(vm: &mut Vm, v: &Value) -> Result<String, Ctl> {
    Ok(match v {
        Value::None => "None".into(),
        Value::Bool(b) => if *b { "True".into() } else { "False".into() },
        Value::Int(i) => i.to_string(),
        Value::BigInt(b) => {
            if b.bits() > 14000 {
                return Err(vm.value_error("Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"));
            }
            b.to_string()
        }
        Value::Float(f) => crate::format::float_repr(*f),
        Value::Str(s) => str_repr(s),
        Value::Bytes(b) => crate::bytes::repr(b),
        Value::List(l) => {
            let items = l.lock().clone();
            let mut parts = Vec::new();
            for it in &items {
                parts.push(repr(vm, it)?);
            }
            format!("[{}]", parts.join(", "))
        }
        Value::Tuple(t) => {
            let parts = t.iter().map(|x| repr(vm, x)).collect::<Result<Vec<_>, _>>()?;
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Value::Dict(d) => {
            let items: Vec<(Value, Value)> = d.lock().iter().map(|(k, v)| (k.value.clone(), v.clone())).collect();
            let mut parts = Vec::new();
            for (k, v) in &items {
                parts.push(format!("{}: {}", repr(vm, k)?, repr(vm, v)?));
            }
            format!("{{{}}}", parts.join(", "))
        }
        Value::Set(s) => {
            let items: Vec<Value> = set_display_order(s);
            let parts = items.iter().map(|x| repr(vm, x)).collect::<Result<Vec<_>, _>>()?;
            if s.frozen {
                if parts.is_empty() { "frozenset()".into() } else { format!("frozenset({{{}}})", parts.join(", ")) }
            } else if parts.is_empty() {
                "set()".into()
            } else {
                format!("{{{}}}", parts.join(", "))
            }
        }
        Value::Func(f) => format!("<function {} at 0x{:x}>", f.qualname, v.ptr().unwrap_or(0)),
        Value::Builtin(b) => format!("<built-in function {}>", b.name),
        Value::Method(m) => {
            let name = match &m.0 {
                Value::Func(f) => f.qualname.to_string(),
                Value::Builtin(b) => b.name.to_string(),
                _ => "?".into(),
            };
            let owner = repr(vm, &m.1.clone())?;
            format!("<bound method {name} of {owner}>")
        }
        Value::Class(c) => {
            if c.module.as_ref() == "builtins" {
                format!("<class '{}'>", c.name)
            } else {
                format!("<class '{}.{}'>", c.module, c.qualname)
            }
        }
        Value::Instance(i) => {
            if let Some(f) = i.class.lookup("__repr__") {
                let r = vm.call(&f, Args::new(vec![v.clone()]))?;
                return match r {
                    Value::Str(s) => Ok(s.to_string()),
                    other => Err(vm.type_error(format!("__repr__ returned non-string (type {})", type_name(vm, &other)))),
                };
            }
            if is_instance_of(vm, v, "BaseException") {
                let args = exc_args(v);
                let inner = if args.len() == 1 { format!("({})", repr(vm, &args[0])?) } else { repr(vm, &Value::tuple(args))? };
                return Ok(format!("{}{}", i.class.name, inner));
            }
            format!("<{}.{} object at 0x{:x}>", i.class.module, i.class.qualname, v.ptr().unwrap_or(0))
        }
        Value::Module(m) => format!("<module '{}'>", m.name),
        Value::Gen(g) => format!("<{} object {} at 0x{:x}>", if g.coroutine { "coroutine" } else { "generator" }, g.name, v.ptr().unwrap_or(0)),
        Value::Range(r) => {
            if r.2 == 1 { format!("range({}, {})", r.0, r.1) } else { format!("range({}, {}, {})", r.0, r.1, r.2) }
        }
        Value::Slice(s) => format!("slice({}, {}, {})", repr(vm, &s.0)?, repr(vm, &s.1)?, repr(vm, &s.2)?),
        Value::Lock(l) if l.reentrant => {
            let owner = l.owner.load(std::sync::atomic::Ordering::Relaxed);
            let state = if owner != 0 { "locked" } else { "unlocked" };
            format!("<{state} _thread.RLock object owner={owner} count={} at 0x{:x}>", l.count.load(std::sync::atomic::Ordering::Relaxed), Arc::as_ptr(l) as usize)
        }
        Value::Lock(l) => format!("<unlocked _thread.lock object at 0x{:x}>", Arc::as_ptr(l) as usize).replace("unlocked", if *l.locked.lock() { "locked" } else { "unlocked" }),
        Value::Ellipsis => "Ellipsis".into(),
        Value::NotImplemented => "NotImplemented".into(),
        Value::Iter(_) => format!("<iterator object at 0x{:x}>", v.ptr().unwrap_or(0)),
        Value::Super(_) => "<super object>".into(),
        Value::Wrapper(_) => format!("<{} object at 0x{:x}>", type_name(vm, v), v.ptr().unwrap_or(0)),
        Value::Cell(_) | Value::Code(_) => format!("<{} object>", type_name(vm, v)),
    })
}

/// The order CPython shows a set of small ints in (by hash slot); otherwise insertion order.
fn set_display_order(s: &PySet) -> Vec<Value> {
    let items: Vec<Value> = s.items.lock().keys().map(|k| k.value.clone()).collect();
    if !items.is_empty() && items.iter().all(|v| matches!(v, Value::Int(i) if *i >= 0)) {
        // CPython's table has at least 8 slots and is at most 3/5 full; for non-negative ints
        // smaller than the table, the slot is the value itself, so they come out sorted.
        let mut table = 8usize;
        while items.len() * 5 >= table * 3 {
            table *= 4;
        }
        if items.iter().all(|v| matches!(v, Value::Int(i) if (*i as usize) < table)) {
            let mut sorted = items;
            sorted.sort_by_key(|v| if let Value::Int(i) = v { *i } else { 0 });
            return sorted;
        }
    }
    items
}

pub fn str_repr(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

pub fn to_str(vm: &mut Vm, v: &Value) -> Result<String, Ctl> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        Value::Instance(i) => {
            if let Some(f) = i.class.lookup("__str__") {
                let r = vm.call(&f, Args::new(vec![v.clone()]))?;
                return match r {
                    Value::Str(s) => Ok(s.to_string()),
                    other => Err(vm.type_error(format!("__str__ returned non-string (type {})", type_name(vm, &other)))),
                };
            }
            if is_instance_of(vm, v, "BaseException") {
                return exc_str(vm, v);
            }
            repr(vm, v)
        }
        _ => repr(vm, v),
    }
}

pub fn exc_args(e: &Value) -> Vec<Value> {
    if let Value::Instance(i) = e {
        if let Some(Value::Tuple(t)) = i.attrs.lock().get("args") {
            return (**t).clone();
        }
    }
    Vec::new()
}

fn exc_str(vm: &mut Vm, e: &Value) -> Result<String, Ctl> {
    let args = exc_args(e);
    if is_instance_of(vm, e, "BaseExceptionGroup") && args.len() == 2 {
        let n = collect(vm, &args[1])?.len();
        return Ok(format!("{} ({} sub-exception{})", to_str(vm, &args[0])?, n, if n == 1 { "" } else { "s" }));
    }
    if is_instance_of(vm, e, "KeyError") && args.len() == 1 {
        return repr(vm, &args[0]);
    }
    match args.len() {
        0 => Ok(String::new()),
        1 => to_str(vm, &args[0]),
        _ => repr(vm, &Value::tuple(args)),
    }
}

pub fn exc_type_and_message(vm: &mut Vm, e: &Value) -> (String, String) {
    let c = type_of(vm, e);
    let name = if c.module.as_ref() == "builtins" || c.module.as_ref() == "__main__" { c.qualname.to_string() } else { format!("{}.{}", c.module, c.qualname) };
    let msg = to_str(vm, e).unwrap_or_else(|_| "<exception str() failed>".into());
    (name, msg)
}

/// The main.py line an exception was raised at (innermost visible frame).
pub fn exc_line(e: &Value) -> u32 {
    if let Value::Instance(i) = e {
        return i.traceback.lock().iter().find(|t| &*t.filename == "main.py").map(|t| t.line).unwrap_or(0);
    }
    0
}

pub fn format(vm: &mut Vm, v: &Value, spec: &str) -> Result<String, Ctl> {
    let r = match v {
        Value::Int(_) | Value::BigInt(_) => crate::format::format_int(&v.to_bigint().unwrap(), spec),
        Value::Bool(b) if !spec.is_empty() => crate::format::format_int(&BigInt::from(*b as i64), spec),
        Value::Float(f) => crate::format::format_float(*f, spec),
        Value::Str(s) => crate::format::format_str(s, spec),
        Value::Instance(_) if lookup_special(vm, v, "__format__").is_some() => {
            let f = lookup_special(vm, v, "__format__").unwrap();
            let r = vm.call(&f, Args::new(vec![v.clone(), Value::str(spec)]))?;
            return to_str(vm, &r);
        }
        _ => {
            let s = to_str(vm, v)?;
            if spec.is_empty() {
                return Ok(s);
            }
            match crate::format::format_str(&s, spec) {
                Ok(s) if !matches!(v, Value::Instance(_) | Value::None | Value::List(_) | Value::Tuple(_) | Value::Dict(_) | Value::Bytes(_)) => Ok(s),
                _ => Err(format!("unsupported format string passed to {}.__format__", type_name(vm, v))),
            }
        }
    };
    // A type without a format spec of its own refuses one with a TypeError, as CPython's.
    r.map_err(|m| if m.starts_with("unsupported format string passed to") { vm.type_error(m) } else { vm.value_error(m) })
}

// ----- exceptions -----

/// `raise X`: an instance, or a class to instantiate.
pub fn make_exception(vm: &mut Vm, e: Value) -> R {
    match &e {
        Value::Class(c) if is_exc_class(vm, c) => vm.call(&e, Args::default()),
        Value::Instance(_) if is_instance_of(vm, &e, "BaseException") => Ok(e),
        _ => Err(vm.type_error("exceptions must derive from BaseException")),
    }
}

pub fn is_exc_class(vm: &Vm, c: &Arc<Class>) -> bool {
    c.is_subclass(&vm.exc_class("BaseException"))
}

pub fn exc_matches(vm: &mut Vm, e: &Value, ty: &Value) -> Result<bool, Ctl> {
    match ty {
        Value::Class(c) => {
            if !is_exc_class(vm, c) {
                return Err(vm.type_error("catching classes that do not inherit from BaseException is not allowed"));
            }
            Ok(is_instance(vm, e, c))
        }
        Value::Tuple(t) => {
            for x in t.iter() {
                if exc_matches(vm, e, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(vm.type_error("catching classes that do not inherit from BaseException is not allowed")),
    }
}
