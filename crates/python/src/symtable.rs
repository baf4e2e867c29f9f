//! Which names are local, global, free or cells in each scope: the pass before codegen.
//!
//! Scopes are keyed by their node's source range. Comprehensions and lambdas are function
//! scopes, as in CPython 3.11; class scopes are skipped when a nested function looks for an
//! enclosing variable, but pass free variables through to their methods.

use std::collections::{HashMap, HashSet};

use indexmap::IndexSet;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
}

pub struct Scope {
    pub kind: ScopeKind,
    pub parent: Option<usize>,
    pub params: Vec<String>,
    pub assigned: IndexSet<String>,
    pub used: IndexSet<String>,
    pub globals: HashSet<String>,
    pub nonlocals: HashSet<String>,
    pub cells: IndexSet<String>,
    pub frees: IndexSet<String>,
    pub generator: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NameScope {
    Local,
    Cell,
    Free,
    Global,
    /// Class body or module: look the name up dynamically.
    Name,
}

pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    pub by_range: HashMap<(u32, u32, u8), usize>,
}

pub fn key(range: TextRange, tag: u8) -> (u32, u32, u8) {
    (range.start().to_u32(), range.end().to_u32(), tag)
}

pub const TAG_FUNC: u8 = 1;
pub const TAG_CLASS: u8 = 2;
pub const TAG_LAMBDA: u8 = 3;
pub const TAG_COMP: u8 = 4;

impl SymbolTable {
    pub fn build(module: &[Stmt]) -> SymbolTable {
        let mut t = SymbolTable { scopes: Vec::new(), by_range: HashMap::new() };
        let root = t.new_scope(ScopeKind::Module, None);
        for s in module {
            t.stmt(root, s);
        }
        t.resolve();
        t
    }

    fn new_scope(&mut self, kind: ScopeKind, parent: Option<usize>) -> usize {
        self.scopes.push(Scope {
            kind,
            parent,
            params: Vec::new(),
            assigned: IndexSet::new(),
            used: IndexSet::new(),
            globals: HashSet::new(),
            nonlocals: HashSet::new(),
            cells: IndexSet::new(),
            frees: IndexSet::new(),
            generator: false,
        });
        self.scopes.len() - 1
    }

    fn assign(&mut self, s: usize, name: &str) {
        self.scopes[s].assigned.insert(name.to_string());
    }
    fn use_(&mut self, s: usize, name: &str) {
        self.scopes[s].used.insert(name.to_string());
    }

    fn body(&mut self, s: usize, body: &[Stmt]) {
        for st in body {
            self.stmt(s, st);
        }
    }

    fn params(&mut self, s: usize, outer: usize, p: &ast::Parameters) {
        for a in p.posonlyargs.iter().chain(p.args.iter()).chain(p.kwonlyargs.iter()) {
            if let Some(d) = &a.default {
                self.expr(outer, d);
            }
        }
        let mut names: Vec<String> = p.posonlyargs.iter().chain(p.args.iter()).map(|a| a.parameter.name.id.to_string()).collect();
        names.extend(p.kwonlyargs.iter().map(|a| a.parameter.name.id.to_string()));
        if let Some(v) = &p.vararg {
            names.push(v.name.id.to_string());
        }
        if let Some(v) = &p.kwarg {
            names.push(v.name.id.to_string());
        }
        for n in &names {
            self.assign(s, n);
        }
        self.scopes[s].params = names;
    }

    fn target(&mut self, s: usize, e: &Expr) {
        match e {
            Expr::Name(n) => self.assign(s, &n.id),
            Expr::Tuple(t) => t.elts.iter().for_each(|e| self.target(s, e)),
            Expr::List(t) => t.elts.iter().for_each(|e| self.target(s, e)),
            Expr::Starred(st) => self.target(s, &st.value),
            other => self.expr(s, other),
        }
    }

    fn stmt(&mut self, s: usize, st: &Stmt) {
        match st {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(s, &d.expression);
                }
                self.assign(s, &f.name.id);
                let inner = self.new_scope(ScopeKind::Function, Some(s));
                self.by_range.insert(key(f.range, TAG_FUNC), inner);
                self.params(inner, s, &f.parameters);
                self.body(inner, &f.body);
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(s, &d.expression);
                }
                if let Some(a) = &c.arguments {
                    a.args.iter().for_each(|e| self.expr(s, e));
                    a.keywords.iter().for_each(|k| self.expr(s, &k.value));
                }
                self.assign(s, &c.name.id);
                let inner = self.new_scope(ScopeKind::Class, Some(s));
                self.by_range.insert(key(c.range, TAG_CLASS), inner);
                self.body(inner, &c.body);
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(s, v)
                }
            }
            Stmt::Delete(d) => d.targets.iter().for_each(|t| self.target(s, t)),
            Stmt::Assign(a) => {
                self.expr(s, &a.value);
                a.targets.iter().for_each(|t| self.target(s, t));
            }
            Stmt::AugAssign(a) => {
                self.expr(s, &a.value);
                if let Expr::Name(n) = &*a.target {
                    self.use_(s, &n.id);
                }
                self.target(s, &a.target);
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(s, v);
                    self.target(s, &a.target);
                }
            }
            Stmt::For(f) => {
                self.expr(s, &f.iter);
                self.target(s, &f.target);
                self.body(s, &f.body);
                self.body(s, &f.orelse);
            }
            Stmt::While(w) => {
                self.expr(s, &w.test);
                self.body(s, &w.body);
                self.body(s, &w.orelse);
            }
            Stmt::If(i) => {
                self.expr(s, &i.test);
                self.body(s, &i.body);
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(s, t);
                    }
                    self.body(s, &c.body);
                }
            }
            Stmt::With(w) => {
                for it in &w.items {
                    self.expr(s, &it.context_expr);
                    if let Some(v) = &it.optional_vars {
                        self.target(s, v);
                    }
                }
                self.body(s, &w.body);
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(s, e);
                }
                if let Some(e) = &r.cause {
                    self.expr(s, e);
                }
            }
            Stmt::Try(t) => {
                self.body(s, &t.body);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(e) = &h.type_ {
                        self.expr(s, e);
                    }
                    if let Some(n) = &h.name {
                        self.assign(s, &n.id);
                    }
                    self.body(s, &h.body);
                }
                self.body(s, &t.orelse);
                self.body(s, &t.finalbody);
            }
            Stmt::Assert(a) => {
                self.expr(s, &a.test);
                if let Some(m) = &a.msg {
                    self.expr(s, m);
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let name = match &a.asname {
                        Some(n) => n.id.to_string(),
                        None => a.name.id.split('.').next().unwrap_or("").to_string(),
                    };
                    self.assign(s, &name);
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    let name = a.asname.as_ref().unwrap_or(&a.name);
                    if &*name.id != "*" {
                        self.assign(s, &name.id);
                    }
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    self.scopes[s].globals.insert(n.id.to_string());
                }
            }
            Stmt::Nonlocal(g) => {
                for n in &g.names {
                    self.scopes[s].nonlocals.insert(n.id.to_string());
                }
            }
            Stmt::Expr(e) => self.expr(s, &e.value),
            Stmt::Match(m) => {
                self.expr(s, &m.subject);
                for c in &m.cases {
                    if let Some(g) = &c.guard {
                        self.expr(s, g);
                    }
                    self.body(s, &c.body);
                }
            }
            _ => {}
        }
    }

    fn comprehension(&mut self, s: usize, range: TextRange, gens: &[ast::Comprehension], elts: &[&Expr], generator: bool) {
        if let Some(first) = gens.first() {
            self.expr(s, &first.iter);
        }
        let inner = self.new_scope(ScopeKind::Function, Some(s));
        self.scopes[inner].generator = generator;
        self.by_range.insert(key(range, TAG_COMP), inner);
        self.assign(inner, ".0");
        self.scopes[inner].params = vec![".0".to_string()];
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(inner, &g.iter);
            }
            self.target(inner, &g.target);
            for c in &g.ifs {
                self.expr(inner, c);
            }
        }
        for e in elts {
            self.expr(inner, e);
        }
    }

    fn expr(&mut self, s: usize, e: &Expr) {
        match e {
            Expr::Name(n) => {
                if n.ctx == ast::ExprContext::Load {
                    self.use_(s, &n.id);
                    if &*n.id == "super" && self.scopes[s].kind == ScopeKind::Function {
                        self.use_(s, "__class__");
                    }
                } else {
                    self.assign(s, &n.id);
                }
            }
            Expr::Lambda(l) => {
                let inner = self.new_scope(ScopeKind::Function, Some(s));
                self.by_range.insert(key(l.range, TAG_LAMBDA), inner);
                if let Some(p) = &l.parameters {
                    self.params(inner, s, p);
                }
                self.expr(inner, &l.body);
            }
            Expr::ListComp(c) => self.comprehension(s, c.range, &c.generators, &[&c.elt], false),
            Expr::SetComp(c) => self.comprehension(s, c.range, &c.generators, &[&c.elt], false),
            Expr::Generator(c) => self.comprehension(s, c.range, &c.generators, &[&c.elt], true),
            Expr::DictComp(c) => {
                let mut v: Vec<&Expr> = vec![&c.value];
                if let Some(k) = &c.key {
                    v.push(k);
                }
                self.comprehension(s, c.range, &c.generators, &v, false)
            }
            Expr::Named(n) => {
                self.expr(s, &n.value);
                self.target(s, &n.target);
            }
            Expr::Yield(y) => {
                self.scopes[s].generator = true;
                if let Some(v) = &y.value {
                    self.expr(s, v);
                }
            }
            Expr::YieldFrom(y) => {
                self.scopes[s].generator = true;
                self.expr(s, &y.value);
            }
            _ => each_child(e, |c| self.expr(s, c)),
        }
    }

    fn resolve(&mut self) {
        for i in 0..self.scopes.len() {
            if self.scopes[i].kind == ScopeKind::Module {
                continue;
            }
            let names: Vec<String> = self.scopes[i]
                .used
                .iter()
                .chain(self.scopes[i].assigned.iter())
                .chain(self.scopes[i].nonlocals.iter())
                .cloned()
                .collect();
            for n in names {
                let sc = &self.scopes[i];
                if sc.globals.contains(&n) {
                    continue;
                }
                let local = sc.assigned.contains(&n) && !sc.nonlocals.contains(&n);
                if local {
                    continue;
                }
                // Look outward for a function scope that owns the name (a class owns __class__).
                let mut chain = Vec::new();
                let mut p = sc.parent;
                let mut owner = None;
                while let Some(pi) = p {
                    let ps = &self.scopes[pi];
                    match ps.kind {
                        ScopeKind::Module => break,
                        ScopeKind::Class if n == "__class__" => {
                            owner = Some(pi);
                            break;
                        }
                        ScopeKind::Class => {}
                        ScopeKind::Function => {
                            if ps.globals.contains(&n) {
                                break;
                            }
                            if ps.assigned.contains(&n) && !ps.nonlocals.contains(&n) {
                                owner = Some(pi);
                                break;
                            }
                        }
                    }
                    chain.push(pi);
                    p = ps.parent;
                }
                if let Some(o) = owner {
                    self.scopes[o].cells.insert(n.clone());
                    self.scopes[i].frees.insert(n.clone());
                    for c in chain {
                        self.scopes[c].frees.insert(n.clone());
                    }
                }
            }
        }
    }

    pub fn scope_of(&self, s: usize, name: &str) -> NameScope {
        let sc = &self.scopes[s];
        match sc.kind {
            ScopeKind::Module => NameScope::Global,
            ScopeKind::Class => {
                if sc.cells.contains(name) && name == "__class__" {
                    NameScope::Cell
                } else if sc.frees.contains(name) && !sc.assigned.contains(name) {
                    NameScope::Free
                } else {
                    NameScope::Name
                }
            }
            ScopeKind::Function => {
                if sc.globals.contains(name) {
                    NameScope::Global
                } else if sc.cells.contains(name) {
                    NameScope::Cell
                } else if sc.frees.contains(name) {
                    NameScope::Free
                } else if sc.assigned.contains(name) {
                    NameScope::Local
                } else {
                    NameScope::Global
                }
            }
        }
    }
}

/// Calls `f` on each direct sub-expression of `e` (for the expression kinds with no scope
/// of their own).
pub fn each_child(e: &Expr, mut f: impl FnMut(&Expr)) {
    match e {
        Expr::BoolOp(b) => b.values.iter().for_each(f),
        Expr::BinOp(b) => {
            f(&b.left);
            f(&b.right)
        }
        Expr::UnaryOp(u) => f(&u.operand),
        Expr::If(i) => {
            f(&i.test);
            f(&i.body);
            f(&i.orelse)
        }
        Expr::Dict(d) => {
            for it in &d.items {
                if let Some(k) = &it.key {
                    f(k)
                }
                f(&it.value)
            }
        }
        Expr::Set(s) => s.elts.iter().for_each(f),
        Expr::Await(a) => f(&a.value),
        Expr::Compare(c) => {
            f(&c.left);
            c.comparators.iter().for_each(f)
        }
        Expr::Call(c) => {
            f(&c.func);
            c.arguments.args.iter().for_each(&mut f);
            c.arguments.keywords.iter().for_each(|k| f(&k.value))
        }
        Expr::FString(fs) => {
            for part in fs.value.iter() {
                if let ast::FStringPart::FString(s) = part {
                    interp_children(&s.elements, &mut f);
                }
            }
        }
        Expr::Attribute(a) => f(&a.value),
        Expr::Subscript(s) => {
            f(&s.value);
            f(&s.slice)
        }
        Expr::Starred(s) => f(&s.value),
        Expr::List(l) => l.elts.iter().for_each(f),
        Expr::Tuple(t) => t.elts.iter().for_each(f),
        Expr::Slice(s) => {
            for p in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                f(p)
            }
        }
        _ => {}
    }
}

fn interp_children(els: &ast::InterpolatedStringElements, f: &mut impl FnMut(&Expr)) {
    for el in els.iter() {
        if let ast::InterpolatedStringElement::Interpolation(i) = el {
            f(&i.expression);
            if let Some(spec) = &i.format_spec {
                interp_children(&spec.elements, f);
            }
        }
    }
}

pub fn range_of(e: &impl Ranged) -> TextRange {
    e.range()
}
