//! The instruction loop: runs the current thread's frames until it waits, gives the GIL
//! up, finishes, or the native call of this loop's level returns.

use std::sync::Arc;

use crate::code::{CmpOp, Instr, UnOp};
use crate::ops::{self, Attr};
use crate::value::*;
use crate::vm::*;

enum Step {
    Next,
    Call(Value, Args, Resume),
    Return(Value),
    Yield(Value),
    Raise(Value, bool),
    Block(Wait),
    Resume(Arc<Generator>, Value, bool, Resume),
    /// Run this frame (a class body) on top of the current one.
    Push(Box<Frame>),
    /// Enter this frame (a Python function's, its arguments bound): an eval-breaker check.
    Enter(Box<Frame>),
}

/// What an eval-breaker check found.
enum Breaker {
    Go,
    End(RunEnd),
    Raise(Value),
}

enum Outcome {
    Return(Value),
    Yield(Value),
    Raise(Value),
}

impl Vm {
    pub(crate) fn run_thread(&mut self, level: usize, deadline: Option<f64>) -> RunEnd {
        let ti = self.cur;
        let Some(mut f) = self.threads[ti].frames.pop() else { return RunEnd::Switch };
        let mut ticks: u32 = 0;
        loop {
            let instr = f.code.instrs[f.ip];
            // Matched in place: the common case, the next instruction, moves nothing.
            let result = if let Some(e) = f.pending_throw.take() {
                Ok(Step::Raise(e, true))
            } else {
                f.ip += 1;
                self.exec(&mut f, instr)
            };
            let step = match result {
                Ok(Step::Next) => {
                    // The eval breaker: where CPython 3.11 checks for a GIL drop request
                    // (backward jumps here; calls of Python functions below, at entry).
                    if !matches!(instr, Instr::JumpBack(_) | Instr::Call(_) | Instr::CallKw(_) | Instr::CallEx(_)) {
                        continue;
                    }
                    match self.eval_breaker(&mut ticks, deadline) {
                        Breaker::Go => continue,
                        Breaker::End(end) => {
                            self.threads[ti].frames.push(f);
                            return end;
                        }
                        Breaker::Raise(e) => Step::Raise(e, true),
                    }
                }
                Ok(s) => s,
                Err(ctl) => self.ctl_step(ctl, Resume::Push),
            };
            // Everything below changes which frame runs.
            let mut step = step;
            loop {
                match step {
                    Step::Next => break,
                    Step::Push(nf) => {
                        self.threads[ti].frames.push(f);
                        f = nf;
                        step = Step::Next;
                    }
                    Step::Enter(nf) => {
                        if self.threads[ti].frames.len() + 1 >= self.max_recursion {
                            self.recycle_frame(nf);
                            step = Step::Raise(self.new_exc(&self.exc_class("RecursionError"), "maximum recursion depth exceeded"), true);
                            continue;
                        }
                        self.threads[ti].frames.push(f);
                        f = nf;
                        step = Step::Next;
                        // A Python function's entry: an eval-breaker check, as CPython's.
                        match self.eval_breaker(&mut ticks, deadline) {
                            Breaker::Go => {}
                            Breaker::End(end) => {
                                self.threads[ti].frames.push(f);
                                return end;
                            }
                            Breaker::Raise(e) => step = Step::Raise(e, true),
                        }
                    }
                    Step::Call(func, args, resume) => {
                        let was = resume.clone();
                        self.threads[ti].frames.push(f);
                        let r = self.push_call(func, args, resume);
                        match r {
                            Ok(Some(v)) => {
                                f = self.threads[ti].frames.pop().unwrap();
                                self.deliver_value(&mut f, v, &was);
                                step = Step::Next;
                            }
                            Ok(None) => {
                                // The callee's frame is on top, the caller's under it: entered
                                // as the fast path enters one.
                                let callee = self.threads[ti].frames.pop().unwrap();
                                f = self.threads[ti].frames.pop().unwrap();
                                step = Step::Enter(callee);
                            }
                            Err(ctl) => {
                                // A generator resumed with a throw has its frame pushed already.
                                f = self.threads[ti].frames.pop().unwrap();
                                step = self.ctl_step(ctl, was);
                            }
                        }
                    }
                    Step::Resume(g, v, throw, resume) => {
                        let was = resume.clone();
                        self.threads[ti].frames.push(f);
                        let r = self.resume_gen(&g, v, throw, resume);
                        f = self.threads[ti].frames.pop().unwrap();
                        step = match r {
                            Ok(Some(v)) => {
                                self.deliver_value(&mut f, v, &was);
                                Step::Next
                            }
                            Ok(None) => Step::Next,
                            Err(ctl) => self.ctl_step(ctl, was),
                        };
                    }
                    Step::Block(w) if self.shared.real_threads => {
                        if let Some(v) = self.try_wait_now(&w) {
                            f.stack.push(v);
                            step = Step::Next;
                            continue;
                        }
                        match self.block(w) {
                            Some(v) => {
                                f.stack.push(v);
                                step = Step::Next;
                            }
                            None => {
                                self.threads[ti].frames.push(f);
                                return RunEnd::Budget;
                            }
                        }
                    }
                    Step::Block(w) => {
                        self.threads[ti].frames.push(f);
                        if let Some(v) = self.try_wait_now(&w) {
                            f = self.threads[ti].frames.pop().unwrap();
                            f.stack.push(v);
                            step = Step::Next;
                            continue;
                        }
                        self.begin_wait(ti, w);
                        return RunEnd::Switch;
                    }
                    Step::Raise(exc, fresh) => {
                        if fresh {
                            // A newly raised exception (a builtin's, say) inside an except
                            // block gets the handled one as its context.
                            if let Value::Instance(i) = &exc {
                                if i.traceback.lock().is_empty() && !i.attrs.lock().contains_key("__context__") {
                                    if let Some(ctx) = self.handled_exception(&f) {
                                        if !ctx.is(&exc) {
                                            i.attrs.lock().insert(Arc::from("__context__"), ctx);
                                        }
                                    }
                                }
                            }
                            self.add_traceback(&f, &exc);
                        }
                        if self.find_handler(&mut f, exc.clone()) {
                            step = Step::Next;
                            continue;
                        }
                        match self.complete(f, Outcome::Raise(exc), level) {
                            Completed::Continue(nf, s) => {
                                f = nf;
                                step = s;
                            }
                            Completed::End(e) => return e,
                        }
                    }
                    Step::Return(v) => match self.complete(f, Outcome::Return(v), level) {
                        Completed::Continue(nf, s) => {
                            f = nf;
                            step = s;
                        }
                        Completed::End(e) => return e,
                    },
                    Step::Yield(v) => match self.complete(f, Outcome::Yield(v), level) {
                        Completed::Continue(nf, s) => {
                            f = nf;
                            step = s;
                        }
                        Completed::End(e) => return e,
                    },
                }
            }
        }
    }

    /// The eval breaker's check: Stop, the slice's budget, and a GIL drop request. Some(end)
    /// when the thread must give the GIL up (its frame is then pushed back by the caller).
    #[inline]
    fn eval_breaker(&mut self, ticks: &mut u32, deadline: Option<f64>) -> Breaker {
        let ti = self.cur;
        *ticks = ticks.wrapping_add(1);
        if *ticks & 255 == 0 {
            if self.stop_requested() {
                return Breaker::End(RunEnd::Budget);
            }
            if let Some(d) = deadline {
                if self.now() >= d {
                    return Breaker::End(RunEnd::Budget);
                }
            }
            if crate::memory::allocated() > crate::memory::LIMIT_BYTES {
                let e = self.new_exc(&self.exc_class("MemoryError"), "the program holds more memory than this playground gives it (512 MB)");
                return Breaker::Raise(e);
            }
        }
        if self.gil_drop_requested() {
            if self.shared.real_threads {
                return if self.hand_over_gil() { Breaker::Go } else { Breaker::End(RunEnd::Budget) };
            }
            self.threads[ti].ready_since = self.now();
            if let Some(n) = self.next_ready_other() {
                self.switch_to(n);
            }
            return Breaker::End(RunEnd::Switch);
        }
        Breaker::Go
    }

    fn next_ready_other(&mut self) -> Option<usize> {
        let n = self.threads.len();
        (1..n).map(|k| (self.cur + k) % n).find(|&i| {
            let t = &self.threads[i];
            !t.done && t.wait.is_none() && !t.frames.is_empty()
        })
    }

    fn try_wait_now(&mut self, w: &Wait) -> Option<Value> {
        match w {
            Wait::Lock { lock, deadline, count } => {
                if lock.try_take(self.threads[self.cur].id, *count) {
                    return Some(Value::Bool(true));
                }
                if let Some(d) = deadline {
                    if *d <= self.now() {
                        return Some(Value::Bool(false));
                    }
                }
                None
            }
            Wait::Sleep { until } if *until <= self.now() => Some(Value::None),
            _ => None,
        }
    }

    fn ctl_step(&mut self, ctl: Ctl, resume: Resume) -> Step {
        match ctl {
            Ctl::Exc(e) => Step::Raise(e, true),
            Ctl::Block(w) => Step::Block(w),
            Ctl::TailCall(f, a) => Step::Call(f, a, resume),
            Ctl::Resume(g, v, t) => Step::Resume(g, v, t, if matches!(resume, Resume::Push) { Resume::Next } else { resume }),
        }
    }

    /// A call's result that came back at once, delivered as its resume kind says.
    fn deliver_value(&mut self, f: &mut Frame, v: Value, resume: &Resume) {
        match resume {
            Resume::Discard => {}
            Resume::Init(inst) => f.stack.push(inst.clone()),
            _ => f.stack.push(v),
        }
    }

    pub(crate) fn add_traceback(&self, f: &Frame, exc: &Value) {
        if let Value::Instance(i) = exc {
            i.traceback.lock().push(TbEntry {
                filename: f.code.filename.clone(),
                line: f.line(),
                name: f.code.name.clone(),
                hidden: f.code.hidden,
            });
        }
    }

    /// Looks for a handler in `f`; on success the frame continues there.
    fn find_handler(&mut self, f: &mut Frame, exc: Value) -> bool {
        while let Some(b) = f.blocks.pop() {
            if b.handling.is_some() {
                continue;
            }
            f.stack.truncate(b.level);
            f.blocks.push(Block { handler: 0, level: b.level, handling: Some(exc.clone()) });
            f.stack.push(exc);
            f.ip = b.handler as usize;
            return true;
        }
        false
    }

    /// The exception being handled where the current thread is (for bare `raise` and
    /// `__context__`).
    pub(crate) fn handled_exception(&self, f: &Frame) -> Option<Value> {
        if let Some(e) = f.blocks.iter().rev().find_map(|b| b.handling.clone()) {
            return Some(e);
        }
        for fr in self.threads[self.cur].frames.iter().rev() {
            if let Some(e) = fr.blocks.iter().rev().find_map(|b| b.handling.clone()) {
                return Some(e);
            }
        }
        None
    }

    fn complete(&mut self, f: Box<Frame>, outcome: Outcome, level: usize) -> Completed {
        let ti = self.cur;
        let resume = f.resume.clone();
        let is_gen = f.gen.is_some();
        // A generator's frame goes back into its generator, or ends with it.
        let mut f = Some(f);
        if let Some(g) = f.as_ref().unwrap().gen.clone() {
            let mut st = g.state.lock();
            st.running = false;
            match outcome {
                Outcome::Yield(_) => st.frame = f.take(),
                _ => {
                    st.finished = true;
                    st.frame = None;
                }
            }
        }
        if let Some(f) = f {
            self.recycle_frame(f);
        }
        let parent = |vm: &mut Vm| vm.threads[ti].frames.pop();
        match resume {
            Resume::Native(l) => {
                let r = match outcome {
                    // next(gen) from Rust: a generator that returns raises StopIteration.
                    Outcome::Return(v) if is_gen => Err(self.stop_iteration(v)),
                    Outcome::Return(v) | Outcome::Yield(v) => Ok(v),
                    Outcome::Raise(e) => Err(e),
                };
                if l == level {
                    return Completed::End(RunEnd::Native(r));
                }
                self.threads[ti].parked = Some(r);
                self.threads[ti].wait = Some(Wait::Parked(l));
                return Completed::End(RunEnd::Switch);
            }
            Resume::ThreadEnd => {
                if let Outcome::Raise(e) = outcome {
                    self.uncaught(ti, &e);
                }
                self.thread_finished(ti);
                return Completed::End(RunEnd::Switch);
            }
            _ => {}
        }
        let Some(mut p) = parent(self) else {
            return Completed::End(RunEnd::Switch);
        };
        let step = match (resume, outcome) {
            (_, Outcome::Raise(e)) => Step::Raise(e, true),
            (Resume::Push, Outcome::Return(v) | Outcome::Yield(v)) => {
                p.stack.push(v);
                Step::Next
            }
            (Resume::Discard, _) => Step::Next,
            (Resume::Init(inst), Outcome::Return(v)) => {
                if !v.is_none() {
                    Step::Raise(self.new_exc(&self.exc_class("TypeError"), &format!("__init__() should return None, not '{}'", ops::type_name(self, &v))), true)
                } else {
                    p.stack.push(inst);
                    Step::Next
                }
            }
            (Resume::Next, Outcome::Yield(v)) | (Resume::ForIter(_), Outcome::Yield(v)) => {
                p.stack.push(v);
                Step::Next
            }
            (Resume::Next, Outcome::Return(v)) => Step::Raise(self.stop_iteration(v), true),
            (Resume::ForIter(exit), Outcome::Return(_)) => {
                p.pop_value();
                p.ip = exit as usize;
                Step::Next
            }
            (Resume::YieldFrom, Outcome::Yield(v)) => {
                // The delegating frame passes the value up, and re-runs YieldFrom when resumed.
                p.ip -= 1;
                Step::Yield(v)
            }
            (Resume::YieldFrom, Outcome::Return(v)) => {
                p.pop_value();
                p.stack.push(v);
                Step::Next
            }
            (Resume::Class { name, bases, ns, kwargs }, Outcome::Return(_)) => match crate::call::build_class(self, name, bases, ns, kwargs) {
                Ok(c) => {
                    p.stack.push(c);
                    Step::Next
                }
                Err(Ctl::Exc(e)) => Step::Raise(e, true),
                Err(_) => Step::Next,
            },
            (_, Outcome::Return(v) | Outcome::Yield(v)) => {
                p.stack.push(v);
                Step::Next
            }
        };
        Completed::Continue(p, step)
    }

    fn thread_finished(&mut self, ti: usize) {
        let main = self.is_main(ti);
        // The main module ended: first threading's exit hooks run on the main thread.
        if main && !self.shared.exit_hooks_done.swap(true, std::sync::atomic::Ordering::SeqCst) {
            let hook = match crate::shared::lock(&self.shared.modules).get("threading") {
                Some(Value::Module(m)) => m.dict.lock().get("_run_exit_hooks").cloned(),
                _ => None,
            };
            if let Some(h) = hook {
                if let Ok(None) = self.push_call(h, Args::default(), Resume::ThreadEnd) {
                    return;
                }
            }
        }
        let now = self.now();
        self.end_cpu_span(ti, now);
        let id = self.threads[ti].id;
        if main && self.shared.others_alive(id) {
            // The main thread waits for the non-daemon threads, as CPython's shutdown does.
            if !self.shared.real_threads {
                self.threads[ti].wait_start = now;
                self.threads[ti].wait = Some(Wait::Shutdown);
                return;
            }
            let _ = self.block(Wait::Shutdown);
        }
        self.mark_done(ti);
        if main {
            for i in 0..self.threads.len() {
                if !self.threads[i].done {
                    self.mark_done(i);
                }
            }
        } else if !self.shared.real_threads && self.threads[0].wait.as_ref().is_some_and(|w| matches!(w, Wait::Shutdown)) {
            if !self.shared.others_alive(self.threads[0].id) {
                let lane = self.threads[0].lane;
                let start = self.threads[0].wait_start;
                self.host.span(lane, crate::host::SpanKind::Wait, start - self.start_ms, now - self.start_ms, "waiting: the other threads to end", None);
                for i in 0..self.threads.len() {
                    if !self.threads[i].done {
                        self.mark_done(i);
                    }
                }
            }
        }
    }

    /// Is thread `ti` of this interpreter the program's main thread?
    pub(crate) fn is_main(&self, ti: usize) -> bool {
        self.threads.get(ti).is_some_and(|t| t.id == 1)
    }

    /// An exception nobody caught: printed as CPython prints it.
    pub fn uncaught(&mut self, ti: usize, e: &Value) {
        if ops::is_instance_of(self, e, "SystemExit") {
            let code = ops::exc_args(e).first().cloned().unwrap_or(Value::None);
            let code = match code {
                Value::None => 0,
                Value::Int(i) => i as i32,
                other => {
                    let s = ops::to_str(self, &other).unwrap_or_default();
                    self.write_out(&format!("{s}\n"), true);
                    1
                }
            };
            self.set_status(code, None);
            return;
        }
        let text = self.format_exception(e);
        if self.is_main(ti) {
            self.write_out(&text, true);
            let (ty, msg) = ops::exc_type_and_message(self, e);
            let line = ops::exc_line(e);
            self.set_status(1, Some((ty, msg, line)));
        } else {
            let name = self.threads[ti].name.clone();
            self.write_out(&format!("Exception in thread {name}:\n{text}"), true);
        }
    }

    /// A NameError, with the hint CPython 3.11 prints under it in a traceback (a local,
    /// global or builtin name close to the missing one).
    fn name_error(&self, f: &Frame, name: &str) -> Ctl {
        let e = self.new_exc(&self.exc_class("NameError"), &format!("name '{name}' is not defined"));
        if let Value::Instance(i) = &e {
            i.attrs.lock().insert(Arc::from("name"), Value::str(name));
            let locals: Vec<Str> = match &f.ns {
                Some(ns) => ns.lock().keys().cloned().collect(),
                None if f.code.class_body || f.code.name.as_ref() == "<module>" => Vec::new(),
                None => f.code.varnames.clone(),
            };
            let globals: Vec<Str> = f.globals.dict.lock().keys().cloned().collect();
            let builtins: Vec<Str> = self.builtins.dict.lock().keys().cloned().collect();
            let hint = [locals, globals, builtins].iter().find_map(|names| suggest(name, names));
            if let Some(h) = hint {
                i.attrs.lock().insert(Arc::from(HINT_ATTR), Value::str(&h));
            }
        }
        Ctl::Exc(e)
    }

    pub fn format_exception(&mut self, e: &Value) -> String {
        let mut out = String::new();
        if let Value::Instance(i) = e {
            let cause = i.attrs.lock().get("__cause__").cloned().filter(|v| !v.is_none());
            let context = i.attrs.lock().get("__context__").cloned().filter(|v| !v.is_none());
            let suppress = matches!(i.attrs.lock().get("__suppress_context__"), Some(Value::Bool(true)));
            if let Some(c) = cause {
                out.push_str(&self.format_exception(&c));
                out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
            } else if let (Some(c), false) = (context, suppress) {
                out.push_str(&self.format_exception(&c));
                out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
            }
            let tb = i.traceback.lock().clone();
            let visible: Vec<&TbEntry> = tb.iter().rev().filter(|t| !t.hidden).collect();
            if !visible.is_empty() {
                out.push_str("Traceback (most recent call last):\n");
                let mut last: Option<(&str, u32, &str)> = None;
                let mut repeat = 0;
                for t in visible {
                    let key = (&*t.filename, t.line, &*t.name);
                    if last == Some(key) {
                        repeat += 1;
                        if repeat >= 3 {
                            continue;
                        }
                    } else {
                        if repeat >= 3 {
                            out.push_str(&format!("  [Previous line repeated {} more time{}]\n", repeat - 2, if repeat - 2 == 1 { "" } else { "s" }));
                        }
                        repeat = 0;
                    }
                    last = Some(key);
                    out.push_str(&format!("  File \"{}\", line {}, in {}\n", t.filename, t.line, t.name));
                    let text = crate::shared::lock(&self.shared.sources).get(&*t.filename).map(|src| src.line_text(t.line).trim().to_string());
                    if let Some(l) = text {
                        if !l.is_empty() {
                            out.push_str(&format!("    {l}\n"));
                        }
                    }
                }
                if repeat >= 3 {
                    out.push_str(&format!("  [Previous line repeated {} more time{}]\n", repeat - 2, if repeat - 2 == 1 { "" } else { "s" }));
                }
            }
        }
        let (ty, mut msg) = ops::exc_type_and_message(self, e);
        if let Value::Instance(i) = e {
            if let Some(Value::Str(h)) = i.attrs.lock().get(HINT_ATTR) {
                msg.push_str(&format!(". Did you mean: '{h}'?"));
            }
        }
        if msg.is_empty() {
            out.push_str(&format!("{ty}\n"));
        } else {
            out.push_str(&format!("{ty}: {msg}\n"));
        }
        // 3.11's exception notes (`add_note`), one per line under the message.
        if let Value::Instance(i) = e {
            let notes = i.attrs.lock().get("__notes__").cloned();
            if let Some(Value::List(l)) = notes {
                let items = l.lock().clone();
                for n in items {
                    let text = ops::to_str(self, &n).unwrap_or_default();
                    out.push_str(&text);
                    out.push('\n');
                }
            }
        }
        out
    }

    /// The common call, a Python function (or method, or class with a Python `__init__`)
    /// given exactly its positional parameters, without building an argument list: the
    /// arguments move from the caller's stack into the new frame's locals.
    #[inline]
    fn fast_call(&mut self, f: &mut Frame, n: usize) -> Option<Box<Frame>> {
        fn plain(code: &crate::code::Code, nargs: usize) -> bool {
            code.argcount == nargs && code.kwonly == 0 && !code.varargs && !code.varkw && !code.generator && !code.coroutine && code.cellvars.is_empty()
        }
        let at = f.stack.len() - n - 1;
        let (func, first, resume) = match &f.stack[at] {
            Value::Func(func) if plain(&func.code, n) => {
                // Taken off the stack, not copied: no reference count changes.
                let Value::Func(func) = std::mem::replace(&mut f.stack[at], Value::None) else { unreachable!() };
                (func, None, Resume::Push)
            }
            Value::Method(m) => match &m.0 {
                Value::Func(func) if plain(&func.code, n + 1) => (func.clone(), Some(m.1.clone()), Resume::Push),
                _ => return None,
            },
            Value::Class(c) if c.native == NativeType::Object => match c.lookup("__init__") {
                Some(Value::Func(func)) if plain(&func.code, n + 1) => {
                    let inst = Value::Instance(Arc::new(Instance { class: c.clone(), attrs: Namespace::default(), traceback: PyCell::default() }));
                    (func, Some(inst.clone()), Resume::Init(inst))
                }
                _ => return None,
            },
            _ => return None,
        };
        let mut frame = self.blank_frame(&func, resume);
        frame.locals.clear();
        if let Some(first) = first {
            frame.locals.push(Some(first));
        }
        frame.locals.extend(f.stack.drain(at + 1..).map(Some));
        frame.locals.resize(func.code.varnames.len(), None);
        f.stack.pop();
        for c in &func.closure {
            if let Value::Cell(c) = c {
                frame.cells.push(c.clone());
            }
        }
        Some(frame)
    }

    fn exec(&mut self, f: &mut Frame, instr: Instr) -> Result<Step, Ctl> {
        match instr {
            Instr::Nop | Instr::CheckEval => {}
            Instr::LoadConst(i) => f.stack.push(f.code.consts[i as usize].clone()),
            Instr::LoadFast(i) => match &f.locals[i as usize] {
                Some(v) => f.stack.push(v.clone()),
                None => {
                    let name = f.code.varnames[i as usize].clone();
                    return Err(self.err("UnboundLocalError", format!("cannot access local variable '{name}' where it is not associated with a value")));
                }
            },
            Instr::StoreFast(i) => f.locals[i as usize] = Some(f.pop()),
            Instr::DeleteFast(i) => f.locals[i as usize] = None,
            Instr::LoadDeref(i) => {
                let v = f.cells[i as usize].lock().clone();
                match v {
                    Some(v) => f.stack.push(v),
                    None => {
                        let name = self.cell_name(f, i);
                        return Err(self.err("NameError", format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope")));
                    }
                }
            }
            Instr::StoreDeref(i) => {
                let v = f.pop();
                *f.cells[i as usize].lock() = Some(v);
            }
            Instr::DeleteDeref(i) => {
                *f.cells[i as usize].lock() = None;
            }
            Instr::LoadClosure(i) => f.stack.push(Value::Cell(f.cells[i as usize].clone())),
            Instr::LoadGlobal(i) => {
                let name = &f.code.names[i as usize];
                let v = f.globals.dict.lock().get(name).cloned();
                match v.or_else(|| self.builtins.dict.lock().get(name).cloned()) {
                    Some(v) => f.stack.push(v),
                    None => return Err(self.name_error(f, name)),
                }
            }
            Instr::StoreGlobal(i) => {
                let v = f.pop();
                store(&f.globals.dict, &f.code.names[i as usize], v);
            }
            Instr::DeleteGlobal(i) => {
                let name = &f.code.names[i as usize];
                if f.globals.dict.lock().shift_remove(name).is_none() {
                    return Err(self.err("NameError", format!("name '{name}' is not defined")));
                }
            }
            Instr::LoadName(i) => {
                let name = &f.code.names[i as usize];
                let v = f.ns.as_ref().and_then(|ns| ns.lock().get(name).cloned());
                let v = v.or_else(|| f.globals.dict.lock().get(name).cloned()).or_else(|| self.builtins.dict.lock().get(name).cloned());
                match v {
                    Some(v) => f.stack.push(v),
                    None => return Err(self.name_error(f, name)),
                }
            }
            Instr::StoreName(i) => {
                let v = f.pop();
                let name = &f.code.names[i as usize];
                store(f.ns.as_deref().unwrap_or(&f.globals.dict), name, v);
            }
            Instr::DeleteName(i) => {
                let name = f.code.names[i as usize].clone();
                let removed = match &f.ns {
                    Some(ns) => ns.lock().shift_remove(&name),
                    None => f.globals.dict.lock().shift_remove(&name),
                };
                if removed.is_none() {
                    return Err(self.err("NameError", format!("name '{name}' is not defined")));
                }
            }
            Instr::LoadAttr(i) => {
                let obj = f.pop();
                let name = f.code.names[i as usize].clone();
                match ops::get_attr(self, &obj, &name)? {
                    Attr::Value(v) => f.stack.push(v),
                    Attr::Call(func, args) => return Ok(Step::Call(func, args, Resume::Push)),
                }
            }
            Instr::StoreAttr(i) => {
                let obj = f.pop();
                let v = f.pop();
                let name = f.code.names[i as usize].clone();
                if let Some((func, args)) = ops::set_attr(self, &obj, &name, v)? {
                    return Ok(Step::Call(func, args, Resume::Discard));
                }
            }
            Instr::DeleteAttr(i) => {
                let obj = f.pop();
                let name = f.code.names[i as usize].clone();
                ops::del_attr(self, &obj, &name)?;
            }
            Instr::Subscr => {
                let key = f.pop();
                let obj = f.pop();
                match ops::get_item(self, &obj, &key)? {
                    Attr::Value(v) => f.stack.push(v),
                    Attr::Call(func, args) => return Ok(Step::Call(func, args, Resume::Push)),
                }
            }
            Instr::StoreSubscr => {
                let key = f.pop();
                let obj = f.pop();
                let v = f.pop();
                if let Some((func, args)) = ops::set_item(self, &obj, key, v)? {
                    return Ok(Step::Call(func, args, Resume::Discard));
                }
            }
            Instr::DeleteSubscr => {
                let key = f.pop();
                let obj = f.pop();
                if let Some((func, args)) = ops::del_item(self, &obj, &key)? {
                    return Ok(Step::Call(func, args, Resume::Discard));
                }
            }
            Instr::Binary(op) | Instr::Inplace(op) => {
                let b = f.pop();
                let a = f.pop();
                let inplace = matches!(instr, Instr::Inplace(_));
                match ops::binary(self, op, &a, &b, inplace)? {
                    Attr::Value(v) => f.stack.push(v),
                    Attr::Call(func, args) => return Ok(Step::Call(func, args, Resume::Push)),
                }
            }
            Instr::Unary(op) => {
                let a = f.pop();
                let v = match op {
                    UnOp::Not => Value::Bool(!ops::truthy(self, &a)?),
                    _ => match ops::unary(self, op, &a)? {
                        Attr::Value(v) => v,
                        Attr::Call(func, args) => return Ok(Step::Call(func, args, Resume::Push)),
                    },
                };
                f.stack.push(v);
            }
            Instr::Compare(op) => {
                let b = f.pop();
                let a = f.pop();
                let v = match op {
                    CmpOp::Is => Value::Bool(a.is(&b)),
                    CmpOp::IsNot => Value::Bool(!a.is(&b)),
                    CmpOp::In | CmpOp::NotIn => {
                        let r = ops::contains(self, &b, &a)?;
                        Value::Bool(if op == CmpOp::In { r } else { !r })
                    }
                    _ => match ops::compare(self, op, &a, &b)? {
                        Attr::Value(v) => v,
                        Attr::Call(func, args) => return Ok(Step::Call(func, args, Resume::Push)),
                    },
                };
                f.stack.push(v);
            }
            Instr::Pop => {
                f.pop();
            }
            Instr::Dup => {
                let v = f.top().clone();
                f.stack.push(v);
            }
            Instr::DupTwo => {
                let n = f.stack.len();
                let (a, b) = (f.stack[n - 2].clone(), f.stack[n - 1].clone());
                f.stack.push(a);
                f.stack.push(b);
            }
            Instr::Rot2 => {
                let n = f.stack.len();
                f.stack.swap(n - 1, n - 2);
            }
            Instr::Rot3 => {
                let v = f.pop();
                let n = f.stack.len();
                f.stack.insert(n - 2, v);
            }
            Instr::Rot4 => {
                let v = f.pop();
                let n = f.stack.len();
                f.stack.insert(n - 3, v);
            }
            Instr::BuildTuple(n) => {
                let items = f.stack.split_off(f.stack.len() - n as usize);
                f.stack.push(Value::tuple(items));
            }
            Instr::BuildList(n) => {
                let items = f.stack.split_off(f.stack.len() - n as usize);
                f.stack.push(Value::list(items));
            }
            Instr::BuildSet(n) => {
                let items = f.stack.split_off(f.stack.len() - n as usize);
                let s = ops::new_set(self, items, false)?;
                f.stack.push(s);
            }
            Instr::BuildMap(n) => {
                let items = f.stack.split_off(f.stack.len() - 2 * n as usize);
                let mut d = Dict::default();
                for pair in items.chunks(2) {
                    let k = ops::key(self, &pair[0])?;
                    d.insert(k, pair[1].clone());
                }
                f.stack.push(Value::dict(d));
            }
            Instr::BuildSlice(_) => {
                let step = f.pop();
                let stop = f.pop();
                let start = f.pop();
                f.stack.push(Value::Slice(Arc::new((start, stop, step))));
            }
            Instr::BuildString(n) => {
                let items = f.stack.split_off(f.stack.len() - n as usize);
                let mut s = String::new();
                for it in items {
                    if let Value::Str(p) = it {
                        s.push_str(&p);
                    }
                }
                f.stack.push(Value::str(&s));
            }
            Instr::ListToTuple => {
                let v = f.pop();
                if let Value::List(l) = v {
                    let items = l.lock().clone();
                    f.stack.push(Value::tuple(items));
                } else {
                    f.stack.push(v);
                }
            }
            Instr::ListExtend(d) => {
                let v = f.pop();
                let items = ops::collect(self, &v)?;
                if let Value::List(l) = &f.stack[f.stack.len() - d as usize] {
                    l.lock().extend(items);
                }
            }
            Instr::SetUpdate(d) => {
                let v = f.pop();
                let items = ops::collect(self, &v)?;
                let target = f.stack[f.stack.len() - d as usize].clone();
                if let Value::Set(s) = target {
                    for it in items {
                        let k = ops::key(self, &it)?;
                        s.items.lock().insert(k, ());
                    }
                }
            }
            Instr::DictUpdate(d) => {
                let v = f.pop();
                let pairs = ops::dict_pairs(self, &v)?;
                if let Value::Dict(t) = &f.stack[f.stack.len() - d as usize] {
                    let mut t = t.lock();
                    for (k, v) in pairs {
                        t.insert(k, v);
                    }
                }
            }
            Instr::ListAppend(d) => {
                let v = f.pop();
                if let Value::List(l) = &f.stack[f.stack.len() - d as usize] {
                    l.lock().push(v);
                }
            }
            Instr::SetAdd(d) => {
                let v = f.pop();
                let k = ops::key(self, &v)?;
                if let Value::Set(s) = &f.stack[f.stack.len() - d as usize] {
                    s.items.lock().insert(k, ());
                }
            }
            Instr::MapAdd(d) => {
                let v = f.pop();
                let k = f.pop();
                let k = ops::key(self, &k)?;
                if let Value::Dict(t) = &f.stack[f.stack.len() - (d as usize - 1)] {
                    t.lock().insert(k, v);
                }
            }
            Instr::FormatValue(conv, has_spec) => {
                let spec = if has_spec { Some(f.pop()) } else { None };
                let v = f.pop();
                let v = match conv {
                    1 => Value::str(&ops::to_str(self, &v)?),
                    2 | 3 => Value::str(&ops::repr(self, &v)?),
                    _ => v,
                };
                let spec = match spec {
                    Some(Value::Str(s)) => s.to_string(),
                    _ => String::new(),
                };
                let s = ops::format(self, &v, &spec)?;
                f.stack.push(Value::str(&s));
            }
            Instr::Jump(t) | Instr::JumpBack(t) => f.ip = t as usize,
            Instr::PopJumpIfFalse(t) => {
                let v = f.pop();
                if !ops::truthy(self, &v)? {
                    f.ip = t as usize;
                }
            }
            Instr::PopJumpIfTrue(t) => {
                let v = f.pop();
                if ops::truthy(self, &v)? {
                    f.ip = t as usize;
                }
            }
            Instr::JumpIfFalseOrPop(t) => {
                if !ops::truthy(self, f.top())? {
                    f.ip = t as usize;
                } else {
                    f.pop();
                }
            }
            Instr::JumpIfTrueOrPop(t) => {
                if ops::truthy(self, f.top())? {
                    f.ip = t as usize;
                } else {
                    f.pop();
                }
            }
            Instr::GetIter => {
                let v = f.pop();
                match ops::get_iter(self, &v)? {
                    Attr::Value(it) => f.stack.push(it),
                    Attr::Call(func, args) => return Ok(Step::Call(func, args, Resume::Push)),
                }
            }
            Instr::ForIter(exit) => {
                let it = f.top().clone();
                match &it {
                    Value::Gen(g) => return Ok(Step::Resume(g.clone(), Value::None, false, Resume::ForIter(exit))),
                    Value::Iter(_) => match ops::native_next(self, &it)? {
                        Some(v) => f.stack.push(v),
                        None => {
                            f.pop();
                            f.ip = exit as usize;
                        }
                    },
                    _ => {
                        // An object with a Python __next__: StopIteration ends the loop.
                        let next = ops::lookup_special(self, &it, "__next__").ok_or_else(|| self.type_error(format!("'{}' object is not an iterator", ops::type_name(self, &it))))?;
                        match self.call(&next, Args::new(vec![it.clone()])) {
                            Ok(v) => f.stack.push(v),
                            Err(Ctl::Exc(e)) if ops::is_instance_of(self, &e, "StopIteration") => {
                                f.pop();
                                f.ip = exit as usize;
                            }
                            Err(e) => return Err(e),
                        }
                    }
                }
            }
            Instr::Call(n) => {
                if let Some(frame) = self.fast_call(f, n as usize) {
                    return Ok(Step::Enter(frame));
                }
                let args = f.stack.split_off(f.stack.len() - n as usize);
                let func = f.pop();
                return Ok(Step::Call(func, Args::new(args), Resume::Push));
            }
            Instr::CallKw(n) => {
                let names = f.pop();
                let mut args = f.stack.split_off(f.stack.len() - n as usize);
                let func = f.pop();
                let Value::Tuple(names) = names else { unreachable!() };
                let kwv = args.split_off(args.len() - names.len());
                let kw = names.iter().zip(kwv).map(|(k, v)| (if let Value::Str(s) = k { s.clone() } else { Arc::from("") }, v)).collect();
                return Ok(Step::Call(func, Args { pos: args, kw }, Resume::Push));
            }
            Instr::CallEx(has_kw) => {
                let kwargs = if has_kw { Some(f.pop()) } else { None };
                let args = f.pop();
                let func = f.pop();
                let pos = match args {
                    Value::Tuple(t) => (*t).clone(),
                    other => ops::collect(self, &other)?,
                };
                let mut kw = Vec::new();
                if let Some(k) = kwargs {
                    for (k, v) in ops::dict_pairs(self, &k)? {
                        match &k.value {
                            Value::Str(s) => kw.push((s.clone(), v)),
                            _ => return Err(self.type_error("keywords must be strings")),
                        }
                    }
                }
                return Ok(Step::Call(func, Args { pos, kw }, Resume::Push));
            }
            Instr::MakeFunction(flags) => {
                let qual = f.pop();
                let code = f.pop();
                let closure = if flags & 4 != 0 { Some(f.pop()) } else { None };
                let kwdefaults = if flags & 2 != 0 { Some(f.pop()) } else { None };
                let defaults = if flags & 1 != 0 { Some(f.pop()) } else { None };
                let Value::Code(code) = code else { unreachable!() };
                let func = Function {
                    name: code.name.clone(),
                    qualname: if let Value::Str(q) = qual { q } else { code.name.clone() },
                    code,
                    globals: f.globals.clone(),
                    defaults: match defaults {
                        Some(Value::Tuple(t)) => (*t).clone(),
                        _ => Vec::new(),
                    },
                    kwdefaults: match kwdefaults {
                        Some(d) => ops::dict_pairs(self, &d)?.into_iter().filter_map(|(k, v)| if let Value::Str(s) = k.value { Some((s, v)) } else { None }).collect(),
                        None => Vec::new(),
                    },
                    closure: match closure {
                        Some(Value::Tuple(t)) => (*t).clone(),
                        _ => Vec::new(),
                    },
                    attrs: Namespace::default(),
                };
                f.stack.push(Value::Func(Arc::new(func)));
            }
            Instr::BuildClass => {
                let kwargs = f.pop();
                let bases = f.pop();
                let name = f.pop();
                let body = f.pop();
                let Value::Func(body) = body else { unreachable!() };
                let Value::Str(name) = name else { unreachable!() };
                let mut bs = Vec::new();
                if let Value::Tuple(t) = bases {
                    for b in t.iter() {
                        match b {
                            Value::Class(c) => bs.push(c.clone()),
                            other => return Err(self.type_error(format!("bases must be types, not '{}'", ops::type_name(self, other)))),
                        }
                    }
                }
                let kw = ops::dict_pairs(self, &kwargs)?.into_iter().filter_map(|(k, v)| if let Value::Str(s) = k.value { Some((s, v)) } else { None }).collect();
                let ns = Arc::new(Namespace::default());
                ns.lock().insert(Arc::from("__module__"), Value::str(&f.globals.name));
                let mut frame = self.function_frame(&body, Args::default(), Resume::Class { name, bases: bs, ns: ns.clone(), kwargs: kw })?;
                frame.ns = Some(ns);
                return Ok(Step::Push(frame));
            }
            Instr::Return => {
                let v = f.pop();
                return Ok(Step::Return(v));
            }
            Instr::Yield => {
                let v = f.pop();
                return Ok(Step::Yield(v));
            }
            Instr::GetYieldFromIter => {
                let v = f.pop();
                match &v {
                    Value::Gen(_) => f.stack.push(v),
                    _ => match ops::get_iter(self, &v)? {
                        Attr::Value(it) => f.stack.push(it),
                        Attr::Call(func, args) => return Ok(Step::Call(func, args, Resume::Push)),
                    },
                }
            }
            Instr::GetAwaitable => {
                let v = f.pop();
                match &v {
                    Value::Gen(g) if g.coroutine => f.stack.push(v),
                    _ => {
                        let aw = ops::lookup_special(self, &v, "__await__").ok_or_else(|| self.type_error(format!("object {} can't be used in 'await' expression", ops::type_name(self, &v))))?;
                        return Ok(Step::Call(aw, Args::new(vec![v]), Resume::Push));
                    }
                }
            }
            Instr::YieldFrom => {
                let sent = f.pop();
                let it = f.top().clone();
                match &it {
                    Value::Gen(g) => return Ok(Step::Resume(g.clone(), sent, false, Resume::YieldFrom)),
                    _ => match ops::native_next(self, &it)? {
                        Some(v) => {
                            f.ip -= 1;
                            return Ok(Step::Yield(v));
                        }
                        None => {
                            f.pop();
                            f.stack.push(Value::None);
                        }
                    },
                }
            }
            Instr::SetupFinally(h) => f.blocks.push(Block { handler: h, level: f.stack.len(), handling: None }),
            Instr::SetupWith(h) => f.blocks.push(Block { handler: h, level: f.stack.len().saturating_sub(1), handling: None }),
            Instr::PopBlock => {
                f.blocks.pop();
            }
            Instr::PopExcept => {
                if let Some(b) = f.blocks.pop() {
                    f.stack.truncate(b.level);
                }
            }
            Instr::PopExceptKeep => {
                let v = f.pop();
                if let Some(b) = f.blocks.pop() {
                    f.stack.truncate(b.level);
                }
                f.stack.push(v);
            }
            Instr::Raise(n) => {
                let exc = match n {
                    0 => match self.handled_exception(f) {
                        Some(e) => return Ok(Step::Raise(e, false)),
                        None => return Err(self.err("RuntimeError", "No active exception to reraise")),
                    },
                    1 => {
                        let e = f.pop();
                        ops::make_exception(self, e)?
                    }
                    _ => {
                        let cause = f.pop();
                        let e = f.pop();
                        let e = ops::make_exception(self, e)?;
                        let cause = if cause.is_none() { Value::None } else { ops::make_exception(self, cause)? };
                        if let Value::Instance(i) = &e {
                            let mut a = i.attrs.lock();
                            a.insert(Arc::from("__cause__"), cause);
                            a.insert(Arc::from("__suppress_context__"), Value::Bool(true));
                        }
                        e
                    }
                };
                if let (Some(ctx), Value::Instance(i)) = (self.handled_exception(f), &exc) {
                    if !ctx.is(&exc) && !i.attrs.lock().contains_key("__context__") {
                        i.attrs.lock().insert(Arc::from("__context__"), ctx);
                    }
                }
                return Ok(Step::Raise(exc, true));
            }
            Instr::Reraise => {
                let e = f.pop();
                // Leaving the handler block this exception was caught in.
                if let Some(b) = f.blocks.last() {
                    if b.handling.is_some() {
                        f.blocks.pop();
                    }
                }
                return Ok(Step::Raise(e, false));
            }
            Instr::ExcMatch => {
                let ty = f.pop();
                let e = f.top().clone();
                let m = ops::exc_matches(self, &e, &ty)?;
                f.stack.push(Value::Bool(m));
            }
            Instr::BeforeWith | Instr::BeforeAsyncWith => {
                let ctx = f.pop();
                let (enter, exit) = if matches!(instr, Instr::BeforeWith) { ("__enter__", "__exit__") } else { ("__aenter__", "__aexit__") };
                let e = ops::bound_special(self, &ctx, enter);
                let x = ops::bound_special(self, &ctx, exit);
                let (Some(e), Some(x)) = (e, x) else {
                    let what = if matches!(instr, Instr::BeforeWith) { "the context manager protocol" } else { "the asynchronous context manager protocol" };
                    return Err(self.type_error(format!("'{}' object does not support {what}", ops::type_name(self, &ctx))));
                };
                f.stack.push(x);
                f.stack.push(e);
            }
            Instr::PrepExitArgs => {
                let e = f.pop();
                let ty = ops::type_of(self, &e);
                f.stack.push(Value::Class(ty));
                f.stack.push(e);
                f.stack.push(Value::None);
            }
            Instr::ImportName(i) => {
                let name = f.code.names[i as usize].clone();
                let m = crate::modules::import(self, &name)?;
                f.stack.push(m);
            }
            Instr::ImportFrom(i) => {
                let name = f.code.names[i as usize].clone();
                let m = f.top().clone();
                match ops::get_attr(self, &m, &name) {
                    Ok(Attr::Value(v)) => f.stack.push(v),
                    _ => {
                        let mname = if let Value::Module(m) = &m { m.name.to_string() } else { String::new() };
                        return Err(self.err("ImportError", format!("cannot import name '{name}' from '{mname}'")));
                    }
                }
            }
            Instr::ImportStar => {
                let m = f.pop();
                if let Value::Module(m) = m {
                    let items: Vec<(Str, Value)> = m.dict.lock().iter().filter(|(k, _)| !k.starts_with('_')).map(|(k, v)| (k.clone(), v.clone())).collect();
                    let target = f.ns.clone();
                    for (k, v) in items {
                        match &target {
                            Some(ns) => ns.lock().insert(k, v),
                            None => f.globals.dict.lock().insert(k, v),
                        };
                    }
                }
            }
            Instr::UnpackSequence(n) => {
                let v = f.pop();
                let items = ops::collect(self, &v)?;
                if items.len() != n as usize {
                    return Err(if items.len() > n as usize {
                        self.value_error(format!("too many values to unpack (expected {n})"))
                    } else {
                        self.value_error(format!("not enough values to unpack (expected {n}, got {})", items.len()))
                    });
                }
                f.stack.extend(items.into_iter().rev());
            }
            Instr::UnpackEx(before, after) => {
                let v = f.pop();
                let items = ops::collect(self, &v)?;
                let (b, a) = (before as usize, after as usize);
                if items.len() < b + a {
                    return Err(self.value_error(format!("not enough values to unpack (expected at least {}, got {})", b + a, items.len())));
                }
                let mut out = Vec::new();
                out.extend(items[..b].iter().cloned());
                out.push(Value::list(items[b..items.len() - a].to_vec()));
                out.extend(items[items.len() - a..].iter().cloned());
                f.stack.extend(out.into_iter().rev());
            }
            Instr::LoadAssertionError => f.stack.push(Value::Class(self.exc_class("AssertionError"))),
        }
        Ok(Step::Next)
    }

    fn cell_name(&self, f: &Frame, i: u32) -> Str {
        let i = i as usize;
        if i < f.code.cellvars.len() {
            f.code.cellvars[i].clone()
        } else {
            f.code.freevars.get(i - f.code.cellvars.len()).cloned().unwrap_or_else(|| Arc::from("?"))
        }
    }

}

enum Completed {
    Continue(Box<Frame>, Step),
    End(RunEnd),
}


trait PopValue {
    fn pop_value(&mut self) -> Value;
}
impl PopValue for Frame {
    fn pop_value(&mut self) -> Value {
        self.stack.pop().unwrap_or(Value::None)
    }
}

trait FramePop {
    fn pop(&mut self) -> Value;
    fn top(&self) -> &Value;
}
impl FramePop for Frame {
    fn pop(&mut self) -> Value {
        self.stack.pop().unwrap_or(Value::None)
    }
    fn top(&self) -> &Value {
        self.stack.last().expect("stack underflow")
    }
}

/// Where a NameError keeps the name a traceback suggests.
/// Binds `name` in a namespace; rebinding an existing name (a loop's variable) replaces
/// the value in place, without touching the key's reference count.
#[inline]
fn store(ns: &Namespace, name: &Str, v: Value) {
    let mut d = ns.lock();
    match d.get_mut(name) {
        Some(slot) => *slot = v,
        None => {
            d.insert(name.clone(), v);
        }
    }
}

pub const HINT_ATTR: &str = "_pg_suggestion";

/// The closest of `names` to `name`, as CPython 3.11's suggestions compute it (a
/// Levenshtein distance where a case change costs 1 and any other edit 2), if close enough.
pub fn suggest(name: &str, names: &[Str]) -> Option<String> {
    const MOVE: usize = 2;
    if names.len() >= 750 {
        return None;
    }
    let mut best: Option<(&str, usize)> = None;
    for item in names {
        if &**item == name {
            continue;
        }
        let mut max = (name.len() + item.len() + 3) * MOVE / 6;
        if let Some((_, d)) = best {
            max = max.min(d.saturating_sub(1));
        }
        let d = distance(name.as_bytes(), item.as_bytes(), max);
        if d > max {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((item, d));
        }
    }
    best.map(|(s, _)| s.to_string())
}

fn distance<'a>(mut a: &'a [u8], mut b: &'a [u8], max: usize) -> usize {
    const MOVE: usize = 2;
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE;
    }
    if a.len() > 40 || b.len() > 40 {
        return max + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE > max {
        return max + 1;
    }
    let cost = |x: u8, y: u8| {
        if x == y {
            0
        } else if x.to_ascii_lowercase() == y.to_ascii_lowercase() {
            1
        } else {
            MOVE
        }
    };
    let mut buf: Vec<usize> = (0..a.len()).map(|i| (i + 1) * MOVE).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut dist = bi * MOVE;
        result = dist;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = dist + cost(code, ac);
            dist = buf[ai];
            let insert_delete = result.min(dist) + MOVE;
            result = insert_delete.min(substitute);
            buf[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max {
            return max + 1;
        }
    }
    result
}
