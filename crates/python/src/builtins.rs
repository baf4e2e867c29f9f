//! The built-in types, their methods, the exceptions and the builtin functions.

use std::collections::HashMap;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::ops::{self, Attr};
use crate::value::*;
use crate::vm::{Ctl, Types, Vm, Wait, R};

fn class(name: &str, native: NativeType, bases: Vec<Arc<Class>>, module: &str) -> Arc<Class> {
    let mro = compute_mro(&bases).unwrap_or_default();
    Arc::new(Class {
        name: Arc::from(name),
        qualname: Arc::from(name),
        bases,
        mro,
        dict: Namespace::default(),
        native,
        module: Arc::from(module),
    })
}

const EXCEPTIONS: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("Exception", "BaseException"),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("TypeError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("AttributeError", "Exception"),
    ("RuntimeError", "Exception"),
    ("RecursionError", "RuntimeError"),
    ("NotImplementedError", "RuntimeError"),
    ("StopIteration", "Exception"),
    ("StopAsyncIteration", "Exception"),
    ("AssertionError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("MemoryError", "Exception"),
    ("OSError", "Exception"),
    ("FileNotFoundError", "OSError"),
    ("PermissionError", "OSError"),
    ("ConnectionError", "OSError"),
    ("TimeoutError", "OSError"),
    ("EOFError", "Exception"),
    ("SyntaxError", "Exception"),
    ("BufferError", "Exception"),
    ("BaseExceptionGroup", "BaseException"),
    ("ExceptionGroup", "BaseExceptionGroup"),
    ("Warning", "Exception"),
    ("UserWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
];

pub fn make_types() -> Types {
    use NativeType as N;
    let object = class("object", N::Object, vec![], "builtins");
    let o = || vec![object.clone()];
    let int = class("int", N::Int, o(), "builtins");
    let mut exc: HashMap<&'static str, Arc<Class>> = HashMap::new();
    for (name, base) in EXCEPTIONS {
        let bases = match (*name, base.is_empty()) {
            (_, true) => o(),
            // As in CPython: an ExceptionGroup is also an Exception.
            ("ExceptionGroup", _) => vec![exc[base].clone(), exc["Exception"].clone()],
            _ => vec![exc[base].clone()],
        };
        exc.insert(name, class(name, N::Exception, bases, "builtins"));
    }
    let iterator = class("iterator", N::Iterator, o(), "builtins");
    let iter_kinds = crate::vm::ITER_KINDS.iter().map(|n| class(n, N::Iterator, vec![iterator.clone()], "builtins")).collect();
    Types {
        iter_kinds,
        type_: class("type", N::Type, o(), "builtins"),
        bool_: class("bool", N::Bool, vec![int.clone()], "builtins"),
        int,
        float: class("float", N::Float, o(), "builtins"),
        str_: class("str", N::Str, o(), "builtins"),
        bytes: class("bytes", N::Bytes, o(), "builtins"),
        list: class("list", N::List, o(), "builtins"),
        tuple: class("tuple", N::Tuple, o(), "builtins"),
        dict: class("dict", N::Dict, o(), "builtins"),
        set: class("set", N::Set, o(), "builtins"),
        frozenset: class("frozenset", N::FrozenSet, o(), "builtins"),
        none: class("NoneType", N::NoneType, o(), "builtins"),
        function: class("function", N::Function, o(), "builtins"),
        builtin: class("builtin_function_or_method", N::BuiltinFunction, o(), "builtins"),
        method: class("method", N::Method, o(), "builtins"),
        module: class("module", N::Module, o(), "builtins"),
        generator: class("generator", N::Generator, o(), "builtins"),
        coroutine: class("coroutine", N::Coroutine, o(), "builtins"),
        range: class("range", N::Range, o(), "builtins"),
        iterator,
        slice: class("slice", N::Slice, o(), "builtins"),
        lock: class("lock", N::Lock, o(), "_thread"),
        rlock: class("RLock", N::Lock, o(), "_thread"),
        property: class("property", N::Property, o(), "builtins"),
        staticmethod: class("staticmethod", N::StaticMethod, o(), "builtins"),
        classmethod: class("classmethod", N::ClassMethod, o(), "builtins"),
        super_: class("super", N::Super, o(), "builtins"),
        cell: class("cell", N::Cell, o(), "builtins"),
        ellipsis: class("ellipsis", N::Ellipsis, o(), "builtins"),
        notimpl: class("NotImplementedType", N::NotImplementedType, o(), "builtins"),
        code: class("code", N::Code, o(), "builtins"),
        exc,
        object,
    }
}

pub fn builtin(name: &'static str, func: BuiltinFn) -> Value {
    Value::Builtin(Arc::new(Builtin { name, func, data: Value::None }))
}

pub fn builtin_with(name: &'static str, func: BuiltinFn, data: Value) -> Value {
    Value::Builtin(Arc::new(Builtin { name, func, data }))
}

fn def(c: &Arc<Class>, name: &'static str, func: BuiltinFn) {
    c.dict.lock().insert(Arc::from(name), builtin(name, func));
}

// ----- argument helpers -----

pub fn arg(vm: &Vm, a: &Args, i: usize, fname: &str) -> R {
    a.pos.get(i).cloned().ok_or_else(|| vm.type_error(format!("{fname}() missing required argument (pos {})", i + 1)))
}

pub fn opt(a: &Args, i: usize) -> Option<Value> {
    a.pos.get(i).cloned()
}

fn kw_or(a: &mut Args, i: usize, name: &str) -> Option<Value> {
    a.take_kw(name).or_else(|| a.pos.get(i).cloned())
}

pub fn int_arg(vm: &Vm, v: &Value) -> Result<i64, Ctl> {
    ops::to_index(vm, v)
}

pub fn float_arg(vm: &Vm, v: &Value, fname: &str) -> Result<f64, Ctl> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        // num-bigint gives infinity for an int beyond the floats; CPython refuses it.
        Value::BigInt(b) => b.to_f64().filter(|f| f.is_finite()).ok_or_else(|| vm.err("OverflowError", "int too large to convert to float")),
        other => Err(vm.type_error(format!("{fname}: must be real number, not {}", ops::type_name(vm, other)))),
    }
}

fn str_of(vm: &Vm, v: &Value, what: &str) -> Result<Str, Ctl> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => Err(vm.type_error(format!("{what} must be str, not {}", ops::type_name(vm, other)))),
    }
}

fn this_str(vm: &Vm, a: &Args) -> Result<Str, Ctl> {
    str_of(vm, &a.pos[0], "descriptor")
}

fn this_list(a: &Args) -> Arc<PyCell<Vec<Value>>> {
    match &a.pos[0] {
        Value::List(l) => l.clone(),
        _ => Arc::new(PyCell::new(Vec::new())),
    }
}

fn this_dict(a: &Args) -> Arc<PyCell<Dict>> {
    match &a.pos[0] {
        Value::Dict(d) => d.clone(),
        _ => Arc::new(PyCell::new(Dict::default())),
    }
}

fn this_set(a: &Args) -> Arc<PySet> {
    match &a.pos[0] {
        Value::Set(s) => s.clone(),
        _ => Arc::new(PySet { frozen: false, items: PyCell::default() }),
    }
}

// ----- install -----

pub fn install(vm: &mut Vm) {
    let b = vm.builtins.clone();
    let mut d = b.dict.lock();
    let t = &vm.types;
    for (name, c) in [
        ("object", &t.object),
        ("type", &t.type_),
        ("int", &t.int),
        ("bool", &t.bool_),
        ("float", &t.float),
        ("str", &t.str_),
        ("bytes", &t.bytes),
        ("list", &t.list),
        ("tuple", &t.tuple),
        ("dict", &t.dict),
        ("set", &t.set),
        ("frozenset", &t.frozenset),
        ("range", &t.range),
        ("property", &t.property),
        ("staticmethod", &t.staticmethod),
        ("classmethod", &t.classmethod),
        ("super", &t.super_),
        ("slice", &t.slice),
    ] {
        d.insert(Arc::from(name), Value::Class(c.clone()));
    }
    for (name, c) in &t.exc {
        d.insert(Arc::from(*name), Value::Class(c.clone()));
    }
    d.insert(Arc::from("IOError"), Value::Class(t.exc["OSError"].clone()));
    d.insert(Arc::from("EnvironmentError"), Value::Class(t.exc["OSError"].clone()));
    d.insert(Arc::from("None"), Value::None);
    d.insert(Arc::from("Ellipsis"), Value::Ellipsis);
    d.insert(Arc::from("NotImplemented"), Value::NotImplemented);
    d.insert(Arc::from("__name__"), Value::str("builtins"));
    let fns: &[(&'static str, BuiltinFn)] = &[
        ("print", bi_print),
        ("len", bi_len),
        ("repr", bi_repr),
        ("ascii", bi_repr),
        ("isinstance", bi_isinstance),
        ("issubclass", bi_issubclass),
        ("abs", bi_abs),
        ("min", bi_min),
        ("max", bi_max),
        ("sum", bi_sum),
        ("sorted", bi_sorted),
        ("reversed", bi_reversed),
        ("enumerate", bi_enumerate),
        ("zip", bi_zip),
        ("map", bi_map),
        ("filter", bi_filter),
        ("any", bi_any),
        ("all", bi_all),
        ("iter", bi_iter),
        ("next", bi_next),
        ("round", bi_round),
        ("divmod", bi_divmod),
        ("pow", bi_pow),
        ("hash", bi_hash),
        ("id", bi_id),
        ("ord", bi_ord),
        ("chr", bi_chr),
        ("hex", bi_hex),
        ("oct", bi_oct),
        ("bin", bi_bin),
        ("callable", bi_callable),
        ("getattr", bi_getattr),
        ("setattr", bi_setattr),
        ("hasattr", bi_hasattr),
        ("delattr", bi_delattr),
        ("vars", bi_vars),
        ("dir", bi_dir),
        ("input", bi_input),
        ("open", bi_open),
        ("format", bi_format),
        ("globals", bi_globals),
        ("exit", bi_exit),
        ("quit", bi_exit),
        ("eval", bi_eval),
        ("exec", bi_eval),
        ("__import__", bi_import),
        ("aiter", bi_unsupported),
        ("anext", bi_unsupported),
        ("breakpoint", bi_unsupported),
        ("compile", bi_unsupported),
        ("memoryview", bi_unsupported),
        ("bytearray", bi_bytearray),
        ("complex", bi_unsupported),
    ];
    for (name, f) in fns {
        d.insert(Arc::from(*name), builtin(name, *f));
    }
    drop(d);
    install_methods(vm);
}

fn install_methods(vm: &mut Vm) {
    let t = &vm.types;
    def(&t.object, "__init__", m_object_init);
    def(&t.object, "__setattr__", m_object_setattr);
    def(&t.object, "__getattribute__", m_object_getattribute);
    def(&t.exc["BaseExceptionGroup"], "__init__", m_excgroup_init);
    def(&t.exc["BaseException"], "__init__", m_exc_init);
    def(&t.exc["BaseException"], "with_traceback", m_exc_with_traceback);
    def(&t.exc["BaseException"], "add_note", m_exc_add_note);
    let s = &t.str_;
    for (n, f) in [
        ("upper", m_str_upper as BuiltinFn),
        ("lower", m_str_lower),
        ("casefold", m_str_lower),
        ("strip", m_str_strip),
        ("lstrip", m_str_lstrip),
        ("rstrip", m_str_rstrip),
        ("split", m_str_split),
        ("rsplit", m_str_rsplit),
        ("splitlines", m_str_splitlines),
        ("join", m_str_join),
        ("replace", m_str_replace),
        ("find", m_str_find),
        ("rfind", m_str_rfind),
        ("index", m_str_index),
        ("rindex", m_str_rindex),
        ("count", m_str_count),
        ("startswith", m_str_startswith),
        ("endswith", m_str_endswith),
        ("format", m_str_format),
        ("isdigit", m_str_isdigit),
        ("isdecimal", m_str_isdigit),
        ("isnumeric", m_str_isdigit),
        ("isalpha", m_str_isalpha),
        ("isalnum", m_str_isalnum),
        ("isspace", m_str_isspace),
        ("isupper", m_str_isupper),
        ("islower", m_str_islower),
        ("isidentifier", m_str_isidentifier),
        ("title", m_str_title),
        ("capitalize", m_str_capitalize),
        ("swapcase", m_str_swapcase),
        ("center", m_str_center),
        ("ljust", m_str_ljust),
        ("rjust", m_str_rjust),
        ("zfill", m_str_zfill),
        ("partition", m_str_partition),
        ("rpartition", m_str_rpartition),
        ("removeprefix", m_str_removeprefix),
        ("removesuffix", m_str_removesuffix),
        ("encode", m_str_encode),
        ("expandtabs", m_str_expandtabs),
        ("__len__", m_len_method),
        ("__contains__", m_contains_method),
    ] {
        def(s, n, f);
    }
    let l = &t.list;
    for (n, f) in [
        ("append", m_list_append as BuiltinFn),
        ("extend", m_list_extend),
        ("insert", m_list_insert),
        ("pop", m_list_pop),
        ("remove", m_list_remove),
        ("index", m_seq_index),
        ("count", m_seq_count),
        ("sort", m_list_sort),
        ("reverse", m_list_reverse),
        ("copy", m_list_copy),
        ("clear", m_list_clear),
        ("__len__", m_len_method),
        ("__getitem__", m_getitem_method),
        ("__contains__", m_contains_method),
    ] {
        def(l, n, f);
    }
    def(&t.tuple, "index", m_seq_index);
    def(&t.tuple, "count", m_seq_count);
    def(&t.tuple, "__len__", m_len_method);
    def(&t.tuple, "__getitem__", m_getitem_method);
    let dc = &t.dict;
    for (n, f) in [
        ("get", m_dict_get as BuiltinFn),
        ("keys", m_dict_keys),
        ("values", m_dict_values),
        ("items", m_dict_items),
        ("pop", m_dict_pop),
        ("popitem", m_dict_popitem),
        ("setdefault", m_dict_setdefault),
        ("update", m_dict_update),
        ("copy", m_dict_copy),
        ("clear", m_dict_clear),
        ("__len__", m_len_method),
        ("__getitem__", m_getitem_method),
        ("__contains__", m_contains_method),
    ] {
        def(dc, n, f);
    }
    dc.dict.lock().insert(Arc::from("fromkeys"), Value::Wrapper(Arc::new(Wrapper::ClassMethod(builtin("fromkeys", m_dict_fromkeys)))));
    for c in [&t.set, &t.frozenset] {
        for (n, f) in [
            ("union", m_set_union as BuiltinFn),
            ("intersection", m_set_intersection),
            ("difference", m_set_difference),
            ("symmetric_difference", m_set_symdiff),
            ("issubset", m_set_issubset),
            ("issuperset", m_set_issuperset),
            ("isdisjoint", m_set_isdisjoint),
            ("copy", m_set_copy),
            ("__len__", m_len_method),
            ("__contains__", m_contains_method),
        ] {
            def(c, n, f);
        }
    }
    for (n, f) in [
        ("add", m_set_add as BuiltinFn),
        ("remove", m_set_remove),
        ("discard", m_set_discard),
        ("pop", m_set_pop),
        ("clear", m_set_clear),
        ("update", m_set_update),
        ("difference_update", m_set_difference_update),
        ("symmetric_difference_update", m_set_symmetric_difference_update),
        ("intersection_update", m_set_intersection_update),
    ] {
        def(&t.set, n, f);
    }
    def(&t.int, "bit_length", m_int_bit_length);
    def(&t.int, "__index__", m_int_index);
    def(&t.float, "is_integer", m_float_is_integer);
    def(&t.float, "as_integer_ratio", m_float_as_integer_ratio);
    for c in [&t.generator, &t.coroutine] {
        def(c, "send", m_gen_send);
        def(c, "throw", m_gen_throw);
        def(c, "close", m_gen_close);
        def(c, "__next__", m_gen_next);
        def(c, "__iter__", m_self);
    }
    def(&t.iterator, "__next__", m_iter_next);
    def(&t.iterator, "__iter__", m_self);
    def(&t.lock, "acquire", m_lock_acquire);
    def(&t.lock, "acquire_lock", m_lock_acquire);
    def(&t.lock, "__enter__", m_lock_acquire);
    def(&t.lock, "release", m_lock_release);
    def(&t.lock, "release_lock", m_lock_release);
    def(&t.lock, "__exit__", m_lock_exit);
    def(&t.lock, "locked", m_lock_locked);
    def(&t.rlock, "acquire", m_lock_acquire);
    def(&t.rlock, "__enter__", m_lock_acquire);
    def(&t.rlock, "release", m_lock_release);
    def(&t.rlock, "__exit__", m_lock_exit);
    def(&t.rlock, "_release_save", m_rlock_release_save);
    def(&t.rlock, "_acquire_restore", m_rlock_acquire_restore);
    def(&t.rlock, "_is_owned", m_rlock_is_owned);
    crate::bytes::install_methods(t);
    def(&t.property, "setter", m_property_setter);
    def(&t.property, "getter", m_property_getter);
}

/// The constructor of a built-in type (or a class deriving from one).
pub fn constructor(vm: &Vm, c: &Arc<Class>) -> Option<BuiltinFn> {
    let _ = vm;
    Some(match c.native {
        NativeType::Int => ctor_int,
        NativeType::Bool => ctor_bool,
        NativeType::Float => ctor_float,
        NativeType::Str => ctor_str,
        NativeType::Bytes => crate::bytes::ctor_bytes,
        NativeType::List => ctor_list,
        NativeType::Tuple => ctor_tuple,
        NativeType::Dict => ctor_dict,
        NativeType::Set => ctor_set,
        NativeType::FrozenSet => ctor_frozenset,
        NativeType::Type => ctor_type,
        NativeType::Range => ctor_range,
        NativeType::Property => ctor_property,
        NativeType::StaticMethod => ctor_staticmethod,
        NativeType::ClassMethod => ctor_classmethod,
        NativeType::Super => ctor_super,
        NativeType::Slice => ctor_slice,
        NativeType::Object => return None,
        _ => return None,
    })
}

fn not_subclassable(vm: &Vm, a: &Args, native: NativeType) -> Result<(), Ctl> {
    if let Value::Class(c) = &a.pos[0] {
        if c.module.as_ref() != "builtins" && c.native == native {
            return Err(vm.type_error(format!(
                "subclassing the built-in type '{}' is not supported in this playground yet",
                c.mro.iter().find(|k| k.module.as_ref() == "builtins" && k.native == native).map(|k| k.name.to_string()).unwrap_or_default()
            )));
        }
    }
    Ok(())
}

fn ctor_int(vm: &mut Vm, mut a: Args) -> R {
    not_subclassable(vm, &a, NativeType::Int)?;
    let base = a.take_kw("base").or_else(|| opt(&a, 2));
    let Some(x) = opt(&a, 1) else { return Ok(Value::Int(0)) };
    if let Some(base) = base {
        let b = int_arg(vm, &base)?;
        let s = str_of(vm, &x, "int() can't convert non-string with explicit base; value")?;
        return crate::format::parse_int_literal(&s, b as u32)
            .map(Value::from_big)
            .ok_or_else(|| vm.value_error(format!("invalid literal for int() with base {b}: {}", ops::str_repr(&s))));
    }
    match &x {
        Value::Int(_) | Value::BigInt(_) => Ok(x),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => {
            if f.is_nan() {
                return Err(vm.value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(vm.err("OverflowError", "cannot convert float infinity to integer"));
            }
            let t = f.trunc();
            if t.abs() < 9.0e18 {
                Ok(Value::Int(t as i64))
            } else {
                Ok(Value::from_big(num_bigint::BigInt::from_signed_bytes_le(&[0]) + big_from_f64(t)))
            }
        }
        Value::Str(s) => crate::format::parse_int_literal(s, 10)
            .map(Value::from_big)
            .ok_or_else(|| vm.value_error(format!("invalid literal for int() with base 10: {}", ops::str_repr(s)))),
        Value::Bytes(b) => std::str::from_utf8(b)
            .ok()
            .and_then(|s| crate::format::parse_int_literal(s, 10))
            .map(Value::from_big)
            .ok_or_else(|| vm.value_error(format!("invalid literal for int() with base 10: {}", crate::bytes::repr(b)))),
        Value::Instance(_) => {
            for name in ["__int__", "__index__"] {
                if let Some(f) = ops::lookup_special(vm, &x, name) {
                    return vm.call(&f, Args::new(vec![x.clone()]));
                }
            }
            Err(vm.type_error(format!("int() argument must be a string, a bytes-like object or a real number, not '{}'", ops::type_name(vm, &x))))
        }
        _ => Err(vm.type_error(format!("int() argument must be a string, a bytes-like object or a real number, not '{}'", ops::type_name(vm, &x)))),
    }
}

fn big_from_f64(f: f64) -> BigInt {
    // Exact for any finite float: mantissa * 2**exponent.
    let bits = f.to_bits();
    let sign = if bits >> 63 == 1 { -1 } else { 1 };
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = if exp == 0 { (bits & 0xfffffffffffff) << 1 } else { (bits & 0xfffffffffffff) | 0x10000000000000 };
    let e = exp - 1075;
    let m = BigInt::from(mant) * sign;
    if e >= 0 { m << e as usize } else { m >> (-e) as usize }
}

fn ctor_bool(vm: &mut Vm, a: Args) -> R {
    match opt(&a, 1) {
        Some(v) => Ok(Value::Bool(ops::truthy(vm, &v)?)),
        None => Ok(Value::Bool(false)),
    }
}

fn ctor_float(vm: &mut Vm, a: Args) -> R {
    not_subclassable(vm, &a, NativeType::Float)?;
    let Some(x) = opt(&a, 1) else { return Ok(Value::Float(0.0)) };
    match &x {
        Value::Str(s) => crate::format::parse_float_literal(s).map(Value::Float).ok_or_else(|| vm.value_error(format!("could not convert string to float: {}", ops::str_repr(s)))),
        Value::Instance(_) => match ops::lookup_special(vm, &x, "__float__") {
            Some(f) => vm.call(&f, Args::new(vec![x.clone()])),
            None => Err(vm.type_error(format!("float() argument must be a string or a real number, not '{}'", ops::type_name(vm, &x)))),
        },
        Value::BigInt(_) => float_arg(vm, &x, "float()").map(Value::Float),
        other => float_arg(vm, other, "float()").map(Value::Float).map_err(|_| vm.type_error(format!("float() argument must be a string or a real number, not '{}'", ops::type_name(vm, other)))),
    }
}

fn ctor_str(vm: &mut Vm, mut a: Args) -> R {
    not_subclassable(vm, &a, NativeType::Str)?;
    let encoding = a.take_kw("encoding").or_else(|| opt(&a, 2));
    let errors = a.take_kw("errors").or_else(|| opt(&a, 3));
    if encoding.is_some() || errors.is_some() {
        let source = a.take_kw("object").or_else(|| opt(&a, 1)).unwrap_or(Value::bytes(b""));
        return crate::bytes::str_from(vm, &source, encoding, errors);
    }
    match opt(&a, 1) {
        Some(v) => Ok(Value::str(&ops::to_str(vm, &v)?)),
        None => Ok(Value::str("")),
    }
}

fn ctor_list(vm: &mut Vm, a: Args) -> R {
    not_subclassable(vm, &a, NativeType::List)?;
    match opt(&a, 1) {
        Some(v) => Ok(Value::list(ops::collect(vm, &v)?)),
        None => Ok(Value::list(vec![])),
    }
}

fn ctor_tuple(vm: &mut Vm, a: Args) -> R {
    not_subclassable(vm, &a, NativeType::Tuple)?;
    match opt(&a, 1) {
        Some(Value::Tuple(t)) => Ok(Value::Tuple(t)),
        Some(v) => Ok(Value::tuple(ops::collect(vm, &v)?)),
        None => Ok(Value::tuple(vec![])),
    }
}

fn ctor_dict(vm: &mut Vm, a: Args) -> R {
    not_subclassable(vm, &a, NativeType::Dict)?;
    let mut d = Dict::default();
    if let Some(v) = opt(&a, 1) {
        for (k, v) in ops::dict_pairs(vm, &v)? {
            d.insert(k, v);
        }
    }
    for (k, v) in a.kw {
        d.insert(Key { hash: ops::hash_str(&k), value: Value::Str(k), canon: 0 }, v);
    }
    Ok(Value::dict(d))
}

fn ctor_set(vm: &mut Vm, a: Args) -> R {
    not_subclassable(vm, &a, NativeType::Set)?;
    let items = match opt(&a, 1) {
        Some(v) => ops::collect(vm, &v)?,
        None => vec![],
    };
    ops::new_set(vm, items, false)
}

fn ctor_frozenset(vm: &mut Vm, a: Args) -> R {
    let items = match opt(&a, 1) {
        Some(v) => ops::collect(vm, &v)?,
        None => vec![],
    };
    ops::new_set(vm, items, true)
}

fn ctor_type(vm: &mut Vm, a: Args) -> R {
    match a.pos.len() {
        2 => Ok(Value::Class(ops::type_of(vm, &a.pos[1]))),
        4 => {
            let name = str_of(vm, &a.pos[1], "type.__new__() argument 1")?;
            let bases: Vec<Arc<Class>> = ops::collect(vm, &a.pos[2])?.into_iter().filter_map(|b| if let Value::Class(c) = b { Some(c) } else { None }).collect();
            let ns = Arc::new(Namespace::default());
            for (k, v) in ops::dict_pairs(vm, &a.pos[3])? {
                if let Value::Str(s) = k.value {
                    ns.lock().insert(s, v);
                }
            }
            crate::call::build_class(vm, name, bases, ns, vec![])
        }
        _ => Err(vm.type_error("type() takes 1 or 3 arguments")),
    }
}

fn ctor_range(vm: &mut Vm, a: Args) -> R {
    let n: Vec<i64> = a.pos[1..].iter().map(|v| int_arg(vm, v)).collect::<Result<_, _>>()?;
    let (start, stop, step) = match n.len() {
        1 => (0, n[0], 1),
        2 => (n[0], n[1], 1),
        3 => (n[0], n[1], n[2]),
        0 => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        k => return Err(vm.type_error(format!("range expected at most 3 arguments, got {k}"))),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Arc::new((start, stop, step))))
}

fn ctor_property(_vm: &mut Vm, mut a: Args) -> R {
    let fget = kw_or(&mut a, 1, "fget").unwrap_or(Value::None);
    let fset = kw_or(&mut a, 2, "fset").unwrap_or(Value::None);
    Ok(Value::Wrapper(Arc::new(Wrapper::Property { fget, fset })))
}

fn m_property_setter(vm: &mut Vm, a: Args) -> R {
    let Value::Wrapper(w) = &a.pos[0] else { return Err(vm.type_error("property expected")) };
    let Wrapper::Property { fget, .. } = &**w else { return Err(vm.type_error("property expected")) };
    Ok(Value::Wrapper(Arc::new(Wrapper::Property { fget: fget.clone(), fset: arg(vm, &a, 1, "setter")? })))
}

fn m_property_getter(vm: &mut Vm, a: Args) -> R {
    let Value::Wrapper(w) = &a.pos[0] else { return Err(vm.type_error("property expected")) };
    let Wrapper::Property { fset, .. } = &**w else { return Err(vm.type_error("property expected")) };
    Ok(Value::Wrapper(Arc::new(Wrapper::Property { fget: arg(vm, &a, 1, "getter")?, fset: fset.clone() })))
}

fn ctor_staticmethod(vm: &mut Vm, a: Args) -> R {
    Ok(Value::Wrapper(Arc::new(Wrapper::StaticMethod(arg(vm, &a, 1, "staticmethod")?))))
}

fn ctor_classmethod(vm: &mut Vm, a: Args) -> R {
    Ok(Value::Wrapper(Arc::new(Wrapper::ClassMethod(arg(vm, &a, 1, "classmethod")?))))
}

fn ctor_super(vm: &mut Vm, a: Args) -> R {
    match (opt(&a, 1), opt(&a, 2)) {
        (Some(Value::Class(c)), Some(obj)) => Ok(Value::Super(Arc::new((c, obj)))),
        _ => Err(vm.err("RuntimeError", "super(): no arguments")),
    }
}

fn ctor_slice(_vm: &mut Vm, a: Args) -> R {
    let p: Vec<Value> = a.pos[1..].to_vec();
    Ok(Value::Slice(Arc::new(match p.len() {
        1 => (Value::None, p[0].clone(), Value::None),
        2 => (p[0].clone(), p[1].clone(), Value::None),
        _ => (p.first().cloned().unwrap_or(Value::None), p.get(1).cloned().unwrap_or(Value::None), p.get(2).cloned().unwrap_or(Value::None)),
    })))
}

// ----- builtin functions -----

fn bi_print(vm: &mut Vm, mut a: Args) -> R {
    let sep = match a.take_kw("sep") {
        Some(Value::Str(s)) => s.to_string(),
        Some(Value::None) | None => " ".into(),
        Some(o) => return Err(vm.type_error(format!("sep must be None or a string, not {}", ops::type_name(vm, &o)))),
    };
    let end = match a.take_kw("end") {
        Some(Value::Str(s)) => s.to_string(),
        Some(Value::None) | None => "\n".into(),
        Some(o) => return Err(vm.type_error(format!("end must be None or a string, not {}", ops::type_name(vm, &o)))),
    };
    let file = a.take_kw("file");
    let _flush = a.take_kw("flush");
    if let Some((k, _)) = a.kw.first() {
        return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for print()")));
    }
    let mut out = String::new();
    for (i, v) in a.pos.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&ops::to_str(vm, v)?);
    }
    out.push_str(&end);
    write_to(vm, file, &out)?;
    Ok(Value::None)
}

/// Writes to sys.stdout, sys.stderr or any object with a write() method.
pub fn write_to(vm: &mut Vm, file: Option<Value>, text: &str) -> Result<(), Ctl> {
    match file {
        None | Some(Value::None) => vm.write_out(text, false),
        Some(f) => {
            if let Value::Instance(i) = &f {
                if let Some(Value::Int(fd)) = i.attrs.lock().get("_fd").cloned() {
                    vm.write_out(text, fd == 2);
                    return Ok(());
                }
            }
            let w = match ops::get_attr(vm, &f, "write")? {
                Attr::Value(w) => w,
                Attr::Call(g, a) => vm.call(&g, a)?,
            };
            vm.call(&w, Args::new(vec![Value::str(text)]))?;
        }
    }
    Ok(())
}

pub fn len_of(vm: &mut Vm, v: &Value) -> Result<i64, Ctl> {
    Ok(match v {
        Value::Str(s) => (if s.is_ascii() { s.len() } else { s.chars().count() }) as i64,
        Value::Bytes(b) => b.len() as i64,
        Value::List(l) => l.lock().len() as i64,
        Value::Tuple(t) => t.len() as i64,
        Value::Dict(d) => d.lock().len() as i64,
        Value::Set(s) => s.items.lock().len() as i64,
        Value::Range(r) => ops::range_len(r.0, r.1, r.2),
        Value::Instance(_) => match ops::lookup_special(vm, v, "__len__") {
            Some(f) => {
                let r = vm.call(&f, Args::new(vec![v.clone()]))?;
                int_arg(vm, &r)?
            }
            None => return Err(vm.type_error(format!("object of type '{}' has no len()", ops::type_name(vm, v)))),
        },
        _ => return Err(vm.type_error(format!("object of type '{}' has no len()", ops::type_name(vm, v)))),
    })
}

fn bi_len(vm: &mut Vm, a: Args) -> R {
    let v = arg(vm, &a, 0, "len")?;
    Ok(Value::Int(len_of(vm, &v)?))
}

fn m_len_method(vm: &mut Vm, a: Args) -> R {
    bi_len(vm, a)
}

fn m_getitem_method(vm: &mut Vm, a: Args) -> R {
    match ops::get_item(vm, &a.pos[0], &arg(vm, &a, 1, "__getitem__")?)? {
        Attr::Value(v) => Ok(v),
        Attr::Call(f, args) => vm.call(&f, args),
    }
}

fn m_contains_method(vm: &mut Vm, a: Args) -> R {
    Ok(Value::Bool(ops::contains(vm, &a.pos[0], &arg(vm, &a, 1, "__contains__")?)?))
}

fn bi_repr(vm: &mut Vm, a: Args) -> R {
    let v = arg(vm, &a, 0, "repr")?;
    Ok(Value::str(&ops::repr(vm, &v)?))
}

fn class_list(vm: &Vm, v: &Value, fname: &str) -> Result<Vec<Arc<Class>>, Ctl> {
    match v {
        Value::Class(c) => Ok(vec![c.clone()]),
        Value::Tuple(t) => {
            let mut out = Vec::new();
            for x in t.iter() {
                out.extend(class_list(vm, x, fname)?);
            }
            Ok(out)
        }
        _ => Err(vm.type_error(format!("{fname}() arg 2 must be a type, a tuple of types, or a union"))),
    }
}

fn bi_isinstance(vm: &mut Vm, a: Args) -> R {
    let v = arg(vm, &a, 0, "isinstance")?;
    let cs = class_list(vm, &arg(vm, &a, 1, "isinstance")?, "isinstance")?;
    Ok(Value::Bool(cs.iter().any(|c| ops::is_instance(vm, &v, c))))
}

fn bi_issubclass(vm: &mut Vm, a: Args) -> R {
    let Value::Class(c) = arg(vm, &a, 0, "issubclass")? else { return Err(vm.type_error("issubclass() arg 1 must be a class")) };
    let cs = class_list(vm, &arg(vm, &a, 1, "issubclass")?, "issubclass")?;
    Ok(Value::Bool(cs.iter().any(|k| c.is_subclass(k) || (Arc::ptr_eq(k, &vm.types.int) && Arc::ptr_eq(&c, &vm.types.bool_)))))
}

fn bi_abs(vm: &mut Vm, a: Args) -> R {
    let v = arg(vm, &a, 0, "abs")?;
    Ok(match &v {
        Value::Int(i) => match i.checked_abs() {
            Some(x) => Value::Int(x),
            None => Value::from_big(BigInt::from(*i).abs()),
        },
        Value::Bool(b) => Value::Int(*b as i64),
        Value::BigInt(b) => Value::from_big(b.abs()),
        Value::Float(f) => Value::Float(f.abs()),
        Value::Instance(_) => match ops::lookup_special(vm, &v, "__abs__") {
            Some(f) => return vm.call(&f, Args::new(vec![v.clone()])),
            None => return Err(vm.type_error(format!("bad operand type for abs(): '{}'", ops::type_name(vm, &v)))),
        },
        _ => return Err(vm.type_error(format!("bad operand type for abs(): '{}'", ops::type_name(vm, &v)))),
    })
}

fn min_max(vm: &mut Vm, mut a: Args, want: std::cmp::Ordering, fname: &str) -> R {
    let keyf = a.take_kw("key").filter(|k| !k.is_none());
    let default = a.take_kw("default");
    let items = if a.pos.len() == 1 { ops::collect(vm, &a.pos[0])? } else { a.pos.clone() };
    if items.is_empty() {
        if a.pos.is_empty() {
            return Err(vm.type_error(format!("{fname} expected at least 1 argument, got 0")));
        }
        return default.ok_or_else(|| vm.value_error(format!("{fname}() arg is an empty sequence")));
    }
    let mut best = items[0].clone();
    let mut best_key = match &keyf {
        Some(k) => vm.call(k, Args::new(vec![best.clone()]))?,
        None => best.clone(),
    };
    for it in items.into_iter().skip(1) {
        let k = match &keyf {
            Some(kf) => vm.call(kf, Args::new(vec![it.clone()]))?,
            None => it.clone(),
        };
        if ops::order(vm, &k, &best_key)? == Some(want) {
            best = it;
            best_key = k;
        }
    }
    Ok(best)
}

fn bi_min(vm: &mut Vm, a: Args) -> R {
    min_max(vm, a, std::cmp::Ordering::Less, "min")
}

fn bi_max(vm: &mut Vm, a: Args) -> R {
    min_max(vm, a, std::cmp::Ordering::Greater, "max")
}

fn bi_sum(vm: &mut Vm, mut a: Args) -> R {
    let start = a.take_kw("start").or_else(|| opt(&a, 1)).unwrap_or(Value::Int(0));
    if let Value::Str(_) = start {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let items = ops::collect(vm, &arg(vm, &a, 0, "sum")?)?;
    let mut acc = start;
    for it in items {
        acc = match ops::binary(vm, crate::code::BinOp::Add, &acc, &it, false)? {
            Attr::Value(v) => v,
            Attr::Call(f, args) => vm.call(&f, args)?,
        };
    }
    Ok(acc)
}

pub fn sort_values(vm: &mut Vm, items: &mut Vec<Value>, keyf: Option<Value>, reverse: bool) -> Result<(), Ctl> {
    let keys: Vec<Value> = match &keyf {
        Some(k) => items.iter().map(|it| vm.call(k, Args::new(vec![it.clone()]))).collect::<Result<_, _>>()?,
        None => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    // A stable merge sort that can fail: the comparison may raise.
    let mut err = None;
    let mut cmp = |x: &usize, y: &usize| -> std::cmp::Ordering {
        if err.is_some() {
            return std::cmp::Ordering::Equal;
        }
        let (a, b) = if reverse { (&keys[*y], &keys[*x]) } else { (&keys[*x], &keys[*y]) };
        match ops::order(vm, a, b) {
            Ok(Some(o)) => o,
            Ok(None) => std::cmp::Ordering::Equal,
            Err(e) => {
                err = Some(e);
                std::cmp::Ordering::Equal
            }
        }
    };
    idx.sort_by(&mut cmp);
    if let Some(e) = err {
        return Err(e);
    }
    let old = std::mem::take(items);
    *items = idx.into_iter().map(|i| old[i].clone()).collect();
    Ok(())
}

fn bi_sorted(vm: &mut Vm, mut a: Args) -> R {
    let keyf = a.take_kw("key").filter(|k| !k.is_none());
    let reverse = match a.take_kw("reverse") {
        Some(v) => ops::truthy(vm, &v)?,
        None => false,
    };
    let mut items = ops::collect(vm, &arg(vm, &a, 0, "sorted")?)?;
    sort_values(vm, &mut items, keyf, reverse)?;
    Ok(Value::list(items))
}

fn iter_value(it: NativeIter) -> Value {
    Value::Iter(Arc::new(PyCell::new(it)))
}

fn bi_reversed(vm: &mut Vm, a: Args) -> R {
    let v = arg(vm, &a, 0, "reversed")?;
    match &v {
        Value::List(l) => {
            let n = l.lock().len();
            Ok(iter_value(NativeIter::Reversed { seq: v.clone(), index: n }))
        }
        Value::Tuple(t) => Ok(iter_value(NativeIter::Reversed { seq: v.clone(), index: t.len() })),
        Value::Range(r) => {
            let n = ops::range_len(r.0, r.1, r.2);
            let last = r.0 + (n - 1) * r.2;
            Ok(iter_value(NativeIter::Range { next: last, stop: r.0 - r.2, step: -r.2 }))
        }
        Value::Str(s) => Ok(iter_value(NativeIter::Values(s.chars().rev().map(|c| Value::str(&c.to_string())).collect::<Vec<_>>().into_iter()))),
        Value::Bytes(b) => Ok(iter_value(NativeIter::Values(b.iter().rev().map(|x| Value::Int(*x as i64)).collect::<Vec<_>>().into_iter()))),
        Value::Dict(d) => Ok(iter_value(NativeIter::Values(d.lock().keys().rev().map(|k| k.value.clone()).collect::<Vec<_>>().into_iter()))),
        Value::Instance(_) if ops::lookup_special(vm, &v, "__reversed__").is_some() => {
            let f = ops::lookup_special(vm, &v, "__reversed__").unwrap();
            vm.call(&f, Args::new(vec![v.clone()]))
        }
        _ => {
            let mut items = ops::collect(vm, &v)?;
            items.reverse();
            Ok(iter_value(NativeIter::Values(items.into_iter())))
        }
    }
}

fn bi_enumerate(vm: &mut Vm, mut a: Args) -> R {
    let start = a.take_kw("start").or_else(|| opt(&a, 1)).unwrap_or(Value::Int(0));
    let inner = ops::iter(vm, &arg(vm, &a, 0, "enumerate")?)?;
    Ok(iter_value(NativeIter::Enumerate { inner, count: start }))
}

fn bi_zip(vm: &mut Vm, mut a: Args) -> R {
    let _strict = a.take_kw("strict");
    let its = a.pos.iter().map(|v| ops::iter(vm, v)).collect::<Result<Vec<_>, _>>()?;
    Ok(iter_value(NativeIter::Zip(its)))
}

fn bi_map(vm: &mut Vm, a: Args) -> R {
    let func = arg(vm, &a, 0, "map")?;
    let iters = a.pos[1..].iter().map(|v| ops::iter(vm, v)).collect::<Result<Vec<_>, _>>()?;
    Ok(iter_value(NativeIter::Map { func, iters }))
}

fn bi_filter(vm: &mut Vm, a: Args) -> R {
    let func = arg(vm, &a, 0, "filter")?;
    let inner = ops::iter(vm, &arg(vm, &a, 1, "filter")?)?;
    Ok(iter_value(NativeIter::Filter { func, inner }))
}

fn bi_any(vm: &mut Vm, a: Args) -> R {
    let it = ops::iter(vm, &arg(vm, &a, 0, "any")?)?;
    while let Some(v) = ops::next(vm, &it)? {
        if ops::truthy(vm, &v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn bi_all(vm: &mut Vm, a: Args) -> R {
    let it = ops::iter(vm, &arg(vm, &a, 0, "all")?)?;
    while let Some(v) = ops::next(vm, &it)? {
        if !ops::truthy(vm, &v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn bi_iter(vm: &mut Vm, a: Args) -> R {
    let v = arg(vm, &a, 0, "iter")?;
    if let Some(sentinel) = opt(&a, 1) {
        return Ok(iter_value(NativeIter::Callable { func: v, sentinel }));
    }
    match ops::get_iter(vm, &v)? {
        Attr::Value(it) => Ok(it),
        Attr::Call(f, args) => Err(Ctl::TailCall(f, args)),
    }
}

fn bi_next(vm: &mut Vm, a: Args) -> R {
    let it = arg(vm, &a, 0, "next")?;
    let default = opt(&a, 1);
    match &it {
        Value::Gen(g) if default.is_none() => Err(Ctl::Resume(g.clone(), Value::None, false)),
        Value::Iter(_) => match ops::native_next(vm, &it)? {
            Some(v) => Ok(v),
            None => default.ok_or_else(|| Ctl::Exc(vm.stop_iteration(Value::None))),
        },
        _ => match ops::next(vm, &it) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => default.ok_or_else(|| Ctl::Exc(vm.stop_iteration(Value::None))),
            Err(e) => Err(e),
        },
    }
}

fn bi_round(vm: &mut Vm, a: Args) -> R {
    let v = arg(vm, &a, 0, "round")?;
    let nd = opt(&a, 1).filter(|v| !v.is_none());
    match (&v, nd) {
        (Value::Float(f), None) => {
            let r = round_half_even(*f);
            if r.is_nan() {
                return Err(vm.value_error("cannot convert float NaN to integer"));
            }
            if r.is_infinite() {
                return Err(vm.err("OverflowError", "cannot convert float infinity to integer"));
            }
            if r.abs() < 9.0e18 { Ok(Value::Int(r as i64)) } else { Ok(Value::from_big(big_from_f64(r))) }
        }
        (Value::Float(f), Some(n)) => {
            let n = int_arg(vm, &n)?;
            // Correctly rounded, as CPython: through the shortest decimal representation.
            let s = format!("{:.*e}", 17, f);
            let _ = s;
            let txt = crate::format::format_float(*f, &format!(".{}f", n.max(0))).unwrap_or_default();
            if n >= 0 {
                Ok(Value::Float(txt.parse().unwrap_or(*f)))
            } else {
                let m = 10f64.powi((-n) as i32);
                Ok(Value::Float(round_half_even(f / m) * m))
            }
        }
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), None) => Ok(match v {
            Value::Bool(b) => Value::Int(b as i64),
            other => other,
        }),
        (Value::Int(i), Some(n)) => {
            let n = int_arg(vm, &n)?;
            if n >= 0 {
                return Ok(Value::Int(*i));
            }
            let m = 10i64.checked_pow((-n) as u32).unwrap_or(i64::MAX);
            let q = i.div_euclid(m);
            let r = i.rem_euclid(m);
            let q = if r * 2 > m || (r * 2 == m && q % 2 != 0) { q + 1 } else { q };
            Ok(Value::Int(q * m))
        }
        (Value::Instance(_), nd) => match ops::lookup_special(vm, &v, "__round__") {
            Some(f) => {
                let mut args = vec![v.clone()];
                if let Some(n) = nd {
                    args.push(n);
                }
                vm.call(&f, Args::new(args))
            }
            None => Err(vm.type_error(format!("type {} doesn't define __round__ method", ops::type_name(vm, &v)))),
        },
        _ => Err(vm.type_error(format!("type {} doesn't define __round__ method", ops::type_name(vm, &v)))),
    }
}

fn round_half_even(f: f64) -> f64 {
    let r = f.round();
    if (f - f.trunc()).abs() == 0.5 {
        2.0 * (f / 2.0).round()
    } else {
        r
    }
}

fn bi_divmod(vm: &mut Vm, a: Args) -> R {
    let x = arg(vm, &a, 0, "divmod")?;
    let y = arg(vm, &a, 1, "divmod")?;
    // A class of the program's may define it (datetime.timedelta does).
    if matches!(x, Value::Instance(_)) {
        if let Some(f) = ops::lookup_special(vm, &x, "__divmod__") {
            return Err(Ctl::TailCall(f, Args::new(vec![x, y])));
        }
    }
    if matches!(y, Value::Instance(_)) {
        if let Some(f) = ops::lookup_special(vm, &y, "__rdivmod__") {
            return Err(Ctl::TailCall(f, Args::new(vec![y, x])));
        }
    }
    let q = ops::binary_native(vm, crate::code::BinOp::FloorDiv, &x, &y, false)?;
    let r = ops::binary_native(vm, crate::code::BinOp::Mod, &x, &y, false)?;
    Ok(Value::tuple(vec![q, r]))
}

fn bi_pow(vm: &mut Vm, a: Args) -> R {
    let x = arg(vm, &a, 0, "pow")?;
    let y = arg(vm, &a, 1, "pow")?;
    if let Some(m) = opt(&a, 2).filter(|m| !m.is_none()) {
        let (Some(b), Some(e), Some(m)) = (x.to_bigint(), y.to_bigint(), m.to_bigint()) else {
            return Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"));
        };
        if m.is_zero() {
            return Err(vm.value_error("pow() 3rd argument cannot be 0"));
        }
        if e.is_negative() {
            return Err(vm.value_error("base is not invertible for the given modulus"));
        }
        let r = b.modpow(&e, &m);
        let r = if !r.is_zero() && (r.is_negative() != m.is_negative()) { r + &m } else { r };
        return Ok(Value::from_big(r));
    }
    ops::binary_native(vm, crate::code::BinOp::Pow, &x, &y, false)
}

fn bi_hash(vm: &mut Vm, a: Args) -> R {
    let v = arg(vm, &a, 0, "hash")?;
    Ok(Value::Int(ops::hash(vm, &v)?))
}

fn bi_id(vm: &mut Vm, a: Args) -> R {
    let v = arg(vm, &a, 0, "id")?;
    Ok(Value::Int(match v.ptr() {
        Some(p) => p as i64,
        None => ops::hash(vm, &v)? ^ 0x7f00_0000,
    }))
}

fn bi_ord(vm: &mut Vm, a: Args) -> R {
    if let Some(Value::Bytes(b)) = a.pos.first() {
        return match **b {
            [x] => Ok(Value::Int(x as i64)),
            _ => Err(vm.type_error(format!("ord() expected a character, but string of length {} found", b.len()))),
        };
    }
    let s = str_of(vm, &arg(vm, &a, 0, "ord")?, "ord() argument")?;
    let mut cs = s.chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) => Ok(Value::Int(c as i64)),
        _ => Err(vm.type_error(format!("ord() expected a character, but string of length {} found", s.chars().count()))),
    }
}

fn bi_chr(vm: &mut Vm, a: Args) -> R {
    let i = int_arg(vm, &arg(vm, &a, 0, "chr")?)?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::str(&c.to_string())),
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

fn radix(vm: &mut Vm, a: Args, spec: &str) -> R {
    let v = arg(vm, &a, 0, "hex")?;
    let b = v.to_bigint().ok_or_else(|| vm.type_error(format!("'{}' object cannot be interpreted as an integer", ops::type_name(vm, &v))))?;
    crate::format::format_int(&b, spec).map(|s| Value::str(&s)).map_err(|m| vm.value_error(m))
}

fn bi_hex(vm: &mut Vm, a: Args) -> R {
    radix(vm, a, "#x")
}
fn bi_oct(vm: &mut Vm, a: Args) -> R {
    radix(vm, a, "#o")
}
fn bi_bin(vm: &mut Vm, a: Args) -> R {
    radix(vm, a, "#b")
}

fn bi_callable(vm: &mut Vm, a: Args) -> R {
    let v = arg(vm, &a, 0, "callable")?;
    Ok(Value::Bool(match &v {
        Value::Func(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_) => true,
        Value::Instance(_) => ops::lookup_special(vm, &v, "__call__").is_some(),
        _ => false,
    }))
}

fn bi_getattr(vm: &mut Vm, a: Args) -> R {
    let obj = arg(vm, &a, 0, "getattr")?;
    let name = str_of(vm, &arg(vm, &a, 1, "getattr")?, "attribute name")?;
    let r = match ops::get_attr(vm, &obj, &name) {
        Ok(Attr::Value(v)) => Ok(v),
        Ok(Attr::Call(f, args)) => vm.call(&f, args),
        Err(e) => Err(e),
    };
    match (r, opt(&a, 2)) {
        (Err(Ctl::Exc(e)), Some(d)) if ops::is_instance_of(vm, &e, "AttributeError") => Ok(d),
        (r, _) => r,
    }
}

fn bi_setattr(vm: &mut Vm, a: Args) -> R {
    let obj = arg(vm, &a, 0, "setattr")?;
    let name = str_of(vm, &arg(vm, &a, 1, "setattr")?, "attribute name")?;
    if let Some((f, args)) = ops::set_attr(vm, &obj, &name, arg(vm, &a, 2, "setattr")?)? {
        vm.call(&f, args)?;
    }
    Ok(Value::None)
}

fn bi_hasattr(vm: &mut Vm, a: Args) -> R {
    let obj = arg(vm, &a, 0, "hasattr")?;
    let name = str_of(vm, &arg(vm, &a, 1, "hasattr")?, "attribute name")?;
    match ops::get_attr(vm, &obj, &name) {
        Ok(Attr::Value(_)) => Ok(Value::Bool(true)),
        Ok(Attr::Call(f, args)) => match vm.call(&f, args) {
            Ok(_) => Ok(Value::Bool(true)),
            Err(Ctl::Exc(e)) if ops::is_instance_of(vm, &e, "AttributeError") => Ok(Value::Bool(false)),
            Err(e) => Err(e),
        },
        Err(Ctl::Exc(e)) if ops::is_instance_of(vm, &e, "AttributeError") => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn bi_delattr(vm: &mut Vm, a: Args) -> R {
    let obj = arg(vm, &a, 0, "delattr")?;
    let name = str_of(vm, &arg(vm, &a, 1, "delattr")?, "attribute name")?;
    ops::del_attr(vm, &obj, &name)?;
    Ok(Value::None)
}

fn ns_dict(ns: &Namespace) -> Value {
    let d: Dict = ns.lock().iter().map(|(k, v)| (Key { hash: ops::hash_str(k), value: Value::Str(k.clone()), canon: 0 }, v.clone())).collect();
    Value::dict(d)
}

fn bi_vars(vm: &mut Vm, a: Args) -> R {
    match opt(&a, 0) {
        Some(Value::Instance(i)) => Ok(ns_dict(&i.attrs)),
        Some(Value::Module(m)) => Ok(ns_dict(&m.dict)),
        Some(Value::Class(c)) => Ok(ns_dict(&c.dict)),
        Some(other) => Err(vm.type_error(format!("vars() argument must have __dict__ attribute ({})", ops::type_name(vm, &other)))),
        None => bi_globals(vm, a),
    }
}

/// What `dir()` lists for any object of a class: `object`'s attributes.
const OBJECT_DIR: &[&str] = &[
    "__class__", "__delattr__", "__dict__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__",
    "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__le__", "__lt__", "__module__", "__ne__",
    "__new__", "__reduce__", "__reduce_ex__", "__repr__", "__setattr__", "__sizeof__", "__str__", "__subclasshook__",
    "__weakref__",
];

fn bi_dir(vm: &mut Vm, a: Args) -> R {
    let mut names: Vec<String> = match opt(&a, 0) {
        Some(Value::Instance(i)) => {
            let mut n: Vec<String> = i.attrs.lock().keys().map(|k| k.to_string()).collect();
            for c in std::iter::once(&i.class).chain(i.class.mro.iter()) {
                n.extend(c.dict.lock().keys().map(|k| k.to_string()));
            }
            n.extend(OBJECT_DIR.iter().map(|s| s.to_string()));
            n
        }
        Some(Value::Module(m)) => m.dict.lock().keys().map(|k| k.to_string()).collect(),
        Some(Value::Class(c)) => {
            let mut n = Vec::new();
            for k in std::iter::once(&c).chain(c.mro.iter()) {
                n.extend(k.dict.lock().keys().map(|k| k.to_string()));
            }
            n.extend(OBJECT_DIR.iter().filter(|s| **s != "__weakref__" || c.module.as_ref() != "builtins").map(|s| s.to_string()));
            n
        }
        Some(v) => ops::type_of(vm, &v).dict.lock().keys().map(|k| k.to_string()).collect(),
        None => vm.main_module.as_ref().map(|m| m.dict.lock().keys().map(|k| k.to_string()).collect()).unwrap_or_default(),
    };
    names.sort();
    names.dedup();
    Ok(Value::list(names.into_iter().map(|n| Value::str(&n)).collect()))
}

fn bi_input(vm: &mut Vm, a: Args) -> R {
    if let Some(p) = opt(&a, 0) {
        let s = ops::to_str(vm, &p)?;
        vm.write_out(&s, false);
    }
    Err(vm.err("EOFError", "EOF when reading a line (this playground has no keyboard input: put the data in the program)"))
}

fn bi_open(vm: &mut Vm, _a: Args) -> R {
    Err(vm.err("OSError", "this playground has no file system: open() cannot read or write files (keep data in the program, e.g. a list or a string)"))
}

fn bi_format(vm: &mut Vm, a: Args) -> R {
    let v = arg(vm, &a, 0, "format")?;
    let spec = match opt(&a, 1) {
        Some(Value::Str(s)) => s.to_string(),
        _ => String::new(),
    };
    Ok(Value::str(&ops::format(vm, &v, &spec)?))
}

fn bi_globals(vm: &mut Vm, _a: Args) -> R {
    match &vm.main_module {
        Some(m) => Ok(ns_dict(&m.dict)),
        None => Ok(Value::dict(Dict::default())),
    }
}

fn bi_exit(vm: &mut Vm, a: Args) -> R {
    let e = vm.new_exc(&vm.exc_class("SystemExit"), "");
    if let (Value::Instance(i), Some(code)) = (&e, opt(&a, 0)) {
        i.attrs.lock().insert(Arc::from("args"), Value::tuple(vec![code]));
    }
    Err(Ctl::Exc(e))
}

fn bi_eval(vm: &mut Vm, _a: Args) -> R {
    Err(vm.err("NotImplementedError", "eval() and exec() are not available in this playground"))
}

fn bi_import(vm: &mut Vm, a: Args) -> R {
    let name = str_of(vm, &arg(vm, &a, 0, "__import__")?, "module name")?;
    crate::modules::import(vm, &name)
}

fn bi_unsupported(vm: &mut Vm, _a: Args) -> R {
    Err(vm.err("NotImplementedError", "this builtin is not available in this playground"))
}

fn bi_bytearray(vm: &mut Vm, _a: Args) -> R {
    Err(vm.err("NotImplementedError", "bytearray is not available in this playground (bytes is: build a new bytes object instead)"))
}

// ----- object and exceptions -----

fn m_object_init(_vm: &mut Vm, _a: Args) -> R {
    Ok(Value::None)
}

/// `object.__setattr__(obj, name, value)`: stores without calling the class's __setattr__.
fn m_object_setattr(vm: &mut Vm, a: Args) -> R {
    let name = str_of(vm, &arg(vm, &a, 1, "__setattr__")?, "attribute name")?;
    let v = arg(vm, &a, 2, "__setattr__")?;
    match &a.pos[0] {
        Value::Instance(i) => {
            i.attrs.lock().insert(name, v);
            Ok(Value::None)
        }
        other => {
            let o = other.clone();
            ops::set_attr(vm, &o, &name, v)?;
            Ok(Value::None)
        }
    }
}

fn m_object_getattribute(vm: &mut Vm, a: Args) -> R {
    let name = str_of(vm, &arg(vm, &a, 1, "__getattribute__")?, "attribute name")?;
    if let Value::Instance(i) = &a.pos[0] {
        if let Some(v) = i.attrs.lock().get(&name) {
            return Ok(v.clone());
        }
    }
    match ops::get_attr_with(vm, &a.pos[0].clone(), &name, false)? {
        Attr::Value(v) => Ok(v),
        Attr::Call(f, args) => vm.call(&f, args),
    }
}

/// `ExceptionGroup(message, exceptions)`.
fn m_excgroup_init(vm: &mut Vm, a: Args) -> R {
    let msg = arg(vm, &a, 1, "ExceptionGroup")?;
    let excs = ops::collect(vm, &arg(vm, &a, 2, "ExceptionGroup")?)?;
    if let Value::Instance(i) = &a.pos[0] {
        let mut at = i.attrs.lock();
        at.insert(Arc::from("args"), Value::tuple(vec![msg.clone(), Value::list(excs.clone())]));
        at.insert(Arc::from("message"), msg);
        at.insert(Arc::from("exceptions"), Value::tuple(excs));
    }
    Ok(Value::None)
}

fn m_self(_vm: &mut Vm, a: Args) -> R {
    Ok(a.pos[0].clone())
}

fn m_exc_init(_vm: &mut Vm, a: Args) -> R {
    if let Value::Instance(i) = &a.pos[0] {
        i.attrs.lock().insert(Arc::from("args"), Value::tuple(a.pos[1..].to_vec()));
    }
    Ok(Value::None)
}

fn m_exc_with_traceback(_vm: &mut Vm, a: Args) -> R {
    Ok(a.pos[0].clone())
}

// ----- str -----

fn s_ret(s: &str) -> R {
    Ok(Value::str(s))
}

fn m_str_upper(vm: &mut Vm, a: Args) -> R {
    s_ret(&this_str(vm, &a)?.to_uppercase())
}
fn m_str_lower(vm: &mut Vm, a: Args) -> R {
    s_ret(&this_str(vm, &a)?.to_lowercase())
}

fn strip_chars(vm: &Vm, a: &Args) -> Result<Option<Vec<char>>, Ctl> {
    match opt(a, 1) {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.chars().collect())),
        Some(o) => Err(vm.type_error(format!("strip arg must be None or str, not {}", ops::type_name(vm, &o)))),
    }
}

fn m_str_strip(vm: &mut Vm, a: Args) -> R {
    let s = this_str(vm, &a)?;
    match strip_chars(vm, &a)? {
        None => s_ret(s.trim()),
        Some(cs) => s_ret(s.trim_matches(|c| cs.contains(&c))),
    }
}
fn m_str_lstrip(vm: &mut Vm, a: Args) -> R {
    let s = this_str(vm, &a)?;
    match strip_chars(vm, &a)? {
        None => s_ret(s.trim_start()),
        Some(cs) => s_ret(s.trim_start_matches(|c| cs.contains(&c))),
    }
}
fn m_str_rstrip(vm: &mut Vm, a: Args) -> R {
    let s = this_str(vm, &a)?;
    match strip_chars(vm, &a)? {
        None => s_ret(s.trim_end()),
        Some(cs) => s_ret(s.trim_end_matches(|c| cs.contains(&c))),
    }
}

fn split_args(vm: &Vm, a: &mut Args) -> Result<(Option<Str>, i64), Ctl> {
    let sep = kw_or(a, 1, "sep");
    let maxsplit = kw_or(a, 2, "maxsplit");
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) => {
            if s.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(s)
        }
        Some(o) => return Err(vm.type_error(format!("must be str or None, not {}", ops::type_name(vm, &o)))),
    };
    let max = match maxsplit {
        Some(v) => int_arg(vm, &v)?,
        None => -1,
    };
    Ok((sep, max))
}

fn strs(v: Vec<&str>) -> Value {
    Value::list(v.into_iter().map(Value::str).collect())
}

fn m_str_split(vm: &mut Vm, mut a: Args) -> R {
    let s = this_str(vm, &a)?;
    let (sep, max) = split_args(vm, &mut a)?;
    Ok(match sep {
        Some(sep) => {
            if max < 0 {
                strs(s.split(&*sep).collect())
            } else {
                strs(s.splitn(max as usize + 1, &*sep).collect())
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_start();
            while !rest.is_empty() {
                if max >= 0 && out.len() as i64 == max {
                    // The rest as it is: CPython keeps its trailing whitespace.
                    out.push(rest);
                    break;
                }
                match rest.find(char::is_whitespace) {
                    Some(i) => {
                        out.push(&rest[..i]);
                        rest = rest[i..].trim_start();
                    }
                    None => {
                        out.push(rest);
                        break;
                    }
                }
            }
            strs(out)
        }
    })
}

fn m_str_rsplit(vm: &mut Vm, mut a: Args) -> R {
    let s = this_str(vm, &a)?;
    let (sep, max) = split_args(vm, &mut a)?;
    match sep {
        Some(sep) if max >= 0 => {
            let mut v: Vec<&str> = s.rsplitn(max as usize + 1, &*sep).collect();
            v.reverse();
            Ok(strs(v))
        }
        None if max >= 0 => {
            // From the right, the rest keeping its leading whitespace.
            let mut v: Vec<&str> = Vec::new();
            let mut rest = s.trim_end();
            while !rest.is_empty() {
                if v.len() as i64 == max {
                    v.push(rest);
                    break;
                }
                match rest.rfind(char::is_whitespace) {
                    Some(i) => {
                        let w = rest[i..].chars().next().map_or(1, char::len_utf8);
                        v.push(&rest[i + w..]);
                        rest = rest[..i].trim_end();
                    }
                    None => {
                        v.push(rest);
                        break;
                    }
                }
            }
            v.reverse();
            Ok(strs(v))
        }
        _ => {
            let mut b = Args::new(vec![Value::Str(s.clone())]);
            if let Some(sep) = sep {
                b.pos.push(Value::Str(sep));
            }
            m_str_split(vm, b)
        }
    }
}

fn m_str_splitlines(vm: &mut Vm, mut a: Args) -> R {
    let s = this_str(vm, &a)?;
    let keep = match kw_or(&mut a, 1, "keepends") {
        Some(v) => ops::truthy(vm, &v)?,
        None => false,
    };
    let mut out = Vec::new();
    let mut start = 0;
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\n' || b[i] == b'\r' {
            let mut end = i + 1;
            if b[i] == b'\r' && i + 1 < b.len() && b[i + 1] == b'\n' {
                end += 1;
            }
            out.push(Value::str(&s[start..if keep { end } else { i }]));
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < b.len() {
        out.push(Value::str(&s[start..]));
    }
    Ok(Value::list(out))
}

fn m_str_join(vm: &mut Vm, a: Args) -> R {
    let s = this_str(vm, &a)?;
    let items = ops::collect(vm, &arg(vm, &a, 1, "join")?)?;
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&s);
        }
        match it {
            Value::Str(p) => out.push_str(p),
            other => return Err(vm.type_error(format!("sequence item {i}: expected str instance, {} found", ops::type_name(vm, other)))),
        }
    }
    s_ret(&out)
}

fn m_str_replace(vm: &mut Vm, a: Args) -> R {
    let s = this_str(vm, &a)?;
    let old = str_of(vm, &arg(vm, &a, 1, "replace")?, "replace() argument 1")?;
    let new = str_of(vm, &arg(vm, &a, 2, "replace")?, "replace() argument 2")?;
    match opt(&a, 3) {
        Some(n) => {
            let n = int_arg(vm, &n)?;
            if n < 0 { s_ret(&s.replace(&*old, &new)) } else { s_ret(&s.replacen(&*old, &new, n as usize)) }
        }
        None => s_ret(&s.replace(&*old, &new)),
    }
}

fn char_index(s: &str, byte: usize) -> i64 {
    if s.is_ascii() { byte as i64 } else { s[..byte].chars().count() as i64 }
}

/// A `start`/`end` argument of `find`, `count`, `startswith`... on a sequence of `n` items:
/// `default` when absent or None, a negative one counted from the end, clamped to 0..=n.
pub(crate) fn slice_bound(vm: &Vm, v: Option<Value>, default: i64, n: i64) -> Result<i64, Ctl> {
    match v {
        None | Some(Value::None) => Ok(default),
        Some(v) => {
            let i = int_arg(vm, &v)?;
            Ok(if i < 0 { (i + n).max(0) } else { i.min(n) })
        }
    }
}

/// The part of `s` that `start`/`end` (in characters) select, and its byte offset.
fn sub_range<'s>(vm: &Vm, s: &'s str, a: &Args, from: usize) -> Result<(&'s str, usize), Ctl> {
    let n = s.chars().count() as i64;
    let start = slice_bound(vm, opt(a, from), 0, n)?;
    let end = slice_bound(vm, opt(a, from + 1), n, n)?;
    if start > end {
        return Ok(("", 0));
    }
    let byte = |ci: i64| s.char_indices().nth(ci as usize).map(|(b, _)| b).unwrap_or(s.len());
    let (bs, be) = (byte(start), byte(end));
    Ok((&s[bs..be], bs))
}

fn m_str_find(vm: &mut Vm, a: Args) -> R {
    let s = this_str(vm, &a)?;
    let sub = str_of(vm, &arg(vm, &a, 1, "find")?, "must be str, not")?;
    let (part, off) = sub_range(vm, &s, &a, 2)?;
    Ok(Value::Int(part.find(&*sub).map(|i| char_index(&s, i + off)).unwrap_or(-1)))
}
fn m_str_rfind(vm: &mut Vm, a: Args) -> R {
    let s = this_str(vm, &a)?;
    let sub = str_of(vm, &arg(vm, &a, 1, "rfind")?, "must be str, not")?;
    let (part, off) = sub_range(vm, &s, &a, 2)?;
    Ok(Value::Int(part.rfind(&*sub).map(|i| char_index(&s, i + off)).unwrap_or(-1)))
}
fn m_str_index(vm: &mut Vm, a: Args) -> R {
    let r = m_str_find(vm, a)?;
    if let Value::Int(-1) = r {
        return Err(vm.value_error("substring not found"));
    }
    Ok(r)
}
fn m_str_rindex(vm: &mut Vm, a: Args) -> R {
    let r = m_str_rfind(vm, a)?;
    if let Value::Int(-1) = r {
        return Err(vm.value_error("substring not found"));
    }
    Ok(r)
}
fn m_str_count(vm: &mut Vm, a: Args) -> R {
    let s = this_str(vm, &a)?;
    let sub = str_of(vm, &arg(vm, &a, 1, "count")?, "must be str, not")?;
    let (part, _) = sub_range(vm, &s, &a, 2)?;
    if sub.is_empty() {
        return Ok(Value::Int(part.chars().count() as i64 + 1));
    }
    Ok(Value::Int(part.matches(&*sub).count() as i64))
}

fn affix_test(vm: &mut Vm, a: Args, prefix: bool) -> R {
    let s = this_str(vm, &a)?;
    let what = arg(vm, &a, 1, "startswith")?;
    let (part, _) = sub_range(vm, &s, &a, 2)?;
    let cands: Vec<Value> = match &what {
        Value::Tuple(t) => (**t).clone(),
        v => vec![v.clone()],
    };
    for c in cands {
        let c = match c {
            Value::Str(c) => c,
            other => {
                let name = if prefix { "startswith" } else { "endswith" };
                return Err(vm.type_error(format!("{name} first arg must be str or a tuple of str, not {}", ops::type_name(vm, &other))));
            }
        };
        if (prefix && part.starts_with(&*c)) || (!prefix && part.ends_with(&*c)) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}
fn m_str_startswith(vm: &mut Vm, a: Args) -> R {
    affix_test(vm, a, true)
}
fn m_str_endswith(vm: &mut Vm, a: Args) -> R {
    affix_test(vm, a, false)
}

/// `str.format`: fields `{}`, `{0}`, `{name}`, `{x.attr}`, `{x[0]}`, conversions and specs.
fn m_str_format(vm: &mut Vm, a: Args) -> R {
    let s = this_str(vm, &a)?;
    let pos = &a.pos[1..];
    let mut out = String::new();
    let mut auto = 0usize;
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            let mut depth = 1;
            let mut j = i + 1;
            while j < chars.len() && depth > 0 {
                if chars[j] == '{' {
                    depth += 1;
                } else if chars[j] == '}' {
                    depth -= 1;
                }
                j += 1;
            }
            if depth > 0 {
                return Err(vm.value_error("Single '{' encountered in format string"));
            }
            let field: String = chars[i + 1..j - 1].iter().collect();
            let (head, spec) = match field.find(':') {
                Some(p) => (field[..p].to_string(), field[p + 1..].to_string()),
                None => (field.clone(), String::new()),
            };
            let (name, conv) = match head.find('!') {
                Some(p) => (head[..p].to_string(), head[p + 1..].to_string()),
                None => (head, String::new()),
            };
            let first_end = name.find(['.', '[']).unwrap_or(name.len());
            let first = &name[..first_end];
            let mut v = if first.is_empty() {
                let v = pos.get(auto).cloned().ok_or_else(|| vm.err("IndexError", format!("Replacement index {auto} out of range for positional args tuple")))?;
                auto += 1;
                v
            } else if let Ok(n) = first.parse::<usize>() {
                pos.get(n).cloned().ok_or_else(|| vm.err("IndexError", format!("Replacement index {n} out of range for positional args tuple")))?
            } else {
                a.kw.iter().find(|(k, _)| &**k == first).map(|(_, v)| v.clone()).ok_or_else(|| Ctl::Exc(ops::key_error(vm, &Value::str(first))))?
            };
            let mut rest = &name[first_end..];
            while !rest.is_empty() {
                if let Some(r) = rest.strip_prefix('.') {
                    let e = r.find(['.', '[']).unwrap_or(r.len());
                    v = match ops::get_attr(vm, &v, &r[..e])? {
                        Attr::Value(x) => x,
                        Attr::Call(f, args) => vm.call(&f, args)?,
                    };
                    rest = &r[e..];
                } else if let Some(r) = rest.strip_prefix('[') {
                    let e = r.find(']').unwrap_or(r.len());
                    let k = &r[..e];
                    let key = k.parse::<i64>().map(Value::Int).unwrap_or_else(|_| Value::str(k));
                    v = match ops::get_item(vm, &v, &key)? {
                        Attr::Value(x) => x,
                        Attr::Call(f, args) => vm.call(&f, args)?,
                    };
                    rest = &r[(e + 1).min(r.len())..];
                } else {
                    break;
                }
            }
            let v = match conv.as_str() {
                "r" | "a" => Value::str(&ops::repr(vm, &v)?),
                "s" => Value::str(&ops::to_str(vm, &v)?),
                _ => v,
            };
            // Nested fields in the spec, e.g. {:{width}}.
            let spec = if spec.contains('{') {
                let inner = m_str_format(vm, Args { pos: std::iter::once(Value::str(&spec)).chain(pos.iter().cloned()).collect(), kw: a.kw.clone() })?;
                if let Value::Str(s) = inner { s.to_string() } else { spec }
            } else {
                spec
            };
            out.push_str(&ops::format(vm, &v, &spec)?);
            i = j;
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    s_ret(&out)
}

fn str_pred(vm: &mut Vm, a: Args, f: fn(&str) -> bool) -> R {
    let s = this_str(vm, &a)?;
    Ok(Value::Bool(!s.is_empty() && f(&s)))
}
fn m_str_isdigit(vm: &mut Vm, a: Args) -> R {
    str_pred(vm, a, |s| s.chars().all(|c| c.is_ascii_digit() || c.is_numeric()))
}
fn m_str_isalpha(vm: &mut Vm, a: Args) -> R {
    str_pred(vm, a, |s| s.chars().all(char::is_alphabetic))
}
fn m_str_isalnum(vm: &mut Vm, a: Args) -> R {
    str_pred(vm, a, |s| s.chars().all(char::is_alphanumeric))
}
fn m_str_isspace(vm: &mut Vm, a: Args) -> R {
    str_pred(vm, a, |s| s.chars().all(char::is_whitespace))
}
fn m_str_isupper(vm: &mut Vm, a: Args) -> R {
    str_pred(vm, a, |s| s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase))
}
fn m_str_islower(vm: &mut Vm, a: Args) -> R {
    str_pred(vm, a, |s| s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase))
}
fn m_str_isidentifier(vm: &mut Vm, a: Args) -> R {
    str_pred(vm, a, |s| {
        let mut cs = s.chars();
        cs.next().is_some_and(|c| c == '_' || c.is_alphabetic()) && cs.all(|c| c == '_' || c.is_alphanumeric())
    })
}
fn m_str_title(vm: &mut Vm, a: Args) -> R {
    let s = this_str(vm, &a)?;
    let mut out = String::new();
    let mut prev_cased = false;
    for c in s.chars() {
        if c.is_alphabetic() {
            if prev_cased {
                out.extend(c.to_lowercase());
            } else {
                out.extend(c.to_uppercase());
            }
            prev_cased = true;
        } else {
            out.push(c);
            prev_cased = false;
        }
    }
    s_ret(&out)
}
fn m_str_capitalize(vm: &mut Vm, a: Args) -> R {
    let s = this_str(vm, &a)?;
    let mut cs = s.chars();
    let out: String = match cs.next() {
        Some(c) => c.to_uppercase().chain(cs.flat_map(|c| c.to_lowercase())).collect(),
        None => String::new(),
    };
    s_ret(&out)
}
fn m_str_swapcase(vm: &mut Vm, a: Args) -> R {
    let s = this_str(vm, &a)?;
    let out: String = s.chars().flat_map(|c| if c.is_uppercase() { c.to_lowercase().collect::<Vec<_>>() } else { c.to_uppercase().collect() }).collect();
    s_ret(&out)
}

fn pad(vm: &mut Vm, a: Args, align: char) -> R {
    let s = this_str(vm, &a)?;
    let w = int_arg(vm, &arg(vm, &a, 1, "center")?)?;
    let fill = match opt(&a, 2) {
        Some(Value::Str(f)) if f.chars().count() == 1 => f.chars().next().unwrap(),
        Some(_) => return Err(vm.type_error("The fill character must be exactly one character long")),
        None => ' ',
    };
    let n = s.chars().count() as i64;
    if w <= n {
        return Ok(Value::Str(s));
    }
    let total = (w - n) as usize;
    let (l, r) = match align {
        '<' => (0, total),
        '>' => (total, 0),
        _ => {
            // CPython's center puts the odd extra character on the left when the width is odd.
            let left = total / 2 + (total & w as usize & 1);
            (left, total - left)
        }
    };
    let f = fill.to_string();
    s_ret(&format!("{}{}{}", f.repeat(l), s, f.repeat(r)))
}
fn m_str_center(vm: &mut Vm, a: Args) -> R {
    pad(vm, a, '^')
}
fn m_str_ljust(vm: &mut Vm, a: Args) -> R {
    pad(vm, a, '<')
}
fn m_str_rjust(vm: &mut Vm, a: Args) -> R {
    pad(vm, a, '>')
}
fn m_str_zfill(vm: &mut Vm, a: Args) -> R {
    let s = this_str(vm, &a)?;
    let w = int_arg(vm, &arg(vm, &a, 1, "zfill")?)? as usize;
    let n = s.chars().count();
    if w <= n {
        return Ok(Value::Str(s));
    }
    let (sign, rest) = match s.chars().next() {
        Some(c @ ('+' | '-')) => (c.to_string(), &s[1..]),
        _ => (String::new(), &s[..]),
    };
    s_ret(&format!("{}{}{}", sign, "0".repeat(w - n), rest))
}
fn m_str_partition(vm: &mut Vm, a: Args) -> R {
    let s = this_str(vm, &a)?;
    let sep = str_of(vm, &arg(vm, &a, 1, "partition")?, "must be str, not")?;
    Ok(match s.find(&*sep) {
        Some(i) => Value::tuple(vec![Value::str(&s[..i]), Value::Str(sep.clone()), Value::str(&s[i + sep.len()..])]),
        None => Value::tuple(vec![Value::Str(s.clone()), Value::str(""), Value::str("")]),
    })
}
fn m_str_rpartition(vm: &mut Vm, a: Args) -> R {
    let s = this_str(vm, &a)?;
    let sep = str_of(vm, &arg(vm, &a, 1, "rpartition")?, "must be str, not")?;
    Ok(match s.rfind(&*sep) {
        Some(i) => Value::tuple(vec![Value::str(&s[..i]), Value::Str(sep.clone()), Value::str(&s[i + sep.len()..])]),
        None => Value::tuple(vec![Value::str(""), Value::str(""), Value::Str(s.clone())]),
    })
}
fn m_str_removeprefix(vm: &mut Vm, a: Args) -> R {
    let s = this_str(vm, &a)?;
    let p = str_of(vm, &arg(vm, &a, 1, "removeprefix")?, "must be str, not")?;
    s_ret(s.strip_prefix(&*p).unwrap_or(&s))
}
fn m_str_removesuffix(vm: &mut Vm, a: Args) -> R {
    let s = this_str(vm, &a)?;
    let p = str_of(vm, &arg(vm, &a, 1, "removesuffix")?, "must be str, not")?;
    s_ret(s.strip_suffix(&*p).unwrap_or(&s))
}
fn m_str_encode(vm: &mut Vm, a: Args) -> R {
    crate::bytes::str_encode(vm, a)
}
fn m_str_expandtabs(vm: &mut Vm, a: Args) -> R {
    let s = this_str(vm, &a)?;
    let n = match opt(&a, 1) {
        Some(v) => int_arg(vm, &v)? as usize,
        None => 8,
    };
    let mut out = String::new();
    let mut col = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                let spaces = if n == 0 { 0 } else { n - col % n };
                out.push_str(&" ".repeat(spaces));
                col += spaces;
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    s_ret(&out)
}

// ----- list and tuple -----

fn m_list_append(vm: &mut Vm, a: Args) -> R {
    let v = arg(vm, &a, 1, "append")?;
    this_list(&a).lock().push(v);
    Ok(Value::None)
}
fn m_list_extend(vm: &mut Vm, a: Args) -> R {
    let items = ops::collect(vm, &arg(vm, &a, 1, "extend")?)?;
    this_list(&a).lock().extend(items);
    Ok(Value::None)
}
fn m_list_insert(vm: &mut Vm, a: Args) -> R {
    let i = int_arg(vm, &arg(vm, &a, 1, "insert")?)?;
    let v = arg(vm, &a, 2, "insert")?;
    let l = this_list(&a);
    let mut l = l.lock();
    let n = l.len() as i64;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
    l.insert(i as usize, v);
    Ok(Value::None)
}
fn m_list_pop(vm: &mut Vm, a: Args) -> R {
    let l = this_list(&a);
    let mut l = l.lock();
    if l.is_empty() {
        return Err(vm.err("IndexError", "pop from empty list"));
    }
    let n = l.len() as i64;
    let i = match opt(&a, 1) {
        Some(v) => int_arg(vm, &v)?,
        None => n - 1,
    };
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.err("IndexError", "pop index out of range"));
    }
    Ok(l.remove(j as usize))
}
fn m_list_remove(vm: &mut Vm, a: Args) -> R {
    let v = arg(vm, &a, 1, "remove")?;
    let l = this_list(&a);
    let items = l.lock().clone();
    for (i, it) in items.iter().enumerate() {
        if it.is(&v) || ops::eq(vm, it, &v)? {
            l.lock().remove(i);
            return Ok(Value::None);
        }
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}
fn seq_items(vm: &mut Vm, v: &Value) -> Result<Vec<Value>, Ctl> {
    ops::collect(vm, v)
}
fn m_seq_index(vm: &mut Vm, a: Args) -> R {
    let v = arg(vm, &a, 1, "index")?;
    let items = seq_items(vm, &a.pos[0])?;
    for (i, it) in items.iter().enumerate() {
        if it.is(&v) || ops::eq(vm, it, &v)? {
            return Ok(Value::Int(i as i64));
        }
    }
    let what = if matches!(a.pos[0], Value::Tuple(_)) { "tuple.index(x): x not in tuple".to_string() } else { format!("{} is not in list", ops::repr(vm, &v)?) };
    Err(vm.value_error(what))
}
fn m_seq_count(vm: &mut Vm, a: Args) -> R {
    let v = arg(vm, &a, 1, "count")?;
    let items = seq_items(vm, &a.pos[0])?;
    let mut n = 0;
    for it in &items {
        if it.is(&v) || ops::eq(vm, it, &v)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}
fn m_list_sort(vm: &mut Vm, mut a: Args) -> R {
    let keyf = a.take_kw("key").filter(|k| !k.is_none());
    let reverse = match a.take_kw("reverse") {
        Some(v) => ops::truthy(vm, &v)?,
        None => false,
    };
    let l = this_list(&a);
    let mut items = l.lock().clone();
    sort_values(vm, &mut items, keyf, reverse)?;
    *l.lock() = items;
    Ok(Value::None)
}
fn m_list_reverse(_vm: &mut Vm, a: Args) -> R {
    this_list(&a).lock().reverse();
    Ok(Value::None)
}
fn m_list_copy(_vm: &mut Vm, a: Args) -> R {
    Ok(Value::list(this_list(&a).lock().clone()))
}
fn m_list_clear(_vm: &mut Vm, a: Args) -> R {
    this_list(&a).lock().clear();
    Ok(Value::None)
}

// ----- dict -----

fn m_dict_get(vm: &mut Vm, a: Args) -> R {
    let k = ops::key(vm, &arg(vm, &a, 1, "get")?)?;
    Ok(this_dict(&a).lock().get(&k).cloned().unwrap_or_else(|| opt(&a, 2).unwrap_or(Value::None)))
}
fn m_dict_keys(_vm: &mut Vm, a: Args) -> R {
    Ok(Value::list(this_dict(&a).lock().keys().map(|k| k.value.clone()).collect()))
}
fn m_dict_values(_vm: &mut Vm, a: Args) -> R {
    Ok(Value::list(this_dict(&a).lock().values().cloned().collect()))
}
fn m_dict_items(_vm: &mut Vm, a: Args) -> R {
    Ok(Value::list(this_dict(&a).lock().iter().map(|(k, v)| Value::tuple(vec![k.value.clone(), v.clone()])).collect()))
}
fn m_dict_pop(vm: &mut Vm, a: Args) -> R {
    let kv = arg(vm, &a, 1, "pop")?;
    let k = ops::key(vm, &kv)?;
    let r = this_dict(&a).lock().shift_remove(&k);
    match (r, opt(&a, 2)) {
        (Some(v), _) => Ok(v),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(Ctl::Exc(ops::key_error(vm, &kv))),
    }
}
fn m_dict_popitem(vm: &mut Vm, a: Args) -> R {
    match this_dict(&a).lock().pop() {
        Some((k, v)) => Ok(Value::tuple(vec![k.value, v])),
        None => Err(vm.err("KeyError", "popitem(): dictionary is empty")),
    }
}
fn m_dict_setdefault(vm: &mut Vm, a: Args) -> R {
    let k = ops::key(vm, &arg(vm, &a, 1, "setdefault")?)?;
    let d = opt(&a, 2).unwrap_or(Value::None);
    Ok(this_dict(&a).lock().entry(k).or_insert(d).clone())
}
fn m_dict_update(vm: &mut Vm, a: Args) -> R {
    let mut pairs = match opt(&a, 1) {
        Some(v) => ops::dict_pairs(vm, &v)?,
        None => vec![],
    };
    for (k, v) in &a.kw {
        pairs.push((Key { hash: ops::hash_str(k), value: Value::Str(k.clone()), canon: 0 }, v.clone()));
    }
    let d = this_dict(&a);
    let mut d = d.lock();
    for (k, v) in pairs {
        d.insert(k, v);
    }
    Ok(Value::None)
}
fn m_dict_copy(_vm: &mut Vm, a: Args) -> R {
    Ok(Value::dict(this_dict(&a).lock().clone()))
}
fn m_dict_clear(_vm: &mut Vm, a: Args) -> R {
    this_dict(&a).lock().clear();
    Ok(Value::None)
}
fn m_dict_fromkeys(vm: &mut Vm, a: Args) -> R {
    let keys = ops::collect(vm, &arg(vm, &a, 1, "fromkeys")?)?;
    let v = opt(&a, 2).unwrap_or(Value::None);
    let mut d = Dict::default();
    for k in keys {
        d.insert(ops::key(vm, &k)?, v.clone());
    }
    Ok(Value::dict(d))
}

// ----- set -----

fn set_of(vm: &mut Vm, v: &Value) -> Result<KeySet, Ctl> {
    match v {
        Value::Set(s) => Ok(s.items.lock().clone()),
        other => {
            let mut m = KeySet::default();
            for it in ops::collect(vm, other)? {
                m.insert(ops::key(vm, &it)?, ());
            }
            Ok(m)
        }
    }
}
fn new_set_from(s: &PySet, m: KeySet) -> Value {
    Value::Set(Arc::new(PySet { frozen: s.frozen, items: PyCell::new(m) }))
}
fn m_set_union(vm: &mut Vm, a: Args) -> R {
    let s = this_set(&a);
    let mut m = s.items.lock().clone();
    for o in &a.pos[1..] {
        m.extend(set_of(vm, o)?);
    }
    Ok(new_set_from(&s, m))
}
fn m_set_intersection(vm: &mut Vm, a: Args) -> R {
    let s = this_set(&a);
    let mut m = s.items.lock().clone();
    for o in &a.pos[1..] {
        let other = set_of(vm, o)?;
        m.retain(|k, _| other.contains_key(k));
    }
    Ok(new_set_from(&s, m))
}
fn m_set_difference(vm: &mut Vm, a: Args) -> R {
    let s = this_set(&a);
    let mut m = s.items.lock().clone();
    for o in &a.pos[1..] {
        let other = set_of(vm, o)?;
        m.retain(|k, _| !other.contains_key(k));
    }
    Ok(new_set_from(&s, m))
}
fn m_set_symdiff(vm: &mut Vm, a: Args) -> R {
    let s = this_set(&a);
    let x = s.items.lock().clone();
    let y = set_of(vm, &arg(vm, &a, 1, "symmetric_difference")?)?;
    let mut m: KeySet = x.iter().filter(|(k, _)| !y.contains_key(*k)).map(|(k, _)| (k.clone(), ())).collect();
    m.extend(y.iter().filter(|(k, _)| !x.contains_key(*k)).map(|(k, _)| (k.clone(), ())));
    Ok(new_set_from(&s, m))
}
fn m_set_issubset(vm: &mut Vm, a: Args) -> R {
    let x = this_set(&a).items.lock().clone();
    let y = set_of(vm, &arg(vm, &a, 1, "issubset")?)?;
    Ok(Value::Bool(x.keys().all(|k| y.contains_key(k))))
}
fn m_set_issuperset(vm: &mut Vm, a: Args) -> R {
    let x = this_set(&a).items.lock().clone();
    let y = set_of(vm, &arg(vm, &a, 1, "issuperset")?)?;
    Ok(Value::Bool(y.keys().all(|k| x.contains_key(k))))
}
fn m_set_isdisjoint(vm: &mut Vm, a: Args) -> R {
    let x = this_set(&a).items.lock().clone();
    let y = set_of(vm, &arg(vm, &a, 1, "isdisjoint")?)?;
    Ok(Value::Bool(!x.keys().any(|k| y.contains_key(k))))
}
fn m_set_copy(_vm: &mut Vm, a: Args) -> R {
    let s = this_set(&a);
    let m = s.items.lock().clone();
    Ok(new_set_from(&s, m))
}
fn m_set_add(vm: &mut Vm, a: Args) -> R {
    let k = ops::key(vm, &arg(vm, &a, 1, "add")?)?;
    this_set(&a).items.lock().insert(k, ());
    Ok(Value::None)
}
fn m_set_remove(vm: &mut Vm, a: Args) -> R {
    let v = arg(vm, &a, 1, "remove")?;
    let k = ops::key(vm, &v)?;
    if this_set(&a).items.lock().shift_remove(&k).is_none() {
        return Err(Ctl::Exc(ops::key_error(vm, &v)));
    }
    Ok(Value::None)
}
fn m_set_discard(vm: &mut Vm, a: Args) -> R {
    let k = ops::key(vm, &arg(vm, &a, 1, "discard")?)?;
    this_set(&a).items.lock().shift_remove(&k);
    Ok(Value::None)
}
fn m_set_pop(vm: &mut Vm, a: Args) -> R {
    let s = this_set(&a);
    let mut m = s.items.lock();
    if m.is_empty() {
        return Err(vm.err("KeyError", "pop from an empty set"));
    }
    Ok(m.shift_remove_index(0).map(|(k, _)| k.value).unwrap_or(Value::None))
}
fn m_set_clear(_vm: &mut Vm, a: Args) -> R {
    this_set(&a).items.lock().clear();
    Ok(Value::None)
}
fn m_set_update(vm: &mut Vm, a: Args) -> R {
    let s = this_set(&a);
    for o in &a.pos[1..] {
        let m = set_of(vm, o)?;
        s.items.lock().extend(m);
    }
    Ok(Value::None)
}
fn m_set_difference_update(vm: &mut Vm, a: Args) -> R {
    let s = this_set(&a);
    for o in &a.pos[1..] {
        let m = set_of(vm, o)?;
        s.items.lock().retain(|k, _| !m.contains_key(k));
    }
    Ok(Value::None)
}
fn m_set_symmetric_difference_update(vm: &mut Vm, a: Args) -> R {
    let s = this_set(&a);
    let other = arg(vm, &a, 1, "symmetric_difference_update")?;
    // The other's items, taken before this set's lock (it may be this very set).
    let m = set_of(vm, &other)?;
    let mut items = s.items.lock();
    for k in m.keys() {
        if items.shift_remove(k).is_none() {
            items.insert(k.clone(), ());
        }
    }
    Ok(Value::None)
}
fn m_set_intersection_update(vm: &mut Vm, a: Args) -> R {
    let s = this_set(&a);
    for o in &a.pos[1..] {
        let m = set_of(vm, o)?;
        s.items.lock().retain(|k, _| m.contains_key(k));
    }
    Ok(Value::None)
}

// ----- numbers -----

fn m_int_bit_length(_vm: &mut Vm, a: Args) -> R {
    Ok(Value::Int(a.pos[0].to_bigint().map(|b| b.bits() as i64).unwrap_or(0)))
}
fn m_int_index(_vm: &mut Vm, a: Args) -> R {
    Ok(a.pos[0].clone())
}
/// `float.as_integer_ratio()`: the exact value as a fraction in lowest terms.
fn m_float_as_integer_ratio(vm: &mut Vm, a: Args) -> R {
    let Value::Float(x) = a.pos[0] else { return Err(vm.type_error("descriptor 'as_integer_ratio' requires a 'float' object")) };
    if x.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(vm.err("OverflowError", "cannot convert Infinity to integer ratio"));
    }
    // x = mantissa * 2^exp with an integer mantissa of 53 bits or fewer.
    let bits = x.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let mut mantissa = (bits & ((1u64 << 52) - 1)) as i64;
    let mut exp = if exp_bits == 0 { -1074 } else {
        mantissa |= 1 << 52;
        exp_bits - 1075
    };
    if mantissa == 0 {
        return Ok(Value::tuple(vec![Value::Int(0), Value::Int(1)]));
    }
    while mantissa & 1 == 0 && exp < 0 {
        mantissa >>= 1;
        exp += 1;
    }
    let sign = if x < 0.0 { -1 } else { 1 };
    let (num, den) = if exp >= 0 {
        (BigInt::from(sign * mantissa) << exp as usize, BigInt::from(1))
    } else {
        (BigInt::from(sign * mantissa), BigInt::from(1) << (-exp) as usize)
    };
    Ok(Value::tuple(vec![Value::from_big(num), Value::from_big(den)]))
}

fn m_float_is_integer(_vm: &mut Vm, a: Args) -> R {
    Ok(Value::Bool(matches!(a.pos[0], Value::Float(f) if f.is_finite() && f.fract() == 0.0)))
}

// ----- generators and coroutines -----

fn this_gen(vm: &Vm, a: &Args) -> Result<Arc<Generator>, Ctl> {
    match &a.pos[0] {
        Value::Gen(g) => Ok(g.clone()),
        _ => Err(vm.type_error("generator expected")),
    }
}
fn m_gen_send(vm: &mut Vm, a: Args) -> R {
    let g = this_gen(vm, &a)?;
    Err(Ctl::Resume(g, opt(&a, 1).unwrap_or(Value::None), false))
}
fn m_gen_next(vm: &mut Vm, a: Args) -> R {
    let g = this_gen(vm, &a)?;
    Err(Ctl::Resume(g, Value::None, false))
}
fn m_gen_throw(vm: &mut Vm, a: Args) -> R {
    let g = this_gen(vm, &a)?;
    let e = ops::make_exception(vm, arg(vm, &a, 1, "throw")?)?;
    Err(Ctl::Resume(g, e, true))
}
fn m_gen_close(vm: &mut Vm, a: Args) -> R {
    let g = this_gen(vm, &a)?;
    {
        let mut st = g.state.lock();
        if !st.started || st.finished || st.frame.is_none() {
            st.finished = true;
            st.frame = None;
            return Ok(Value::None);
        }
    }
    // A suspended generator: GeneratorExit is raised where it stopped, so that its
    // `finally` blocks and context managers run.
    let exit = vm.new_exc(&vm.exc_class("GeneratorExit"), "");
    match vm.finish_native(Err(Ctl::Resume(g.clone(), exit, true))) {
        Ok(_) => {
            let mut st = g.state.lock();
            st.finished = true;
            st.frame = None;
            drop(st);
            Err(vm.err("RuntimeError", "generator ignored GeneratorExit"))
        }
        Err(Ctl::Exc(e)) if ops::is_instance_of(vm, &e, "GeneratorExit") || ops::is_instance_of(vm, &e, "StopIteration") => Ok(Value::None),
        Err(e) => Err(e),
    }
}
fn m_iter_next(vm: &mut Vm, a: Args) -> R {
    match ops::native_next(vm, &a.pos[0])? {
        Some(v) => Ok(v),
        None => Err(Ctl::Exc(vm.stop_iteration(Value::None))),
    }
}

// ----- locks: the primitive every blocking sync object in the library is built on -----

fn this_lock(vm: &Vm, a: &Args) -> Result<Arc<LockObj>, Ctl> {
    match &a.pos[0] {
        Value::Lock(l) => Ok(l.clone()),
        _ => Err(vm.type_error("lock expected")),
    }
}

fn m_lock_acquire(vm: &mut Vm, mut a: Args) -> R {
    let l = this_lock(vm, &a)?;
    let blocking = match kw_or(&mut a, 1, "blocking") {
        Some(v) => ops::truthy(vm, &v)?,
        None => true,
    };
    let timeout = match kw_or(&mut a, 2, "timeout") {
        Some(Value::None) | None => -1.0,
        Some(v) => float_arg(vm, &v, "timeout")?,
    };
    let me = vm.threads[vm.cur].id;
    if l.reentrant && l.owner.load(Ordering::Relaxed) == me {
        l.count.fetch_add(1, Ordering::Relaxed);
        return Ok(Value::Bool(true));
    }
    if l.try_take(me, 1) {
        return Ok(Value::Bool(true));
    }
    if !blocking {
        if timeout != -1.0 {
            return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
        }
        return Ok(Value::Bool(false));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.value_error("timeout value must be a non-negative number"));
    }
    let deadline = if timeout >= 0.0 { Some(vm.now() + timeout * 1000.0) } else { None };
    Err(Ctl::Block(Wait::Lock { lock: l, deadline, count: 1 }))
}

/// An RLock's owner check: the error CPython gives a thread releasing what it does not hold.
fn rlock_owned_by_caller(vm: &Vm, l: &LockObj) -> Result<(), Ctl> {
    if l.owner.load(Ordering::Relaxed) != vm.threads[vm.cur].id {
        return Err(vm.err("RuntimeError", "cannot release un-acquired lock"));
    }
    Ok(())
}

fn m_lock_release(vm: &mut Vm, a: Args) -> R {
    let l = this_lock(vm, &a)?;
    if l.reentrant {
        rlock_owned_by_caller(vm, &l)?;
        if l.count.fetch_sub(1, Ordering::Relaxed) > 1 {
            return Ok(Value::None);
        }
        l.owner.store(0, Ordering::Relaxed);
    }
    unlock(vm, &l)
}

fn unlock(vm: &mut Vm, l: &Arc<LockObj>) -> R {
    let mut locked = l.locked.lock();
    if !*locked {
        return Err(vm.err("RuntimeError", "release unlocked lock"));
    }
    *locked = false;
    drop(locked);
    // A thread blocked on it (real threads) looks again.
    vm.shared.run.wake.notify(crate::wake::Key::Lock(Arc::as_ptr(l) as usize));
    Ok(Value::None)
}

/// `RLock._release_save()` (Condition.wait): lets go however many times it is held; the
/// count and owner, for `_acquire_restore`.
fn m_rlock_release_save(vm: &mut Vm, a: Args) -> R {
    let l = this_lock(vm, &a)?;
    if l.count.load(Ordering::Relaxed) == 0 {
        return Err(vm.err("RuntimeError", "cannot release un-acquired lock"));
    }
    rlock_owned_by_caller(vm, &l)?;
    let state = Value::tuple(vec![Value::Int(l.count.swap(0, Ordering::Relaxed) as i64), Value::Int(l.owner.swap(0, Ordering::Relaxed) as i64)]);
    unlock(vm, &l)?;
    Ok(state)
}

/// `RLock._acquire_restore((count, owner))`: takes it back, held `count` times.
fn m_rlock_acquire_restore(vm: &mut Vm, a: Args) -> R {
    let l = this_lock(vm, &a)?;
    let state = ops::collect(vm, &arg(vm, &a, 1, "_acquire_restore")?)?;
    let count = match state.first() {
        Some(v) if state.len() == 2 => int_arg(vm, v)?.max(1) as u64,
        _ => return Err(vm.type_error("_acquire_restore() argument must be a (count, owner) pair")),
    };
    if l.try_take(vm.threads[vm.cur].id, count) {
        return Ok(Value::None);
    }
    Err(Ctl::Block(Wait::Lock { lock: l, deadline: None, count }))
}

fn m_rlock_is_owned(vm: &mut Vm, a: Args) -> R {
    let l = this_lock(vm, &a)?;
    Ok(Value::Bool(l.owner.load(Ordering::Relaxed) == vm.threads[vm.cur].id))
}

fn m_lock_exit(vm: &mut Vm, a: Args) -> R {
    m_lock_release(vm, Args::new(vec![a.pos[0].clone()]))?;
    Ok(Value::Bool(false))
}

fn m_lock_locked(vm: &mut Vm, a: Args) -> R {
    let l = this_lock(vm, &a)?;
    let v = *l.locked.lock();
    Ok(Value::Bool(v))
}

pub fn zero_check(v: &BigInt) -> bool {
    v.is_zero()
}

/// `BaseException.add_note(note)`: notes are printed under the exception's message.
fn m_exc_add_note(vm: &mut Vm, a: Args) -> R {
    let note = arg(vm, &a, 1, "add_note")?;
    if !matches!(note, Value::Str(_)) {
        return Err(vm.type_error(format!("note must be a str, not '{}'", ops::type_name(vm, &note))));
    }
    if let Value::Instance(i) = &a.pos[0] {
        let existing = i.attrs.lock().get("__notes__").cloned();
        match existing {
            Some(Value::List(l)) => l.lock().push(note),
            _ => {
                i.attrs.lock().insert(Arc::from("__notes__"), Value::list(vec![note]));
            }
        }
    }
    Ok(Value::None)
}

/// For `except*`: splits `exc` (a group, a lone exception, or None) by the types `ty` into
/// (the matching part as a group or None, the rest or None).
pub fn exc_group_split(vm: &mut Vm, a: Args) -> R {
    let exc = arg(vm, &a, 0, "split")?;
    let ty = arg(vm, &a, 1, "split")?;
    if exc.is_none() {
        return Ok(Value::tuple(vec![Value::None, Value::None]));
    }
    if !ops::is_instance_of(vm, &exc, "BaseExceptionGroup") {
        if ops::exc_matches(vm, &exc, &ty)? {
            let group = Value::Class(vm.exc_class(if ops::is_instance_of(vm, &exc, "Exception") { "ExceptionGroup" } else { "BaseExceptionGroup" }));
            let g = vm.call(&group, Args::new(vec![Value::str(""), Value::list(vec![exc])]))?;
            return Ok(Value::tuple(vec![g, Value::None]));
        }
        return Ok(Value::tuple(vec![Value::None, exc]));
    }
    if ops::exc_matches(vm, &exc, &ty)? {
        return Ok(Value::tuple(vec![exc, Value::None]));
    }
    let (msg, items) = match &exc {
        Value::Instance(i) => {
            let at = i.attrs.lock();
            (at.get("message").cloned().unwrap_or(Value::str("")), at.get("exceptions").cloned().unwrap_or(Value::tuple(vec![])))
        }
        _ => (Value::str(""), Value::tuple(vec![])),
    };
    let items = ops::collect(vm, &items)?;
    let (mut yes, mut no) = (Vec::new(), Vec::new());
    for e in items {
        if !ops::is_instance_of(vm, &e, "BaseExceptionGroup") {
            // A lone exception inside a group stays bare.
            if ops::exc_matches(vm, &e, &ty)? {
                yes.push(e);
            } else {
                no.push(e);
            }
            continue;
        }
        if let Value::Tuple(t) = exc_group_split(vm, Args::new(vec![e, ty.clone()]))? {
            if !t[0].is_none() {
                yes.push(t[0].clone());
            }
            if !t[1].is_none() {
                no.push(t[1].clone());
            }
        }
    }
    let class = ops::type_of(vm, &exc);
    let make = |vm: &mut Vm, v: Vec<Value>| -> R {
        if v.is_empty() {
            return Ok(Value::None);
        }
        vm.call(&Value::Class(class.clone()), Args::new(vec![msg.clone(), Value::list(v)]))
    };
    let y = make(vm, yes)?;
    let n = make(vm, no)?;
    Ok(Value::tuple(vec![y, n]))
}
