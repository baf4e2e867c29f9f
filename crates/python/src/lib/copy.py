# copy: shallow and deep copies, as CPython's copy module makes them: immutable values are
# their own copies; lists, dicts and sets are rebuilt; an instance of a class gets a new
# instance (no __init__ call) with its attributes, unless the class defines __copy__ /
# __deepcopy__, __reduce_ex__ / __reduce__ or __getstate__ / __setstate__; deepcopy keeps a
# memo, so shared objects stay shared and cycles are copied as cycles. Exceptions are
# rebuilt from their args, as CPython does. Objects CPython cannot pickle (locks,
# generators, modules) raise its TypeError. No copyreg dispatch table, no __slots__.

import _pg


class Error(Exception):
    pass


error = Error


class _Probe:
    def method(self):
        pass


_FunctionType = type(_Probe.method)
_MethodType = type(_Probe().method)
_BuiltinType = type(len)

_ATOMIC = (type(None), type(...), type(NotImplemented), int, float, bool, str, bytes,
           range, slice, property, type, _FunctionType, _BuiltinType)

# What the engine keeps in an exception's attributes that CPython does not put in __dict__.
_EXC_HIDDEN = ("args", "__context__", "__cause__", "__suppress_context__", "_pg_suggestion")


def _unpicklable(x):
    cls = type(x)
    module = getattr(cls, "__module__", "builtins")
    name = cls.__name__ if module in ("builtins", None) else "%s.%s" % (module, cls.__name__)
    return TypeError("cannot pickle '%s' object" % name)


def _state_of(x, cls):
    # What __reduce_ex__ would save: __getstate__()'s value, else the attributes.
    getstate = getattr(cls, "__getstate__", None)
    if getstate is not None:
        return getstate(x)
    try:
        state = x.__dict__
    except AttributeError:
        raise _unpicklable(x) from None
    if isinstance(x, BaseException):
        for name in _EXC_HIDDEN:
            state.pop(name, None)
    return state or None


def _set_state(y, state):
    if state is None:
        return
    setstate = getattr(y, "__setstate__", None)
    if setstate is not None:
        setstate(state)
        return
    slots = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slots = state
    if state:
        for name, value in state.items():
            object.__setattr__(y, name, value)
    if slots:
        for name, value in slots.items():
            setattr(y, name, value)


def _custom_reduce(x, cls):
    # The class's own __reduce_ex__ / __reduce__, or None.
    reduce_ex = getattr(cls, "__reduce_ex__", None)
    if reduce_ex is not None:
        return reduce_ex(x, 4)
    reduce = getattr(cls, "__reduce__", None)
    if reduce is not None:
        return reduce(x)
    return None


def _reconstruct(x, memo, func, args, state=None, listitems=None, dictitems=None):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        _set_state(y, state)
    if listitems is not None:
        for item in listitems:
            y.append(deepcopy(item, memo) if deep else item)
    if dictitems is not None:
        for key, value in dictitems:
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y


def _instance(x, cls, memo):
    # A copy of an instance of a Python class without its own copy methods.
    rv = _custom_reduce(x, cls)
    if rv is not None:
        if isinstance(rv, str):
            return x
        return _reconstruct(x, memo, *rv)
    if isinstance(x, BaseException):
        y = cls(*(deepcopy(x.args, memo) if memo is not None else x.args))
    else:
        try:
            y = _pg.new_instance(cls)
        except TypeError:
            raise _unpicklable(x) from None
    if memo is not None:
        memo[id(x)] = y
    state = _state_of(x, cls)
    if state is not None:
        if memo is not None:
            state = deepcopy(state, memo)
        _set_state(y, state)
    return y


def copy(x):
    cls = type(x)
    if cls in _ATOMIC or cls is tuple or cls is frozenset or isinstance(x, type):
        return x
    if cls is list:
        return x[:]
    if cls is dict or cls is set:
        return x.copy()
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    if cls is _MethodType:
        return x
    return _instance(x, cls, None)


def _keep_alive(x, memo):
    # As CPython's: memo[id(memo)] holds the originals, so that their ids stay theirs.
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _ATOMIC or isinstance(x, type):
        return x
    if cls is list:
        y = []
        memo[d] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        # A cycle through this tuple may have copied it already.
        if d in memo:
            return memo[d]
        y = x
        for old, new in zip(x, items):
            if old is not new:
                y = tuple(items)
                break
    elif cls is set or cls is frozenset:
        y = cls([deepcopy(item, memo) for item in x])
    elif cls is _MethodType:
        y = getattr(deepcopy(x.__self__, memo), x.__func__.__name__)
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _instance(x, cls, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y
