//! Python values and the heap they live on.
//!
//! Every object is reference counted (`Arc`) and every mutable object carries its own lock
//! (`PyCell`): today one GIL serialises all Python code, and the locks are uncontended; the
//! same heap stays memory-safe when threads run without the GIL, as free-threaded CPython
//! locks objects individually. A lock is never held while Python code runs (take what you
//! need, release, then call), so a callback touching the same object cannot deadlock.

use std::cell::UnsafeCell;
use std::fmt;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

use indexmap::IndexMap;
use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::code::Code;

/// A lock around one object's mutable state: a spin lock, since under the GIL it is never
/// contended (std's Mutex cost a fifth of a tight loop's time in poisoning checks). It is
/// never held while Python code runs, so nothing waits on it for long either way.
pub struct PyCell<T> {
    locked: AtomicBool,
    value: UnsafeCell<T>,
}

// Safety: the value is only reached through a guard, and one guard exists at a time.
unsafe impl<T: Send> Send for PyCell<T> {}
unsafe impl<T: Send> Sync for PyCell<T> {}

impl<T> PyCell<T> {
    pub fn new(v: T) -> Self {
        PyCell { locked: AtomicBool::new(false), value: UnsafeCell::new(v) }
    }
    #[inline]
    pub fn lock(&self) -> PyGuard<'_, T> {
        let mut spins = 0u32;
        while self.locked.compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed).is_err() {
            spins = spins.wrapping_add(1);
            if spins % 1024 == 0 {
                std::thread::yield_now();
            } else {
                std::hint::spin_loop();
            }
        }
        PyGuard { cell: self }
    }
}

pub struct PyGuard<'a, T> {
    cell: &'a PyCell<T>,
}

impl<T> Deref for PyGuard<'_, T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        // Safety: this guard holds the lock.
        unsafe { &*self.cell.value.get() }
    }
}

impl<T> DerefMut for PyGuard<'_, T> {
    #[inline]
    fn deref_mut(&mut self) -> &mut T {
        // Safety: this guard holds the lock.
        unsafe { &mut *self.cell.value.get() }
    }
}

impl<T> Drop for PyGuard<'_, T> {
    #[inline]
    fn drop(&mut self) {
        self.cell.locked.store(false, Ordering::Release);
    }
}

impl<T: Default> Default for PyCell<T> {
    fn default() -> Self {
        PyCell::new(T::default())
    }
}

/// FNV-1a: the hash of names (globals, attributes) and of dict keys' precomputed hashes.
/// SipHash's resistance to collision attacks buys nothing inside one program's run, and it
/// was a fifth of a loop over globals.
#[derive(Clone, Copy)]
pub struct FastHasher(u64);

impl Default for FastHasher {
    fn default() -> Self {
        FastHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= *b as u64;
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
    #[inline]
    fn write_i64(&mut self, i: i64) {
        // A dict key's hash is already a Python hash: mix it once.
        self.0 = (self.0 ^ i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

pub type FastBuild = BuildHasherDefault<FastHasher>;

pub type Str = Arc<str>;
pub type Namespace = PyCell<IndexMap<Str, Value, FastBuild>>;

#[derive(Clone)]
pub enum Value {
    None,
    Bool(bool),
    Int(i64),
    BigInt(Arc<BigInt>),
    Float(f64),
    Str(Str),
    /// `bytes`: immutable, so shared as it is.
    Bytes(Arc<[u8]>),
    Tuple(Arc<Vec<Value>>),
    List(Arc<PyCell<Vec<Value>>>),
    Dict(Arc<PyCell<Dict>>),
    Set(Arc<PySet>),
    Func(Arc<Function>),
    Builtin(Arc<Builtin>),
    Method(Arc<(Value, Value)>),
    Class(Arc<Class>),
    Instance(Arc<Instance>),
    Module(Arc<Module>),
    Gen(Arc<Generator>),
    Cell(Arc<PyCell<Option<Value>>>),
    Code(Arc<Code>),
    Range(Arc<(i64, i64, i64)>),
    Iter(Arc<PyCell<NativeIter>>),
    Slice(Arc<(Value, Value, Value)>),
    Lock(Arc<LockObj>),
    /// property, staticmethod, classmethod
    Wrapper(Arc<Wrapper>),
    Super(Arc<(Arc<Class>, Value)>),
    Ellipsis,
    NotImplemented,
}

pub enum Wrapper {
    Property { fget: Value, fset: Value },
    StaticMethod(Value),
    ClassMethod(Value),
}

pub struct PySet {
    pub frozen: bool,
    pub items: PyCell<IndexMap<Key, (), FastBuild>>,
}

pub type Dict = IndexMap<Key, Value, FastBuild>;
pub type KeySet = IndexMap<Key, (), FastBuild>;

/// A dict key or set element: a hashable value with its Python hash. Numbers that compare
/// equal hash equal (1 == 1.0 == True), as in Python.
#[derive(Clone)]
pub struct Key {
    pub hash: i64,
    pub value: Value,
    /// For an instance whose class defines `__eq__`: the address of the first equal
    /// instance seen as a key (`Vm::eq_canon`), which stands for its equality class; else 0.
    pub canon: usize,
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.hash.hash(state)
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        self.hash == other.hash
            && if self.canon != 0 || other.canon != 0 { self.canon == other.canon } else { key_eq(&self.value, &other.value) }
    }
}
impl Eq for Key {}

/// Equality for hashable values, without running Python code.
/// What identifies a range's numbers: its length, and its start and step where they matter.
pub fn range_key(r: &(i64, i64, i64)) -> (i64, i64, i64) {
    let len = crate::ops::range_len(r.0, r.1, r.2);
    (len, if len > 0 { r.0 } else { 0 }, if len > 1 { r.2 } else { 0 })
}

pub fn key_eq(a: &Value, b: &Value) -> bool {
    use Value::*;
    match (a, b) {
        (Str(x), Str(y)) => x == y,
        (Bytes(x), Bytes(y)) => x == y,
        (Tuple(x), Tuple(y)) => x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| key_eq(p, q)),
        (Set(x), Set(y)) => {
            if Arc::ptr_eq(x, y) {
                return true;
            }
            // One lock at a time: the same set twice, or two threads comparing in opposite
            // orders, would wait for ever on two held locks.
            let x = x.items.lock().clone();
            let y = y.items.lock();
            x.len() == y.len() && x.keys().all(|k| y.contains_key(k))
        }
        (None, None) | (Ellipsis, Ellipsis) => true,
        // Ranges are equal when they give the same numbers (range(0) == range(2, 2)).
        (Range(x), Range(y)) => range_key(x) == range_key(y),
        // Bound methods are equal when they bind the same function to the same object.
        (Method(x), Method(y)) => x.0.is(&y.0) && x.1.is(&y.1),
        _ => match (a.as_number(), b.as_number()) {
            (Some(x), Some(y)) => x.eq_num(&y),
            _ => a.is(b),
        },
    }
}

pub enum Num {
    Int(i64),
    Big(BigInt),
    Float(f64),
}

impl Num {
    pub fn eq_num(&self, o: &Num) -> bool {
        match (self, o) {
            (Num::Int(a), Num::Int(b)) => a == b,
            (Num::Float(a), Num::Float(b)) => a == b,
            (Num::Int(a), Num::Float(b)) | (Num::Float(b), Num::Int(a)) => (*a as f64) == *b && b.fract() == 0.0 && (*b as i64) == *a,
            (Num::Big(a), Num::Big(b)) => a == b,
            (Num::Big(_), Num::Int(_)) | (Num::Int(_), Num::Big(_)) => false,
            (Num::Big(a), Num::Float(b)) | (Num::Float(b), Num::Big(a)) => a.to_f64() == Some(*b) && b.fract() == 0.0,
        }
    }
}

pub struct Function {
    pub code: Arc<Code>,
    pub globals: Arc<Module>,
    pub defaults: Vec<Value>,
    pub kwdefaults: Vec<(Str, Value)>,
    pub closure: Vec<Value>,
    pub name: Str,
    pub qualname: Str,
    pub attrs: Namespace,
}

pub type BuiltinFn = fn(&mut crate::vm::Vm, Args) -> crate::vm::R;

pub struct Builtin {
    pub name: &'static str,
    pub func: BuiltinFn,
    /// Extra data for builtins made at run time (a bound lock, a module's function).
    pub data: Value,
}

#[derive(Default)]
pub struct Args {
    pub pos: Vec<Value>,
    pub kw: Vec<(Str, Value)>,
}

impl Args {
    pub fn new(pos: Vec<Value>) -> Self {
        Args { pos, kw: Vec::new() }
    }
    pub fn take_kw(&mut self, name: &str) -> Option<Value> {
        let i = self.kw.iter().position(|(k, _)| &**k == name)?;
        Some(self.kw.remove(i).1)
    }
}

pub struct Class {
    pub name: Str,
    pub qualname: Str,
    pub bases: Vec<Arc<Class>>,
    pub mro: Vec<Arc<Class>>,
    pub dict: Namespace,
    /// Which built-in type this class is or derives from.
    pub native: NativeType,
    pub module: Str,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NativeType {
    Object,
    Type,
    Int,
    Bool,
    Float,
    Str,
    Bytes,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    NoneType,
    Function,
    BuiltinFunction,
    Method,
    Module,
    Generator,
    Coroutine,
    Range,
    Iterator,
    Slice,
    Lock,
    Property,
    StaticMethod,
    ClassMethod,
    Super,
    Exception,
    Cell,
    Ellipsis,
    NotImplementedType,
    Code,
}

pub struct Instance {
    pub class: Arc<Class>,
    pub attrs: Namespace,
    /// For exceptions: the frames the exception passed through (innermost last).
    pub traceback: PyCell<Vec<TbEntry>>,
}

#[derive(Clone)]
pub struct TbEntry {
    pub filename: Str,
    pub line: u32,
    pub name: Str,
    pub hidden: bool,
}

pub struct Module {
    pub name: Str,
    pub dict: Namespace,
}

pub struct Generator {
    pub state: PyCell<GenState>,
    pub coroutine: bool,
    pub name: Str,
}

pub struct GenState {
    pub frame: Option<Box<crate::vm::Frame>>,
    pub running: bool,
    pub started: bool,
    pub finished: bool,
}

pub enum NativeIter {
    Seq { seq: Value, index: usize },
    Range { next: i64, stop: i64, step: i64 },
    Values(std::vec::IntoIter<Value>),
    /// A dict's keys, in order; `len` is its size when the iteration began (a change is an error).
    DictKeys { dict: Arc<PyCell<Dict>>, index: usize, len: usize },
    SetItems { set: Arc<PySet>, index: usize, len: usize },
    Enumerate { inner: Value, count: Value },
    Zip(Vec<Value>),
    Map { func: Value, iters: Vec<Value> },
    Filter { func: Value, inner: Value },
    Reversed { seq: Value, index: usize },
    Callable { func: Value, sentinel: Value },
}

/// `_thread.allocate_lock()`: the primitive every blocking sync object is built on.
pub struct LockObj {
    pub locked: PyCell<bool>,
    /// What a thread waiting on it is waiting for, as the trace labels it.
    pub label: Str,
    pub id: u64,
    /// `_thread.RLock`: held by one thread (`owner`, a thread id; 0 when free), which may
    /// acquire it again (`count` times in all). Native, as CPython's is: every Condition,
    /// Future and queue.Queue takes one on each call.
    pub reentrant: bool,
    pub owner: AtomicU64,
    pub count: AtomicU64,
}

impl LockObj {
    pub fn new(label: &str, id: u64, reentrant: bool) -> LockObj {
        LockObj { locked: PyCell::new(false), label: Arc::from(label), id, reentrant, owner: AtomicU64::new(0), count: AtomicU64::new(0) }
    }

    /// Takes the lock if it is free; an RLock then belongs to `thread`, acquired `count` times.
    pub fn try_take(&self, thread: u64, count: u64) -> bool {
        let mut l = self.locked.lock();
        if *l {
            return false;
        }
        *l = true;
        if self.reentrant {
            // Only this thread compares the owner with itself, so Relaxed is enough.
            self.owner.store(thread, Ordering::Relaxed);
            self.count.store(count, Ordering::Relaxed);
        }
        true
    }
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Arc::from(s))
    }
    pub fn bytes(b: &[u8]) -> Value {
        Value::Bytes(Arc::from(b))
    }
    pub fn tuple(v: Vec<Value>) -> Value {
        Value::Tuple(Arc::new(v))
    }
    pub fn list(v: Vec<Value>) -> Value {
        Value::List(Arc::new(PyCell::new(v)))
    }
    pub fn dict(d: Dict) -> Value {
        Value::Dict(Arc::new(PyCell::new(d)))
    }
    pub fn from_big(b: BigInt) -> Value {
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Arc::new(b)),
        }
    }
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    pub fn as_number(&self) -> Option<Num> {
        match self {
            Value::Int(i) => Some(Num::Int(*i)),
            Value::Bool(b) => Some(Num::Int(*b as i64)),
            Value::BigInt(b) => Some(Num::Big((**b).clone())),
            Value::Float(f) => Some(Num::Float(*f)),
            _ => None,
        }
    }

    pub fn to_bigint(&self) -> Option<BigInt> {
        match self {
            Value::Int(i) => Some(BigInt::from(*i)),
            Value::Bool(b) => Some(BigInt::from(*b as i64)),
            Value::BigInt(b) => Some((**b).clone()),
            _ => None,
        }
    }

    /// Identity (`is`).
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (None, None) | (Ellipsis, Ellipsis) | (NotImplemented, NotImplemented) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Str(a), Str(b)) => Arc::ptr_eq(a, b) || (a.len() <= 1 && a == b),
            _ => match (self.ptr(), other.ptr()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// The address of a heap object: its identity, `id()` and default hash.
    pub fn ptr(&self) -> Option<usize> {
        use Value::*;
        Some(match self {
            BigInt(a) => Arc::as_ptr(a) as *const u8 as usize,
            Str(a) => Arc::as_ptr(a) as *const u8 as usize,
            Bytes(a) => Arc::as_ptr(a) as *const u8 as usize,
            Tuple(a) => Arc::as_ptr(a) as *const u8 as usize,
            List(a) => Arc::as_ptr(a) as *const u8 as usize,
            Dict(a) => Arc::as_ptr(a) as *const u8 as usize,
            Set(a) => Arc::as_ptr(a) as *const u8 as usize,
            Func(a) => Arc::as_ptr(a) as *const u8 as usize,
            Builtin(a) => Arc::as_ptr(a) as *const u8 as usize,
            Method(a) => Arc::as_ptr(a) as *const u8 as usize,
            Class(a) => Arc::as_ptr(a) as *const u8 as usize,
            Instance(a) => Arc::as_ptr(a) as *const u8 as usize,
            Module(a) => Arc::as_ptr(a) as *const u8 as usize,
            Gen(a) => Arc::as_ptr(a) as *const u8 as usize,
            Cell(a) => Arc::as_ptr(a) as *const u8 as usize,
            Code(a) => Arc::as_ptr(a) as *const u8 as usize,
            Range(a) => Arc::as_ptr(a) as *const u8 as usize,
            Iter(a) => Arc::as_ptr(a) as *const u8 as usize,
            Slice(a) => Arc::as_ptr(a) as *const u8 as usize,
            Lock(a) => Arc::as_ptr(a) as *const u8 as usize,
            Wrapper(a) => Arc::as_ptr(a) as *const u8 as usize,
            Super(a) => Arc::as_ptr(a) as *const u8 as usize,
            _ => return Option::None,
        })
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x}"),
            Value::Str(s) => write!(f, "{s:?}"),
            _ => write!(f, "<object>"),
        }
    }
}

impl Class {
    /// Looks a name up on this class, then along its MRO (which excludes the class itself).
    pub fn lookup(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.dict.lock().get(name) {
            return Some(v.clone());
        }
        for c in &self.mro {
            if let Some(v) = c.dict.lock().get(name) {
                return Some(v.clone());
            }
        }
        None
    }
    pub fn is_subclass(&self, other: &Arc<Class>) -> bool {
        std::ptr::eq(self, Arc::as_ptr(other)) || self.mro.iter().any(|c| Arc::ptr_eq(c, other))
    }
}

/// C3 linearisation, as Python computes a class's method resolution order (without the
/// class itself, which is not built yet).
pub fn compute_mro(bases: &[Arc<Class>]) -> Result<Vec<Arc<Class>>, String> {
    let mut seqs: Vec<Vec<Arc<Class>>> = bases
        .iter()
        .map(|b| std::iter::once(b.clone()).chain(b.mro.iter().cloned()).collect())
        .collect();
    seqs.push(bases.to_vec());
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut found = None;
        for s in &seqs {
            let cand = &s[0];
            if !seqs.iter().any(|t| t[1..].iter().any(|c| Arc::ptr_eq(c, cand))) {
                found = Some(cand.clone());
                break;
            }
        }
        let Some(c) = found else {
            return Err("Cannot create a consistent method resolution order (MRO)".into());
        };
        for s in seqs.iter_mut() {
            if Arc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}
