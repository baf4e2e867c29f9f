//! Calling: binding arguments to parameters, instantiating classes, building classes.

use std::sync::Arc;

use crate::ops;
use crate::value::*;
use crate::vm::{Ctl, Frame, Resume, Vm, R};

pub enum Prepared {
    Frame(Box<Frame>),
    Value(Value),
    Gen(Arc<Generator>, Value, bool, Resume),
}

pub fn prepare_call(vm: &mut Vm, func: Value, mut args: Args, resume: Resume) -> Result<Prepared, Ctl> {
    match &func {
        Value::Func(f) => {
            if f.code.generator || f.code.coroutine {
                let frame = vm.function_frame(f, args, Resume::Push)?;
                let g = make_generator(f, frame);
                if f.code.generator && f.code.coroutine {
                    return Ok(Prepared::Value(crate::modules::wrap_async_gen(vm, g)?));
                }
                return Ok(Prepared::Value(g));
            }
            Ok(Prepared::Frame(vm.function_frame(f, args, resume)?))
        }
        Value::Method(m) => {
            args.pos.insert(0, m.1.clone());
            prepare_call(vm, m.0.clone(), args, resume)
        }
        Value::Builtin(b) => match (b.func)(vm, args) {
            Ok(v) => Ok(Prepared::Value(v)),
            Err(Ctl::TailCall(f, a)) => prepare_call(vm, f, a, resume),
            Err(Ctl::Resume(g, v, throw)) => Ok(Prepared::Gen(g, v, throw, match resume {
                Resume::Push => Resume::Next,
                other => other,
            })),
            Err(e) => Err(e),
        },
        Value::Class(c) => {
            if c.native != NativeType::Object && c.native != NativeType::Exception {
                // A built-in type, or a class deriving from one: its constructor is a builtin.
                if let Some(ctor) = crate::builtins::constructor(vm, c) {
                    let mut a = args;
                    a.pos.insert(0, func.clone());
                    return match ctor(vm, a) {
                        Ok(v) => Ok(Prepared::Value(v)),
                        Err(Ctl::TailCall(f, a)) => prepare_call(vm, f, a, resume),
                        Err(e) => Err(e),
                    };
                }
            }
            let inst = blank_instance(c, &args);
            match c.lookup("__init__") {
                Some(init @ Value::Func(_)) => {
                    args.pos.insert(0, inst.clone());
                    let Value::Func(f) = &init else { unreachable!() };
                    Ok(Prepared::Frame(vm.function_frame(f, args, Resume::Init(inst))?))
                }
                Some(Value::Builtin(b)) => {
                    args.pos.insert(0, inst.clone());
                    (b.func)(vm, args)?;
                    Ok(Prepared::Value(inst))
                }
                _ => {
                    if c.native == NativeType::Object && (!args.pos.is_empty() || !args.kw.is_empty()) {
                        return Err(vm.type_error(format!("{}() takes no arguments", c.name)));
                    }
                    Ok(Prepared::Value(inst))
                }
            }
        }
        Value::Instance(_) => match ops::lookup_special(vm, &func, "__call__") {
            Some(f) => {
                args.pos.insert(0, func.clone());
                prepare_call(vm, f, args, resume)
            }
            None => Err(vm.type_error(format!("'{}' object is not callable", ops::type_name(vm, &func)))),
        },
        Value::Wrapper(w) => match &**w {
            Wrapper::StaticMethod(f) => prepare_call(vm, f.clone(), args, resume),
            _ => Err(vm.type_error(format!("'{}' object is not callable", ops::type_name(vm, &func)))),
        },
        _ => Err(vm.type_error(format!("'{}' object is not callable", ops::type_name(vm, &func)))),
    }
}

fn make_generator(f: &Arc<Function>, mut frame: Box<Frame>) -> Value {
    let g = Arc::new(Generator {
        state: PyCell::new(GenState { frame: None, running: false, started: false, finished: false }),
        // An async generator's frame runs as a plain generator (see lib/_asyncgen.py).
        coroutine: f.code.coroutine && !f.code.generator,
        name: f.name.clone(),
    });
    frame.gen = Some(g.clone());
    g.state.lock().frame = Some(frame);
    Value::Gen(g)
}

/// Binds a call's arguments to a function's parameters, as Python does, with its messages.
pub fn bind_args(vm: &mut Vm, f: &Function, args: Args) -> Result<Vec<Option<Value>>, Ctl> {
    let mut locals = Vec::new();
    bind_args_into(vm, f, args, &mut locals)?;
    Ok(locals)
}

/// `bind_args` into a (recycled, empty) vector of locals.
pub fn bind_args_into(vm: &mut Vm, f: &Function, args: Args, locals: &mut Vec<Option<Value>>) -> Result<(), Ctl> {
    let code = &f.code;
    locals.clear();
    locals.resize(code.varnames.len(), None);
    let npos = code.argcount;
    let name = &f.name;
    let Args { pos, kw } = args;
    let given = pos.len();
    let mut extra = Vec::new();
    for (i, v) in pos.into_iter().enumerate() {
        if i < npos {
            locals[i] = Some(v);
        } else {
            extra.push(v);
        }
    }
    let mut slot = npos + code.kwonly;
    if code.varargs {
        locals[slot] = Some(Value::tuple(extra));
        slot += 1;
    } else if !extra.is_empty() {
        let required = npos - f.defaults.len().min(npos);
        let takes = if required == npos {
            format!("{npos} positional argument{}", if npos == 1 { "" } else { "s" })
        } else {
            format!("from {required} to {npos} positional arguments")
        };
        let kwgiven = kw.iter().filter(|(k, _)| code.varnames[..npos + code.kwonly].iter().any(|v| v == k)).count();
        let was = if kwgiven > 0 {
            format!("{given} positional argument{} (and {kwgiven} keyword-only argument{}) were given", if given == 1 { "" } else { "s" }, if kwgiven == 1 { "" } else { "s" })
        } else {
            format!("{given} {} given", if given == 1 { "was" } else { "were" })
        };
        return Err(vm.type_error(format!("{}() takes {takes} but {was}", f.qualname)));
    }
    let mut varkw = if code.varkw { Some(Dict::default()) } else { None };
    for (k, v) in kw {
        let idx = code.varnames[..npos + code.kwonly].iter().position(|n| *n == k);
        match idx {
            Some(i) if i >= code.posonly => {
                if locals[i].is_some() {
                    return Err(vm.type_error(format!("{}() got multiple values for argument '{k}'", f.qualname)));
                }
                locals[i] = Some(v);
            }
            _ => match &mut varkw {
                Some(d) => {
                    d.insert(Key { hash: ops::hash_str(&k), value: Value::Str(k), canon: 0 }, v);
                }
                None => return Err(vm.type_error(format!("{}() got an unexpected keyword argument '{k}'", f.qualname))),
            },
        }
    }
    if let Some(d) = varkw {
        locals[slot] = Some(Value::dict(d));
    }
    // Defaults, then what is still missing.
    let first_default = npos - f.defaults.len().min(npos);
    let mut missing = Vec::new();
    for i in 0..npos {
        if locals[i].is_none() {
            if i >= first_default {
                locals[i] = Some(f.defaults[i - first_default].clone());
            } else {
                missing.push(code.varnames[i].clone());
            }
        }
    }
    if !missing.is_empty() {
        return Err(vm.type_error(format!(
            "{}() missing {} required positional argument{}: {}",
            f.qualname,
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            name_list(&missing)
        )));
    }
    let mut kwmissing = Vec::new();
    for i in npos..npos + code.kwonly {
        if locals[i].is_none() {
            match f.kwdefaults.iter().find(|(k, _)| *k == code.varnames[i]) {
                Some((_, v)) => locals[i] = Some(v.clone()),
                None => kwmissing.push(code.varnames[i].clone()),
            }
        }
    }
    if !kwmissing.is_empty() {
        return Err(vm.type_error(format!(
            "{}() missing {} required keyword-only argument{}: {}",
            f.qualname,
            kwmissing.len(),
            if kwmissing.len() == 1 { "" } else { "s" },
            name_list(&kwmissing)
        )));
    }
    let _ = name;
    Ok(())
}

fn name_list(names: &[Str]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}

pub fn build_class(vm: &mut Vm, name: Str, bases: Vec<Arc<Class>>, ns: Arc<Namespace>, _kwargs: Vec<(Str, Value)>) -> R {
    let bases = if bases.is_empty() { vec![vm.types.object.clone()] } else { bases };
    let mro = compute_mro(&bases).map_err(|m| vm.type_error(m))?;
    let native = mro.iter().map(|c| c.native).find(|n| *n != NativeType::Object).unwrap_or(NativeType::Object);
    let dict = std::mem::take(&mut *ns.lock());
    let qualname = match dict.get("__qualname__") {
        Some(Value::Str(q)) => q.clone(),
        _ => name.clone(),
    };
    let module = match dict.get("__module__") {
        Some(Value::Str(m)) => m.clone(),
        _ => Arc::from("__main__"),
    };
    let classcell = dict.get("__classcell__").cloned();
    let mut dict = dict;
    dict.shift_remove("__classcell__");
    // A class that defines __eq__ but not __hash__ is unhashable, as in Python.
    if dict.contains_key("__eq__") && !dict.contains_key("__hash__") {
        dict.insert(Arc::from("__hash__"), Value::None);
    }
    let class = Arc::new(Class { name, qualname, bases, mro, dict: PyCell::new(dict), native, module });
    if let Some(Value::Cell(c)) = classcell {
        *c.lock() = Some(Value::Class(class.clone()));
    }
    // __set_name__ and __init_subclass__ are not supported: rare in lesson programs.
    Ok(Value::Class(class))
}

impl Vm {
    /// `next(gen)` from Rust.
    pub fn call_resume(&mut self, g: &Arc<Generator>, v: Value) -> R {
        let r: R = Err(Ctl::Resume(g.clone(), v, false));
        self.finish_native(r)
    }
}

/// A new instance of a Python class, before `__init__` runs.
pub fn blank_instance(c: &Arc<Class>, args: &Args) -> Value {
    let inst = Value::Instance(Arc::new(Instance { class: c.clone(), attrs: Namespace::default(), traceback: PyCell::default() }));
    if c.native == NativeType::Exception {
        if let Value::Instance(i) = &inst {
            i.attrs.lock().insert(Arc::from("args"), Value::tuple(args.pos.clone()));
        }
    }
    inst
}
