//! Bytecode: what the compiler emits and the VM runs.
//!
//! A stack machine close to CPython 3.11's in spirit. Calls between Python functions push
//! frames instead of recursing in Rust, so a thread can be switched, and a generator or
//! coroutine suspended, at any depth.

use crate::value::{Str, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
    In,
    NotIn,
    Is,
    IsNot,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    Neg,
    Pos,
    Invert,
    Not,
}

#[derive(Clone, Copy, Debug)]
pub enum Instr {
    Nop,
    LoadConst(u32),
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    /// A cell of this frame: its own cell variables first, then its free variables.
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    LoadClosure(u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Class bodies: the class namespace, then globals, then builtins.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    Subscr,
    StoreSubscr,
    DeleteSubscr,
    Binary(BinOp),
    Inplace(BinOp),
    Unary(UnOp),
    Compare(CmpOp),
    Pop,
    Dup,
    DupTwo,
    Rot2,
    Rot3,
    Rot4,
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    BuildMap(u32),
    BuildSlice(u32),
    BuildString(u32),
    ListToTuple,
    ListExtend(u32),
    SetUpdate(u32),
    DictUpdate(u32),
    ListAppend(u32),
    SetAdd(u32),
    MapAdd(u32),
    /// conversion: 0 none, 1 str, 2 repr, 3 ascii; the flag says a format spec is on the stack.
    FormatValue(u8, bool),
    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    /// A backward jump: where CPython checks its eval breaker in loops.
    JumpBack(u32),
    GetIter,
    ForIter(u32),
    Call(u32),
    /// Keyword names are a tuple constant on top of the stack.
    CallKw(u32),
    /// Positional args as a tuple, then (flag) a dict of keyword args.
    CallEx(bool),
    /// Flags: 1 defaults tuple, 2 kw-defaults dict, 4 closure tuple; then the code, the qualname.
    MakeFunction(u8),
    /// Stack: body function, name, bases tuple, keywords dict.
    BuildClass,
    Return,
    Yield,
    /// Stack: iterator, value to send. Re-executed after each value it passes up.
    YieldFrom,
    GetAwaitable,
    GetYieldFromIter,
    SetupFinally(u32),
    /// SetupFinally for `with`: the block begins below TOS (`__enter__`'s result).
    SetupWith(u32),
    PopBlock,
    PopExcept,
    /// PopExcept keeping TOS (a return value) on the stack.
    PopExceptKeep,
    /// 0: re-raise the exception being handled; 1: raise TOS; 2: raise TOS1 from TOS.
    Raise(u8),
    /// Re-raises TOS (the exception a handler did not match) without a new traceback line.
    Reraise,
    /// Stack: exception, type(s) -> exception, bool.
    ExcMatch,
    /// Stack: ctx -> bound __exit__, bound __enter__.
    BeforeWith,
    BeforeAsyncWith,
    /// Stack: exc -> type(exc), exc, None (the arguments of __exit__).
    PrepExitArgs,
    ImportName(u32),
    ImportFrom(u32),
    ImportStar,
    UnpackSequence(u32),
    UnpackEx(u16, u16),
    LoadAssertionError,
    /// Drops TOS's value as the expression statement's result at the prompt (unused) .
    CheckEval,
}

pub struct Code {
    pub name: Str,
    pub qualname: Str,
    pub filename: Str,
    pub instrs: Vec<Instr>,
    /// The source line of each instruction.
    pub lines: Vec<u32>,
    pub consts: Vec<Value>,
    pub names: Vec<Str>,
    pub varnames: Vec<Str>,
    pub cellvars: Vec<Str>,
    pub freevars: Vec<Str>,
    /// For each cell variable that is also an argument, its argument slot.
    pub cell_args: Vec<Option<usize>>,
    pub argcount: usize,
    pub posonly: usize,
    pub kwonly: usize,
    pub varargs: bool,
    pub varkw: bool,
    pub generator: bool,
    pub coroutine: bool,
    /// A class body: names go to the class namespace.
    pub class_body: bool,
    /// Library code written in Python (threading, asyncio...): left out of tracebacks.
    pub hidden: bool,
    pub first_line: u32,
    /// A function's docstring.
    pub doc: Option<Str>,
}
