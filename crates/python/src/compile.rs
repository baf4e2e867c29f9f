//! From ruff's AST to bytecode (`code.rs`).

use std::sync::Arc;

use indexmap::IndexSet;
use num_bigint::BigInt;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::code::{BinOp, CmpOp, Code, Instr, UnOp};
use crate::symtable::{self, NameScope, ScopeKind, SymbolTable};
use crate::value::{Str, Value};

/// A compile error: Python's SyntaxError, with a 1-based line and column.
#[derive(Debug, Clone)]
pub struct CompileError {
    pub message: String,
    pub line: u32,
    pub column: u32,
    pub text: String,
}

#[derive(Clone)]
pub struct Source {
    pub text: String,
    line_starts: Vec<usize>,
}

impl Source {
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i + 1);
            }
        }
        Source { text: text.to_string(), line_starts }
    }
    pub fn line_of(&self, offset: usize) -> u32 {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }
    pub fn column_of(&self, offset: usize) -> u32 {
        let line = self.line_of(offset) as usize;
        let start = self.line_starts[line - 1];
        self.text[start..offset.min(self.text.len())].chars().count() as u32 + 1
    }
    pub fn line_text(&self, line: u32) -> &str {
        let i = line as usize - 1;
        if i >= self.line_starts.len() {
            return "";
        }
        let start = self.line_starts[i];
        let end = self.line_starts.get(i + 1).copied().unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }
}

pub fn compile_module(text: &str, filename: &str, hidden: bool) -> Result<(Arc<Code>, Source), CompileError> {
    let source = Source::new(text);
    let parsed = match ruff_python_parser::parse_module(text) {
        Ok(p) => p,
        Err(e) => return Err(crate::syntax_error::describe(&source, &e.error.to_string(), e.location.start().to_usize())),
    };
    let module = parsed.into_syntax();
    let table = SymbolTable::build(&module.body);
    let mut c = Compiler { source: &source, table: &table, filename: Arc::from(filename), hidden, doc: None };
    let code = c.compile_scope(0, "<module>", "<module>", &[], 1, |g, c| {
        c.body(g, &module.body)?;
        let k = g.konst(Value::None);
        g.emit(Instr::LoadConst(k));
        g.emit(Instr::Return);
        Ok(())
    })?;
    Ok((code, source))
}

struct Compiler<'a> {
    source: &'a Source,
    table: &'a SymbolTable,
    filename: Str,
    hidden: bool,
    /// The docstring of the function `function` compiles next.
    doc: Option<Str>,
}

#[derive(Clone)]
enum FBlock<'a> {
    /// A for loop: its iterator is on the stack.
    For { start: usize, breaks: Vec<usize> },
    While { start: usize, breaks: Vec<usize> },
    /// Inside `try` with a `finally`: leaving runs the finally body.
    TryFinally(&'a [Stmt]),
    /// Inside `try` with handlers: leaving pops the handler block.
    TryExcept,
    /// Inside an except handler or a finally run for an exception: leaving pops it.
    Handler,
    /// Inside `with`: leaving calls __exit__ (its bound method is on the stack).
    With { is_async: bool },
}

struct Gen<'a> {
    scope: usize,
    instrs: Vec<Instr>,
    lines: Vec<u32>,
    consts: Vec<Value>,
    names: IndexSet<Str>,
    varnames: IndexSet<Str>,
    cellvars: Vec<Str>,
    freevars: Vec<Str>,
    line: u32,
    fblocks: Vec<FBlock<'a>>,
    qualname: String,
    is_async: bool,
    /// An async generator's body: `yield` hands values to `async for` (lib/_asyncgen.py).
    async_gen: bool,
}

type CResult<T = ()> = Result<T, CompileError>;

impl<'a> Gen<'a> {
    fn emit(&mut self, i: Instr) -> usize {
        self.instrs.push(i);
        self.lines.push(self.line);
        self.instrs.len() - 1
    }
    fn here(&self) -> usize {
        self.instrs.len()
    }
    fn patch(&mut self, at: usize) {
        let target = self.here() as u32;
        self.patch_to(at, target);
    }
    fn patch_to(&mut self, at: usize, target: u32) {
        self.instrs[at] = match self.instrs[at] {
            Instr::Jump(_) => Instr::Jump(target),
            Instr::PopJumpIfFalse(_) => Instr::PopJumpIfFalse(target),
            Instr::PopJumpIfTrue(_) => Instr::PopJumpIfTrue(target),
            Instr::JumpIfFalseOrPop(_) => Instr::JumpIfFalseOrPop(target),
            Instr::JumpIfTrueOrPop(_) => Instr::JumpIfTrueOrPop(target),
            Instr::ForIter(_) => Instr::ForIter(target),
            Instr::SetupFinally(_) => Instr::SetupFinally(target),
            Instr::SetupWith(_) => Instr::SetupWith(target),
            other => other,
        }
    }
    fn konst(&mut self, v: Value) -> u32 {
        // Small constants are shared; the rest are appended.
        for (i, c) in self.consts.iter().enumerate() {
            let same = match (c, &v) {
                (Value::None, Value::None) => true,
                (Value::Bool(a), Value::Bool(b)) => a == b,
                (Value::Int(a), Value::Int(b)) => a == b,
                (Value::Str(a), Value::Str(b)) => a == b,
                _ => false,
            };
            if same {
                return i as u32;
            }
        }
        self.consts.push(v);
        (self.consts.len() - 1) as u32
    }
    fn name(&mut self, n: &str) -> u32 {
        self.names.insert_full(Arc::from(n)).0 as u32
    }
}

impl<'a> Compiler<'a> {
    fn err(&self, range: TextRange, message: &str) -> CompileError {
        let off = range.start().to_usize();
        let line = self.source.line_of(off);
        CompileError {
            message: message.to_string(),
            line,
            column: self.source.column_of(off),
            text: self.source.line_text(line).to_string(),
        }
    }

    fn line(&self, r: TextRange) -> u32 {
        self.source.line_of(r.start().to_usize())
    }

    fn compile_scope<'b>(
        &mut self,
        scope: usize,
        name: &str,
        qualname: &str,
        params: &[String],
        first_line: u32,
        body: impl FnOnce(&mut Gen<'b>, &mut Self) -> CResult,
    ) -> CResult<Arc<Code>> {
        let sc = &self.table.scopes[scope];
        let mut g = Gen {
            scope,
            instrs: Vec::new(),
            lines: Vec::new(),
            consts: Vec::new(),
            names: IndexSet::new(),
            varnames: IndexSet::new(),
            cellvars: sc.cells.iter().map(|s| Arc::from(s.as_str())).collect(),
            freevars: sc.frees.iter().map(|s| Arc::from(s.as_str())).collect(),
            line: first_line,
            fblocks: Vec::new(),
            qualname: qualname.to_string(),
            is_async: false,
            async_gen: false,
        };
        for p in params {
            g.varnames.insert(Arc::from(p.as_str()));
        }
        body(&mut g, self)?;
        let cell_args = g.cellvars.iter().map(|c| params.iter().position(|p| p.as_str() == &**c)).collect();
        Ok(Arc::new(Code {
            name: Arc::from(name),
            qualname: Arc::from(qualname),
            filename: self.filename.clone(),
            instrs: g.instrs,
            lines: g.lines,
            consts: g.consts,
            names: g.names.into_iter().collect(),
            varnames: g.varnames.into_iter().collect(),
            cellvars: g.cellvars,
            freevars: g.freevars,
            cell_args,
            argcount: 0,
            posonly: 0,
            kwonly: 0,
            varargs: false,
            varkw: false,
            generator: sc.generator,
            coroutine: false,
            class_body: sc.kind == ScopeKind::Class,
            hidden: self.hidden,
            first_line,
            doc: None,
        }))
    }

    fn load_name(&mut self, g: &mut Gen, name: &str) {
        let i = self.name_op(g, name);
        g.emit(match i {
            NameRef::Fast(i) => Instr::LoadFast(i),
            NameRef::Deref(i) => Instr::LoadDeref(i),
            NameRef::Global(i) => Instr::LoadGlobal(i),
            NameRef::Name(i) => Instr::LoadName(i),
        });
    }
    fn store_name(&mut self, g: &mut Gen, name: &str) {
        let i = self.name_op(g, name);
        g.emit(match i {
            NameRef::Fast(i) => Instr::StoreFast(i),
            NameRef::Deref(i) => Instr::StoreDeref(i),
            NameRef::Global(i) => Instr::StoreGlobal(i),
            NameRef::Name(i) => Instr::StoreName(i),
        });
    }
    fn delete_name(&mut self, g: &mut Gen, name: &str) {
        let i = self.name_op(g, name);
        g.emit(match i {
            NameRef::Fast(i) => Instr::DeleteFast(i),
            NameRef::Deref(i) => Instr::DeleteDeref(i),
            NameRef::Global(i) => Instr::DeleteGlobal(i),
            NameRef::Name(i) => Instr::DeleteName(i),
        });
    }

    fn name_op(&mut self, g: &mut Gen, name: &str) -> NameRef {
        match self.table.scope_of(g.scope, name) {
            NameScope::Local => NameRef::Fast(g.varnames.insert_full(Arc::from(name)).0 as u32),
            NameScope::Cell => NameRef::Deref(g.cellvars.iter().position(|c| &**c == name).unwrap_or(0) as u32),
            NameScope::Free => {
                NameRef::Deref((g.cellvars.len() + g.freevars.iter().position(|c| &**c == name).unwrap_or(0)) as u32)
            }
            NameScope::Global => NameRef::Global(g.name(name)),
            NameScope::Name => NameRef::Name(g.name(name)),
        }
    }

    fn body<'b>(&mut self, g: &mut Gen<'b>, body: &'b [Stmt]) -> CResult {
        for s in body {
            self.stmt(g, s)?;
        }
        Ok(())
    }

    fn stmt<'b>(&mut self, g: &mut Gen<'b>, s: &'b Stmt) -> CResult {
        g.line = self.line(s.range());
        match s {
            Stmt::Expr(e) => {
                self.expr(g, &e.value)?;
                g.emit(Instr::Pop);
            }
            Stmt::Assign(a) => {
                self.expr(g, &a.value)?;
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < a.targets.len() {
                        g.emit(Instr::Dup);
                    }
                    self.store(g, t)?;
                }
            }
            Stmt::AugAssign(a) => self.aug_assign(g, a)?,
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(g, v)?;
                    self.store(g, &a.target)?;
                }
                // A class body keeps its annotations: dataclasses read them.
                if let (Expr::Name(n), ScopeKind::Class) = (&*a.target, self.table.scopes[g.scope].kind) {
                    self.expr(g, &a.annotation)?;
                    let ann = g.name("__annotations__");
                    g.emit(Instr::LoadName(ann));
                    let k = g.konst(Value::str(&n.id));
                    g.emit(Instr::LoadConst(k));
                    g.emit(Instr::StoreSubscr);
                }
            }
            Stmt::Pass(_) => {}
            Stmt::Return(r) => {
                if self.table.scopes[g.scope].kind != ScopeKind::Function {
                    return Err(self.err(r.range, "'return' outside function"));
                }
                match &r.value {
                    Some(v) => self.expr(g, v)?,
                    None => {
                        let k = g.konst(Value::None);
                        g.emit(Instr::LoadConst(k));
                    }
                }
                self.unwind(g, None, true)?;
                g.emit(Instr::Return);
            }
            Stmt::If(i) => {
                self.expr(g, &i.test)?;
                let mut jf = g.emit(Instr::PopJumpIfFalse(0));
                self.body(g, &i.body)?;
                let mut ends = Vec::new();
                for c in &i.elif_else_clauses {
                    ends.push(g.emit(Instr::Jump(0)));
                    g.patch(jf);
                    match &c.test {
                        Some(t) => {
                            g.line = self.line(t.range());
                            self.expr(g, t)?;
                            jf = g.emit(Instr::PopJumpIfFalse(0));
                            self.body(g, &c.body)?;
                        }
                        None => {
                            self.body(g, &c.body)?;
                            jf = usize::MAX;
                        }
                    }
                }
                if jf != usize::MAX {
                    g.patch(jf);
                }
                for e in ends {
                    g.patch(e);
                }
            }
            Stmt::While(w) => {
                let start = g.here();
                self.expr(g, &w.test)?;
                let exit = g.emit(Instr::PopJumpIfFalse(0));
                g.fblocks.push(FBlock::While { start, breaks: vec![] });
                self.body(g, &w.body)?;
                g.emit(Instr::JumpBack(start as u32));
                let Some(FBlock::While { breaks, .. }) = g.fblocks.pop() else { unreachable!() };
                g.patch(exit);
                self.body(g, &w.orelse)?;
                for b in breaks {
                    g.patch(b);
                }
            }
            Stmt::For(f) if f.is_async => {
                if !g.is_async {
                    return Err(self.err(f.range, "'async for' outside async function"));
                }
                self.expr(g, &f.iter)?;
                let n = g.name("__aiter__");
                g.emit(Instr::LoadAttr(n));
                g.emit(Instr::Call(0));
                let (start, setup) = self.async_next(g);
                self.store(g, &f.target)?;
                g.fblocks.push(FBlock::For { start, breaks: vec![] });
                self.body(g, &f.body)?;
                g.emit(Instr::JumpBack(start as u32));
                let Some(FBlock::For { breaks, .. }) = g.fblocks.pop() else { unreachable!() };
                self.async_loop_exit(g, setup);
                self.body(g, &f.orelse)?;
                for b in breaks {
                    g.patch(b);
                }
            }
            Stmt::For(f) => {
                self.expr(g, &f.iter)?;
                g.emit(Instr::GetIter);
                let start = g.here();
                let fi = g.emit(Instr::ForIter(0));
                self.store(g, &f.target)?;
                g.fblocks.push(FBlock::For { start, breaks: vec![] });
                self.body(g, &f.body)?;
                g.emit(Instr::JumpBack(start as u32));
                let Some(FBlock::For { breaks, .. }) = g.fblocks.pop() else { unreachable!() };
                g.patch(fi);
                self.body(g, &f.orelse)?;
                for b in breaks {
                    g.patch(b);
                }
            }
            Stmt::Break(b) => {
                let Some(idx) = g.fblocks.iter().rposition(|f| matches!(f, FBlock::For { .. } | FBlock::While { .. })) else {
                    return Err(self.err(b.range, "'break' outside loop"));
                };
                self.unwind(g, Some(idx), false)?;
                if matches!(g.fblocks[idx], FBlock::For { .. }) {
                    g.emit(Instr::Pop);
                }
                let j = g.emit(Instr::Jump(0));
                match &mut g.fblocks[idx] {
                    FBlock::For { breaks, .. } | FBlock::While { breaks, .. } => breaks.push(j),
                    _ => {}
                }
            }
            Stmt::Continue(c) => {
                let Some(idx) = g.fblocks.iter().rposition(|f| matches!(f, FBlock::For { .. } | FBlock::While { .. })) else {
                    return Err(self.err(c.range, "'continue' not properly in loop"));
                };
                self.unwind(g, Some(idx), false)?;
                let start = match &g.fblocks[idx] {
                    FBlock::For { start, .. } | FBlock::While { start, .. } => *start,
                    _ => 0,
                };
                g.emit(Instr::JumpBack(start as u32));
            }
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(g, &d.expression)?;
                }
                self.doc = match f.body.first() {
                    Some(Stmt::Expr(ast::StmtExpr { value, .. })) => match &**value {
                        Expr::StringLiteral(s) => Some(Arc::from(s.value.to_str())),
                        _ => None,
                    },
                    _ => None,
                };
                self.function(g, symtable::key(f.range, symtable::TAG_FUNC), &f.name.id, &f.parameters, self.line(f.range), f.is_async, |c, g2| {
                    c.body(g2, &f.body)?;
                    let k = g2.konst(Value::None);
                    g2.emit(Instr::LoadConst(k));
                    g2.emit(Instr::Return);
                    Ok(())
                })?;
                for _ in &f.decorator_list {
                    g.emit(Instr::Call(1));
                }
                self.store_name(g, &f.name.id);
            }
            Stmt::ClassDef(c) => self.class_def(g, c)?,
            Stmt::Raise(r) => match (&r.exc, &r.cause) {
                (None, _) => {
                    g.emit(Instr::Raise(0));
                }
                (Some(e), None) => {
                    self.expr(g, e)?;
                    g.emit(Instr::Raise(1));
                }
                (Some(e), Some(c)) => {
                    self.expr(g, e)?;
                    self.expr(g, c)?;
                    g.emit(Instr::Raise(2));
                }
            },
            Stmt::Try(t) => self.try_stmt(g, t)?,
            Stmt::With(w) => self.with_stmt(g, w.is_async, &w.items, &w.body)?,
            Stmt::Assert(a) => {
                self.expr(g, &a.test)?;
                let j = g.emit(Instr::PopJumpIfTrue(0));
                g.emit(Instr::LoadAssertionError);
                if let Some(m) = &a.msg {
                    self.expr(g, m)?;
                    g.emit(Instr::Call(1));
                }
                g.emit(Instr::Raise(1));
                g.patch(j);
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let n = g.name(&a.name.id);
                    g.emit(Instr::ImportName(n));
                    match &a.asname {
                        Some(asn) => {
                            // `import a.b as c` binds the submodule.
                            for part in a.name.id.split('.').skip(1) {
                                let p = g.name(part);
                                g.emit(Instr::LoadAttr(p));
                            }
                            self.store_name(g, &asn.id)
                        }
                        None => self.store_name(g, a.name.id.split('.').next().unwrap_or("")),
                    }
                }
            }
            Stmt::ImportFrom(i) => {
                if i.level > 0 {
                    return Err(self.err(i.range, "relative imports are not supported: a program here is one file, main.py"));
                }
                let module = i.module.as_ref().map(|m| m.id.to_string()).unwrap_or_default();
                let n = g.name(&format!("{module}"));
                // A flag in the name tells the VM to return the leaf module, as `from a.b import c` needs.
                g.emit(Instr::ImportName(n));
                let leaf_parts: Vec<&str> = module.split('.').skip(1).collect();
                for part in leaf_parts {
                    let p = g.name(part);
                    g.emit(Instr::LoadAttr(p));
                }
                for a in &i.names {
                    if &*a.name.id == "*" {
                        g.emit(Instr::ImportStar);
                        return Ok(());
                    }
                    let n = g.name(&a.name.id);
                    g.emit(Instr::ImportFrom(n));
                    self.store_name(g, &a.asname.as_ref().unwrap_or(&a.name).id);
                }
                g.emit(Instr::Pop);
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::Delete(d) => {
                for t in &d.targets {
                    match t {
                        Expr::Name(n) => self.delete_name(g, &n.id),
                        Expr::Subscript(s) => {
                            self.expr(g, &s.value)?;
                            self.expr(g, &s.slice)?;
                            g.emit(Instr::DeleteSubscr);
                        }
                        Expr::Attribute(a) => {
                            self.expr(g, &a.value)?;
                            let n = g.name(&a.attr.id);
                            g.emit(Instr::DeleteAttr(n));
                        }
                        Expr::Tuple(t) => {
                            for e in &t.elts {
                                if let Expr::Name(n) = e {
                                    self.delete_name(g, &n.id)
                                }
                            }
                        }
                        other => return Err(self.err(other.range(), "cannot delete this expression")),
                    }
                }
            }
            Stmt::Match(m) => return Err(self.err(m.range, "'match' statements are not supported in this playground yet")),
            Stmt::TypeAlias(t) => return Err(self.err(t.range, "'type' statements need Python 3.12; this playground follows 3.11")),
            Stmt::IpyEscapeCommand(c) => return Err(self.err(c.range, "invalid syntax")),
        }
        Ok(())
    }

    /// Emits what leaving the enclosing blocks needs, down to (not including) `until`, or all
    /// of them for a return (with the return value on the stack).
    fn unwind<'b>(&mut self, g: &mut Gen<'b>, until: Option<usize>, returning: bool) -> CResult {
        let stop = until.map(|u| u + 1).unwrap_or(0);
        let saved = g.fblocks.clone();
        let mut i = g.fblocks.len();
        while i > stop {
            i -= 1;
            match saved[i].clone() {
                FBlock::For { .. } => {
                    if returning {
                        g.emit(Instr::Rot2);
                        g.emit(Instr::Pop);
                    } else {
                        g.emit(Instr::Pop);
                    }
                }
                FBlock::While { .. } => {}
                FBlock::TryExcept => {
                    g.emit(Instr::PopBlock);
                }
                FBlock::Handler => {
                    g.emit(if returning { Instr::PopExceptKeep } else { Instr::PopExcept });
                }
                FBlock::TryFinally(body) => {
                    g.emit(Instr::PopBlock);
                    // The finally body runs outside its own block.
                    g.fblocks.truncate(i);
                    self.body(g, body)?;
                    g.fblocks = saved.clone();
                }
                FBlock::With { is_async } => {
                    g.emit(Instr::PopBlock);
                    if returning {
                        g.emit(Instr::Rot2);
                    }
                    self.call_exit_none(g, is_async);
                }
            }
        }
        Ok(())
    }

    fn call_exit_none(&mut self, g: &mut Gen, is_async: bool) {
        let k = g.konst(Value::None);
        g.emit(Instr::LoadConst(k));
        g.emit(Instr::Dup);
        g.emit(Instr::Dup);
        g.emit(Instr::Call(3));
        if is_async {
            self.await_tos(g);
        }
        g.emit(Instr::Pop);
    }

    fn await_tos(&mut self, g: &mut Gen) {
        g.emit(Instr::GetAwaitable);
        let k = g.konst(Value::None);
        g.emit(Instr::LoadConst(k));
        g.emit(Instr::YieldFrom);
    }

    fn try_stmt<'b>(&mut self, g: &mut Gen<'b>, t: &'b ast::StmtTry) -> CResult {
        if t.finalbody.is_empty() {
            return self.try_except(g, t);
        }
        let setup = g.emit(Instr::SetupFinally(0));
        g.fblocks.push(FBlock::TryFinally(&t.finalbody));
        if t.handlers.is_empty() {
            self.body(g, &t.body)?;
        } else {
            self.try_except(g, t)?;
        }
        g.fblocks.pop();
        g.emit(Instr::PopBlock);
        self.body(g, &t.finalbody)?;
        let end = g.emit(Instr::Jump(0));
        g.patch(setup);
        g.fblocks.push(FBlock::Handler);
        self.body(g, &t.finalbody)?;
        g.fblocks.pop();
        g.emit(Instr::Reraise);
        g.patch(end);
        Ok(())
    }

    fn try_except<'b>(&mut self, g: &mut Gen<'b>, t: &'b ast::StmtTry) -> CResult {
        if t.is_star {
            return self.try_except_star(g, t);
        }
        let setup = g.emit(Instr::SetupFinally(0));
        g.fblocks.push(FBlock::TryExcept);
        self.body(g, &t.body)?;
        g.fblocks.pop();
        g.emit(Instr::PopBlock);
        self.body(g, &t.orelse)?;
        let mut ends = vec![g.emit(Instr::Jump(0))];
        g.patch(setup);
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            g.line = self.line(h.range);
            let mut next = None;
            if let Some(ty) = &h.type_ {
                self.expr(g, ty)?;
                g.emit(Instr::ExcMatch);
                next = Some(g.emit(Instr::PopJumpIfFalse(0)));
            }
            match &h.name {
                Some(n) => self.store_name(g, &n.id),
                None => {
                    g.emit(Instr::Pop);
                }
            }
            g.fblocks.push(FBlock::Handler);
            self.body(g, &h.body)?;
            g.fblocks.pop();
            if let Some(n) = &h.name {
                // `except E as e:` unbinds e when the handler ends, as in Python.
                let k = g.konst(Value::None);
                g.emit(Instr::LoadConst(k));
                self.store_name(g, &n.id);
                self.delete_name(g, &n.id);
            }
            g.emit(Instr::PopExcept);
            ends.push(g.emit(Instr::Jump(0)));
            if let Some(n) = next {
                g.patch(n);
            }
        }
        g.emit(Instr::Reraise);
        for e in ends {
            g.patch(e);
        }
        Ok(())
    }

    /// `try: ... except* T as eg: ...`: each clause takes the part of the exception group
    /// its types match (a lone exception counts as a group of one); what no clause takes
    /// is raised again at the end. The stack holds what remains (or None).
    fn try_except_star<'b>(&mut self, g: &mut Gen<'b>, t: &'b ast::StmtTry) -> CResult {
        let setup = g.emit(Instr::SetupFinally(0));
        g.fblocks.push(FBlock::TryExcept);
        self.body(g, &t.body)?;
        g.fblocks.pop();
        g.emit(Instr::PopBlock);
        self.body(g, &t.orelse)?;
        let end = g.emit(Instr::Jump(0));
        g.patch(setup);
        let split = g.konst(crate::builtins::builtin("exception_group_split", crate::builtins::exc_group_split));
        let none = g.konst(Value::None);
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            g.line = self.line(h.range);
            let Some(ty) = &h.type_ else { return Err(self.err(h.range, "expected exception type after 'except*'")) };
            // [rest] -> [rest', match]
            g.emit(Instr::LoadConst(split));
            g.emit(Instr::Rot2);
            self.expr(g, ty)?;
            g.emit(Instr::Call(2));
            g.emit(Instr::UnpackSequence(2));
            g.emit(Instr::Dup);
            g.emit(Instr::LoadConst(none));
            g.emit(Instr::Compare(CmpOp::Is));
            let skip = g.emit(Instr::PopJumpIfTrue(0));
            match &h.name {
                Some(n) => self.store_name(g, &n.id),
                None => {
                    g.emit(Instr::Pop);
                }
            }
            g.fblocks.push(FBlock::Handler);
            self.body(g, &h.body)?;
            g.fblocks.pop();
            if let Some(n) = &h.name {
                g.emit(Instr::LoadConst(none));
                self.store_name(g, &n.id);
                self.delete_name(g, &n.id);
            }
            let next = g.emit(Instr::Jump(0));
            g.patch(skip);
            g.emit(Instr::Pop);
            g.patch(next);
        }
        // [rest]: raise it again unless every part was handled.
        g.emit(Instr::Dup);
        g.emit(Instr::LoadConst(none));
        g.emit(Instr::Compare(CmpOp::Is));
        let handled = g.emit(Instr::PopJumpIfTrue(0));
        g.emit(Instr::Reraise);
        g.patch(handled);
        g.emit(Instr::PopExcept);
        g.patch(end);
        Ok(())
    }

    /// The head of an `async for` step: [aiter] -> [aiter, value], awaiting `__anext__()`
    /// under a handler for StopAsyncIteration. Returns the loop start and that handler's setup.
    fn async_next(&mut self, g: &mut Gen) -> (usize, usize) {
        let start = g.here();
        let setup = g.emit(Instr::SetupFinally(0));
        g.emit(Instr::Dup);
        let n = g.name("__anext__");
        g.emit(Instr::LoadAttr(n));
        g.emit(Instr::Call(0));
        self.await_tos(g);
        g.emit(Instr::PopBlock);
        (start, setup)
    }

    /// Where an `async for` goes when `__anext__` raised: StopAsyncIteration ends the loop
    /// (its iterator popped), anything else propagates.
    fn async_loop_exit(&mut self, g: &mut Gen, setup: usize) {
        g.patch(setup);
        // [aiter, exc]
        g.emit(Instr::Dup);
        let k = g.konst(crate::builtins::builtin("is_stop_async", crate::modules::is_stop_async));
        g.emit(Instr::LoadConst(k));
        g.emit(Instr::Rot2);
        g.emit(Instr::Call(1));
        let other = g.emit(Instr::PopJumpIfFalse(0));
        g.emit(Instr::PopExcept);
        g.emit(Instr::Pop);
        let done = g.emit(Instr::Jump(0));
        g.patch(other);
        g.emit(Instr::Reraise);
        g.patch(done);
    }

    fn with_stmt<'b>(&mut self, g: &mut Gen<'b>, is_async: bool, items: &'b [ast::WithItem], body: &'b [Stmt]) -> CResult {
        let Some((item, rest)) = items.split_first() else {
            return self.body(g, body);
        };
        self.expr(g, &item.context_expr)?;
        g.emit(if is_async { Instr::BeforeAsyncWith } else { Instr::BeforeWith });
        g.emit(Instr::Call(0));
        if is_async {
            self.await_tos(g);
        }
        let setup = g.emit(Instr::SetupWith(0));
        match &item.optional_vars {
            Some(v) => self.store(g, v)?,
            None => {
                g.emit(Instr::Pop);
            }
        }
        let with_line = g.line;
        g.fblocks.push(FBlock::With { is_async });
        self.with_stmt(g, is_async, rest, body)?;
        g.fblocks.pop();
        // Leaving the block, normally or by an exception, is the `with` line's work (CPython
        // shows an error raised by __exit__ there).
        g.line = with_line;
        g.emit(Instr::PopBlock);
        self.call_exit_none(g, is_async);
        let end = g.emit(Instr::Jump(0));
        // The exception path: stack is [exit, exc].
        g.patch(setup);
        g.emit(Instr::DupTwo);
        g.emit(Instr::PrepExitArgs);
        g.emit(Instr::Call(3));
        if is_async {
            self.await_tos(g);
        }
        let suppress = g.emit(Instr::PopJumpIfTrue(0));
        g.emit(Instr::Reraise);
        g.patch(suppress);
        g.emit(Instr::Pop);
        g.emit(Instr::PopExcept);
        g.emit(Instr::Pop);
        g.patch(end);
        Ok(())
    }

    fn class_def<'b>(&mut self, g: &mut Gen<'b>, c: &'b ast::StmtClassDef) -> CResult {
        for d in &c.decorator_list {
            self.expr(g, &d.expression)?;
        }
        let scope = self.table.by_range[&symtable::key(c.range, symtable::TAG_CLASS)];
        let qual = if g.qualname == "<module>" { c.name.id.to_string() } else { format!("{}.{}", g.qualname, c.name) };
        let line = self.line(c.range);
        let code = self.compile_scope(scope, &c.name.id, &qual, &[], line, |g2, cc| {
            let n = g2.name("__qualname__");
            let k = g2.konst(Value::str(&qual));
            g2.emit(Instr::LoadConst(k));
            g2.emit(Instr::StoreName(n));
            if c.body.iter().any(|s| matches!(s, Stmt::AnnAssign(_))) {
                g2.emit(Instr::BuildMap(0));
                let n = g2.name("__annotations__");
                g2.emit(Instr::StoreName(n));
            }
            cc.body(g2, &c.body)?;
            if let Some(i) = g2.cellvars.iter().position(|v| &**v == "__class__") {
                g2.emit(Instr::LoadClosure(i as u32));
                let n = g2.name("__classcell__");
                g2.emit(Instr::StoreName(n));
            }
            let k = g2.konst(Value::None);
            g2.emit(Instr::LoadConst(k));
            g2.emit(Instr::Return);
            Ok(())
        })?;
        let flags = self.closure(g, &code);
        let k = g.konst(Value::Code(code));
        g.emit(Instr::LoadConst(k));
        let q = g.konst(Value::str(&qual));
        g.emit(Instr::LoadConst(q));
        g.emit(Instr::MakeFunction(flags));
        let k = g.konst(Value::str(&c.name.id));
        g.emit(Instr::LoadConst(k));
        let (args, kws): (&[Expr], &[ast::Keyword]) = match &c.arguments {
            Some(a) => (&a.args, &a.keywords),
            None => (&[], &[]),
        };
        for a in args {
            self.expr(g, a)?;
        }
        g.emit(Instr::BuildTuple(args.len() as u32));
        for kw in kws {
            let Some(arg) = &kw.arg else { return Err(self.err(kw.range, "'**' in class bases is not supported")) };
            let k = g.konst(Value::str(&arg.id));
            g.emit(Instr::LoadConst(k));
            self.expr(g, &kw.value)?;
        }
        g.emit(Instr::BuildMap(kws.len() as u32));
        g.emit(Instr::BuildClass);
        for _ in &c.decorator_list {
            g.emit(Instr::Call(1));
        }
        self.store_name(g, &c.name.id);
        Ok(())
    }

    /// Pushes the closure tuple for `code` if it has free variables; returns the flag.
    fn closure(&mut self, g: &mut Gen, code: &Code) -> u8 {
        if code.freevars.is_empty() {
            return 0;
        }
        for fv in &code.freevars {
            let i = if let Some(i) = g.cellvars.iter().position(|c| c == fv) {
                i
            } else {
                g.cellvars.len() + g.freevars.iter().position(|c| c == fv).unwrap_or(0)
            };
            g.emit(Instr::LoadClosure(i as u32));
        }
        g.emit(Instr::BuildTuple(code.freevars.len() as u32));
        4
    }

    #[allow(clippy::too_many_arguments)]
    fn function<'b>(
        &mut self,
        g: &mut Gen<'b>,
        key: (u32, u32, u8),
        name: &str,
        params: &'b ast::Parameters,
        line: u32,
        is_async: bool,
        body: impl FnOnce(&mut Self, &mut Gen<'b>) -> CResult,
    ) -> CResult {
        let scope = self.table.by_range[&key];
        let doc = self.doc.take();
        let mut flags = 0u8;
        let positional: Vec<&ast::ParameterWithDefault> = params.posonlyargs.iter().chain(params.args.iter()).collect();
        let defaults: Vec<&Expr> = positional.iter().filter_map(|p| p.default.as_deref()).collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(g, d)?;
            }
            g.emit(Instr::BuildTuple(defaults.len() as u32));
            flags |= 1;
        }
        let kwd: Vec<&ast::ParameterWithDefault> = params.kwonlyargs.iter().filter(|p| p.default.is_some()).collect();
        if !kwd.is_empty() {
            for p in &kwd {
                let k = g.konst(Value::str(&p.parameter.name.id));
                g.emit(Instr::LoadConst(k));
                self.expr(g, p.default.as_deref().unwrap())?;
            }
            g.emit(Instr::BuildMap(kwd.len() as u32));
            flags |= 2;
        }
        let qual = if g.qualname == "<module>" {
            name.to_string()
        } else if self.table.scopes[g.scope].kind == ScopeKind::Function {
            format!("{}.<locals>.{}", g.qualname, name)
        } else {
            format!("{}.{}", g.qualname, name)
        };
        let pnames = self.table.scopes[scope].params.clone();
        let async_gen = is_async && self.table.scopes[scope].generator;
        let mut code = self.compile_scope(scope, name, &qual, &pnames, line, |g2, c| {
            g2.is_async = is_async;
            g2.async_gen = async_gen;
            body(c, g2)
        })?;
        {
            let c = Arc::get_mut(&mut code).expect("fresh code");
            c.argcount = positional.len();
            c.posonly = params.posonlyargs.len();
            c.kwonly = params.kwonlyargs.len();
            c.varargs = params.vararg.is_some();
            c.varkw = params.kwarg.is_some();
            c.coroutine = is_async;
            c.doc = doc;
        }
        flags |= self.closure(g, &code);
        let k = g.konst(Value::Code(code));
        g.emit(Instr::LoadConst(k));
        let q = g.konst(Value::str(&qual));
        g.emit(Instr::LoadConst(q));
        g.emit(Instr::MakeFunction(flags));
        Ok(())
    }

    fn aug_assign<'b>(&mut self, g: &mut Gen<'b>, a: &'b ast::StmtAugAssign) -> CResult {
        let op = binop(a.op);
        match &*a.target {
            Expr::Name(n) => {
                self.load_name(g, &n.id);
                self.expr(g, &a.value)?;
                g.emit(Instr::Inplace(op));
                self.store_name(g, &n.id);
            }
            Expr::Attribute(at) => {
                self.expr(g, &at.value)?;
                g.emit(Instr::Dup);
                let n = g.name(&at.attr.id);
                g.emit(Instr::LoadAttr(n));
                self.expr(g, &a.value)?;
                g.emit(Instr::Inplace(op));
                g.emit(Instr::Rot2);
                g.emit(Instr::StoreAttr(n));
            }
            Expr::Subscript(s) => {
                self.expr(g, &s.value)?;
                self.expr(g, &s.slice)?;
                g.emit(Instr::DupTwo);
                g.emit(Instr::Subscr);
                self.expr(g, &a.value)?;
                g.emit(Instr::Inplace(op));
                g.emit(Instr::Rot3);
                g.emit(Instr::StoreSubscr);
            }
            other => return Err(self.err(other.range(), "'expression' is an illegal expression for augmented assignment")),
        }
        Ok(())
    }

    fn store<'b>(&mut self, g: &mut Gen<'b>, t: &'b Expr) -> CResult {
        match t {
            Expr::Name(n) => self.store_name(g, &n.id),
            Expr::Attribute(a) => {
                self.expr(g, &a.value)?;
                let n = g.name(&a.attr.id);
                g.emit(Instr::StoreAttr(n));
            }
            Expr::Subscript(s) => {
                self.expr(g, &s.value)?;
                self.expr(g, &s.slice)?;
                g.emit(Instr::StoreSubscr);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                match elts.iter().position(|e| matches!(e, Expr::Starred(_))) {
                    Some(star) => {
                        g.emit(Instr::UnpackEx(star as u16, (elts.len() - star - 1) as u16));
                    }
                    None => {
                        g.emit(Instr::UnpackSequence(elts.len() as u32));
                    }
                }
                for e in elts {
                    match e {
                        Expr::Starred(s) => self.store(g, &s.value)?,
                        e => self.store(g, e)?,
                    }
                }
            }
            other => return Err(self.err(other.range(), "cannot assign to expression")),
        }
        Ok(())
    }

    fn expr<'b>(&mut self, g: &mut Gen<'b>, e: &'b Expr) -> CResult {
        match e {
            Expr::NumberLiteral(n) => {
                let v = match &n.value {
                    ast::Number::Int(i) => match i.as_i64() {
                        Some(v) => Value::Int(v),
                        None => Value::from_big(parse_big(&i.to_string()).ok_or_else(|| self.err(n.range, "invalid integer literal"))?),
                    },
                    ast::Number::Float(f) => Value::Float(*f),
                    ast::Number::Complex { .. } => return Err(self.err(n.range, "complex numbers are not supported in this playground")),
                };
                let k = g.konst(v);
                g.emit(Instr::LoadConst(k));
            }
            Expr::StringLiteral(s) => {
                let k = g.konst(Value::str(s.value.to_str()));
                g.emit(Instr::LoadConst(k));
            }
            Expr::BytesLiteral(b) => {
                let k = g.konst(Value::Bytes(b.value.bytes().collect::<Vec<u8>>().into()));
                g.emit(Instr::LoadConst(k));
            }
            Expr::BooleanLiteral(b) => {
                let k = g.konst(Value::Bool(b.value));
                g.emit(Instr::LoadConst(k));
            }
            Expr::NoneLiteral(_) => {
                let k = g.konst(Value::None);
                g.emit(Instr::LoadConst(k));
            }
            Expr::EllipsisLiteral(_) => {
                let k = g.konst(Value::Ellipsis);
                g.emit(Instr::LoadConst(k));
            }
            Expr::FString(f) => {
                let mut n = 0;
                for part in f.value.iter() {
                    match part {
                        ast::FStringPart::Literal(l) => {
                            let k = g.konst(Value::str(&l.value));
                            g.emit(Instr::LoadConst(k));
                            n += 1;
                        }
                        ast::FStringPart::FString(fs) => n += self.fstring_elements(g, &fs.elements)?,
                    }
                }
                g.emit(Instr::BuildString(n));
            }
            Expr::TString(t) => return Err(self.err(t.range, "template strings need Python 3.14")),
            Expr::Name(n) => self.load_name(g, &n.id),
            Expr::Attribute(a) => {
                self.expr(g, &a.value)?;
                let n = g.name(&a.attr.id);
                g.emit(Instr::LoadAttr(n));
            }
            Expr::Subscript(s) => {
                self.expr(g, &s.value)?;
                self.expr(g, &s.slice)?;
                g.emit(Instr::Subscr);
            }
            Expr::Slice(s) => {
                for p in [&s.lower, &s.upper, &s.step] {
                    match p {
                        Some(x) => self.expr(g, x)?,
                        None => {
                            let k = g.konst(Value::None);
                            g.emit(Instr::LoadConst(k));
                        }
                    }
                }
                g.emit(Instr::BuildSlice(3));
            }
            Expr::BinOp(b) => {
                self.expr(g, &b.left)?;
                self.expr(g, &b.right)?;
                g.emit(Instr::Binary(binop(b.op)));
            }
            Expr::UnaryOp(u) => {
                self.expr(g, &u.operand)?;
                g.emit(Instr::Unary(match u.op {
                    ast::UnaryOp::Not => UnOp::Not,
                    ast::UnaryOp::USub => UnOp::Neg,
                    ast::UnaryOp::UAdd => UnOp::Pos,
                    ast::UnaryOp::Invert => UnOp::Invert,
                }));
            }
            Expr::BoolOp(b) => {
                let mut jumps = Vec::new();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(g, v)?;
                    if i + 1 < b.values.len() {
                        jumps.push(g.emit(match b.op {
                            ast::BoolOp::And => Instr::JumpIfFalseOrPop(0),
                            ast::BoolOp::Or => Instr::JumpIfTrueOrPop(0),
                        }));
                    }
                }
                for j in jumps {
                    g.patch(j);
                }
            }
            Expr::Compare(c) => {
                self.expr(g, &c.left)?;
                let n = c.ops.len();
                if n == 1 {
                    self.expr(g, &c.comparators[0])?;
                    g.emit(Instr::Compare(cmpop(c.ops[0])));
                } else {
                    let mut cleanups = Vec::new();
                    for (i, (op, right)) in c.ops.iter().zip(c.comparators.iter()).enumerate() {
                        self.expr(g, right)?;
                        if i + 1 < n {
                            g.emit(Instr::Dup);
                            g.emit(Instr::Rot3);
                            g.emit(Instr::Compare(cmpop(*op)));
                            cleanups.push(g.emit(Instr::JumpIfFalseOrPop(0)));
                        } else {
                            g.emit(Instr::Compare(cmpop(*op)));
                        }
                    }
                    let end = g.emit(Instr::Jump(0));
                    for c in cleanups {
                        g.patch(c);
                    }
                    g.emit(Instr::Rot2);
                    g.emit(Instr::Pop);
                    g.patch(end);
                }
            }
            Expr::If(i) => {
                self.expr(g, &i.test)?;
                let jf = g.emit(Instr::PopJumpIfFalse(0));
                self.expr(g, &i.body)?;
                let end = g.emit(Instr::Jump(0));
                g.patch(jf);
                self.expr(g, &i.orelse)?;
                g.patch(end);
            }
            Expr::Named(n) => {
                self.expr(g, &n.value)?;
                g.emit(Instr::Dup);
                self.store(g, &n.target)?;
            }
            Expr::Tuple(t) => {
                if self.starred_seq(g, &t.elts)? {
                    g.emit(Instr::ListToTuple);
                } else {
                    g.emit(Instr::BuildTuple(t.elts.len() as u32));
                }
            }
            Expr::List(l) => {
                if !self.starred_seq(g, &l.elts)? {
                    g.emit(Instr::BuildList(l.elts.len() as u32));
                }
            }
            Expr::Set(s) => {
                if self.starred_seq(g, &s.elts)? {
                    g.emit(Instr::BuildSet(0));
                    g.emit(Instr::SetUpdate(1));
                } else {
                    g.emit(Instr::BuildSet(s.elts.len() as u32));
                }
            }
            Expr::Dict(d) => {
                let mut pending = 0;
                let mut built = false;
                for it in &d.items {
                    match &it.key {
                        Some(k) => {
                            self.expr(g, k)?;
                            self.expr(g, &it.value)?;
                            pending += 1;
                        }
                        None => {
                            if !built || pending > 0 {
                                g.emit(Instr::BuildMap(pending));
                                if built {
                                    g.emit(Instr::DictUpdate(1));
                                }
                                built = true;
                                pending = 0;
                            }
                            self.expr(g, &it.value)?;
                            g.emit(Instr::DictUpdate(1));
                        }
                    }
                }
                if !built || pending > 0 {
                    g.emit(Instr::BuildMap(pending));
                    if built {
                        g.emit(Instr::DictUpdate(1));
                    }
                }
            }
            Expr::Call(c) => self.call(g, c)?,
            Expr::Lambda(l) => {
                let empty = ast::Parameters::default();
                let params: &'b ast::Parameters = match &l.parameters {
                    Some(p) => p,
                    None => Box::leak(Box::new(empty)),
                };
                self.function(g, symtable::key(l.range, symtable::TAG_LAMBDA), "<lambda>", params, self.line(l.range), false, |c, g2| {
                    c.expr(g2, &l.body)?;
                    g2.emit(Instr::Return);
                    Ok(())
                })?;
            }
            Expr::ListComp(c) => self.comprehension(g, c.range, "<listcomp>", &c.generators, Comp::List(&c.elt))?,
            Expr::SetComp(c) => self.comprehension(g, c.range, "<setcomp>", &c.generators, Comp::Set(&c.elt))?,
            Expr::DictComp(c) => {
                let Some(k) = &c.key else { return Err(self.err(c.range, "invalid syntax")) };
                self.comprehension(g, c.range, "<dictcomp>", &c.generators, Comp::Dict(k, &c.value))?
            }
            Expr::Generator(c) => self.comprehension(g, c.range, "<genexpr>", &c.generators, Comp::Gen(&c.elt))?,
            Expr::Await(a) => {
                if !g.is_async {
                    return Err(self.err(a.range, "'await' outside async function"));
                }
                self.expr(g, &a.value)?;
                self.await_tos(g);
            }
            Expr::Yield(y) => {
                if g.async_gen {
                    let k = g.konst(crate::builtins::builtin("async_gen_value", crate::modules::async_gen_value));
                    g.emit(Instr::LoadConst(k));
                }
                match &y.value {
                    Some(v) => self.expr(g, v)?,
                    None => {
                        let k = g.konst(Value::None);
                        g.emit(Instr::LoadConst(k));
                    }
                }
                if g.async_gen {
                    g.emit(Instr::Call(1));
                }
                g.emit(Instr::Yield);
            }
            Expr::YieldFrom(y) => {
                self.expr(g, &y.value)?;
                g.emit(Instr::GetYieldFromIter);
                let k = g.konst(Value::None);
                g.emit(Instr::LoadConst(k));
                g.emit(Instr::YieldFrom);
            }
            Expr::Starred(s) => return Err(self.err(s.range, "can't use starred expression here")),
            Expr::IpyEscapeCommand(c) => return Err(self.err(c.range, "invalid syntax")),
        }
        Ok(())
    }

    /// Pushes a list built from elements some of which are starred; false (and nothing
    /// pushed but the elements) when none is.
    fn starred_seq<'b>(&mut self, g: &mut Gen<'b>, elts: &'b [Expr]) -> CResult<bool> {
        if !elts.iter().any(|e| matches!(e, Expr::Starred(_))) {
            for e in elts {
                self.expr(g, e)?;
            }
            return Ok(false);
        }
        g.emit(Instr::BuildList(0));
        for e in elts {
            match e {
                Expr::Starred(s) => {
                    self.expr(g, &s.value)?;
                    g.emit(Instr::ListExtend(1));
                }
                e => {
                    self.expr(g, e)?;
                    g.emit(Instr::ListAppend(1));
                }
            }
        }
        Ok(true)
    }

    fn call<'b>(&mut self, g: &mut Gen<'b>, c: &'b ast::ExprCall) -> CResult {
        // Zero-argument super(): super(__class__, <first argument>), as CPython does.
        if let Expr::Name(n) = &*c.func {
            if &*n.id == "super" && c.arguments.args.is_empty() && c.arguments.keywords.is_empty() {
                let sc = &self.table.scopes[g.scope];
                if sc.kind == ScopeKind::Function && sc.frees.contains("__class__") {
                    if let Some(first) = sc.params.first().cloned() {
                        self.load_name(g, "super");
                        self.load_name(g, "__class__");
                        self.load_name(g, &first);
                        g.emit(Instr::Call(2));
                        return Ok(());
                    }
                }
            }
        }
        self.expr(g, &c.func)?;
        let args = &c.arguments.args;
        let kws = &c.arguments.keywords;
        let has_star = args.iter().any(|a| matches!(a, Expr::Starred(_))) || kws.iter().any(|k| k.arg.is_none());
        if has_star {
            if !self.starred_seq(g, args)? {
                g.emit(Instr::BuildList(args.len() as u32));
            }
            g.emit(Instr::ListToTuple);
            if kws.is_empty() {
                g.emit(Instr::CallEx(false));
                return Ok(());
            }
            g.emit(Instr::BuildMap(0));
            for k in kws {
                match &k.arg {
                    Some(name) => {
                        let kc = g.konst(Value::str(&name.id));
                        g.emit(Instr::LoadConst(kc));
                        self.expr(g, &k.value)?;
                        g.emit(Instr::BuildMap(1));
                        g.emit(Instr::DictUpdate(1));
                    }
                    None => {
                        self.expr(g, &k.value)?;
                        g.emit(Instr::DictUpdate(1));
                    }
                }
            }
            g.emit(Instr::CallEx(true));
            return Ok(());
        }
        for a in args.iter() {
            self.expr(g, a)?;
        }
        if kws.is_empty() {
            g.emit(Instr::Call(args.len() as u32));
        } else {
            let mut names = Vec::new();
            for k in kws {
                self.expr(g, &k.value)?;
                names.push(Value::str(&k.arg.as_ref().unwrap().id));
            }
            let kc = g.konst(Value::tuple(names));
            g.emit(Instr::LoadConst(kc));
            g.emit(Instr::CallKw((args.len() + kws.len()) as u32));
        }
        Ok(())
    }

    fn fstring_elements<'b>(&mut self, g: &mut Gen<'b>, els: &'b ast::InterpolatedStringElements) -> CResult<u32> {
        let mut n = 0;
        for el in els.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => {
                    let k = g.konst(Value::str(&l.value));
                    g.emit(Instr::LoadConst(k));
                    n += 1;
                }
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let mut conv = match i.conversion {
                        ast::ConversionFlag::None => 0,
                        ast::ConversionFlag::Str => 1,
                        ast::ConversionFlag::Repr => 2,
                        ast::ConversionFlag::Ascii => 3,
                    };
                    if let Some(d) = &i.debug_text {
                        let text = format!("{}{}{}", d.leading(), d.expression(), d.trailing());
                        let k = g.konst(Value::str(&text));
                        g.emit(Instr::LoadConst(k));
                        n += 1;
                        if conv == 0 && i.format_spec.is_none() {
                            conv = 2;
                        }
                    }
                    self.expr(g, &i.expression)?;
                    let has_spec = match &i.format_spec {
                        Some(spec) => {
                            let m = self.fstring_elements(g, &spec.elements)?;
                            g.emit(Instr::BuildString(m));
                            true
                        }
                        None => false,
                    };
                    g.emit(Instr::FormatValue(conv, has_spec));
                    n += 1;
                }
            }
        }
        Ok(n)
    }

    fn comprehension<'b>(&mut self, g: &mut Gen<'b>, range: TextRange, name: &str, gens: &'b [ast::Comprehension], kind: Comp<'b>) -> CResult {
        let key = symtable::key(range, symtable::TAG_COMP);
        let scope = self.table.by_range[&key];
        let qual = if g.qualname == "<module>" { name.to_string() } else { format!("{}.<locals>.{}", g.qualname, name) };
        let line = g.line;
        let params = vec![".0".to_string()];
        let is_async = g.is_async;
        let mut code = self.compile_scope(scope, name, &qual, &params, line, |g2, c| {
            g2.is_async = is_async;
            match kind {
                Comp::List(_) => {
                    g2.emit(Instr::BuildList(0));
                }
                Comp::Set(_) => {
                    g2.emit(Instr::BuildSet(0));
                }
                Comp::Dict(..) => {
                    g2.emit(Instr::BuildMap(0));
                }
                Comp::Gen(_) => {}
            }
            c.comp_level(g2, gens, 0, &kind)?;
            if matches!(kind, Comp::Gen(_)) {
                let k = g2.konst(Value::None);
                g2.emit(Instr::LoadConst(k));
            }
            g2.emit(Instr::Return);
            Ok(())
        })?;
        let async_comp = gens.iter().any(|g| g.is_async);
        if async_comp && (!is_async || matches!(kind, Comp::Gen(_))) {
            return Err(self.err(range, if is_async { "asynchronous generator expressions are not supported in this playground" } else { "asynchronous comprehension outside of an asynchronous function" }));
        }
        {
            let c = Arc::get_mut(&mut code).expect("fresh code");
            c.argcount = 1;
            // A comprehension with `async for` is a coroutine, awaited where it stands.
            c.coroutine = async_comp;
        }
        let flags = self.closure(g, &code);
        let k = g.konst(Value::Code(code.clone()));
        g.emit(Instr::LoadConst(k));
        let q = g.konst(Value::str(&qual));
        g.emit(Instr::LoadConst(q));
        g.emit(Instr::MakeFunction(flags));
        self.expr(g, &gens[0].iter)?;
        if gens[0].is_async {
            let n = g.name("__aiter__");
            g.emit(Instr::LoadAttr(n));
            g.emit(Instr::Call(0));
        } else {
            g.emit(Instr::GetIter);
        }
        g.emit(Instr::Call(1));
        if async_comp {
            self.await_tos(g);
        }
        Ok(())
    }

    fn comp_level<'b>(&mut self, g: &mut Gen<'b>, gens: &'b [ast::Comprehension], i: usize, kind: &Comp<'b>) -> CResult {
        let gen = &gens[i];
        if i == 0 {
            g.emit(Instr::LoadFast(0));
        } else {
            self.expr(g, &gen.iter)?;
            if gen.is_async {
                let n = g.name("__aiter__");
                g.emit(Instr::LoadAttr(n));
                g.emit(Instr::Call(0));
            } else {
                g.emit(Instr::GetIter);
            }
        }
        let (start, fi) = if gen.is_async {
            let (start, setup) = self.async_next(g);
            (start, setup)
        } else {
            let start = g.here();
            (start, g.emit(Instr::ForIter(0)))
        };
        self.store(g, &gen.target)?;
        let mut skips = Vec::new();
        for cond in &gen.ifs {
            self.expr(g, cond)?;
            skips.push(g.emit(Instr::PopJumpIfFalse(0)));
        }
        if i + 1 < gens.len() {
            self.comp_level(g, gens, i + 1, kind)?;
        } else {
            // The result collection sits below one iterator per level.
            let depth = (gens.len() + 1) as u32;
            match kind {
                Comp::List(e) => {
                    self.expr(g, e)?;
                    g.emit(Instr::ListAppend(depth));
                }
                Comp::Set(e) => {
                    self.expr(g, e)?;
                    g.emit(Instr::SetAdd(depth));
                }
                Comp::Dict(k, v) => {
                    self.expr(g, k)?;
                    self.expr(g, v)?;
                    g.emit(Instr::MapAdd(depth + 1));
                }
                Comp::Gen(e) => {
                    self.expr(g, e)?;
                    g.emit(Instr::Yield);
                    g.emit(Instr::Pop);
                }
            }
        }
        for s in skips {
            g.patch_to(s, start as u32);
        }
        g.emit(Instr::JumpBack(start as u32));
        if gen.is_async {
            self.async_loop_exit(g, fi);
        } else {
            g.patch(fi);
        }
        Ok(())
    }
}

enum Comp<'b> {
    List(&'b Expr),
    Set(&'b Expr),
    Dict(&'b Expr, &'b Expr),
    Gen(&'b Expr),
}

enum NameRef {
    Fast(u32),
    Deref(u32),
    Global(u32),
    Name(u32),
}

fn binop(op: ast::Operator) -> BinOp {
    use ast::Operator::*;
    match op {
        Add => BinOp::Add,
        Sub => BinOp::Sub,
        Mult => BinOp::Mul,
        MatMult => BinOp::MatMul,
        Div => BinOp::TrueDiv,
        Mod => BinOp::Mod,
        Pow => BinOp::Pow,
        LShift => BinOp::LShift,
        RShift => BinOp::RShift,
        BitOr => BinOp::Or,
        BitXor => BinOp::Xor,
        BitAnd => BinOp::And,
        FloorDiv => BinOp::FloorDiv,
    }
}

fn cmpop(op: ast::CmpOp) -> CmpOp {
    use ast::CmpOp::*;
    match op {
        Eq => CmpOp::Eq,
        NotEq => CmpOp::Ne,
        Lt => CmpOp::Lt,
        LtE => CmpOp::Le,
        Gt => CmpOp::Gt,
        GtE => CmpOp::Ge,
        Is => CmpOp::Is,
        IsNot => CmpOp::IsNot,
        In => CmpOp::In,
        NotIn => CmpOp::NotIn,
    }
}

fn parse_big(s: &str) -> Option<BigInt> {
    let s = s.replace('_', "");
    let (radix, digits) = match s.get(..2).map(|p| p.to_ascii_lowercase()) {
        Some(p) if p == "0x" => (16, &s[2..]),
        Some(p) if p == "0o" => (8, &s[2..]),
        Some(p) if p == "0b" => (2, &s[2..]),
        _ => (10, &s[..]),
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}
