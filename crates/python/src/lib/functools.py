# functools: partial, reduce, wraps, lru_cache, cache, total_ordering.

_missing = object()


class partial:
    def __init__(self, func, *args, **keywords):
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, *args, **keywords):
        kw = dict(self.keywords)
        kw.update(keywords)
        return self.func(*self.args, *args, **kw)

    def __repr__(self):
        parts = [repr(self.func)] + [repr(a) for a in self.args] + ["%s=%r" % kv for kv in self.keywords.items()]
        return "functools.partial(%s)" % ", ".join(parts)


def reduce(function, iterable, initial=_missing):
    it = iter(iterable)
    if initial is _missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


def wraps(wrapped, assigned=None, updated=None):
    def decorator(wrapper):
        for attr in ("__name__", "__qualname__", "__doc__", "__module__"):
            try:
                setattr(wrapper, attr, getattr(wrapped, attr))
            except AttributeError:
                pass
        try:
            wrapper.__wrapped__ = wrapped
        except AttributeError:
            pass
        return wrapper
    return decorator


class _CacheInfo:
    def __init__(self, hits, misses, maxsize, currsize):
        self.hits, self.misses, self.maxsize, self.currsize = hits, misses, maxsize, currsize

    def __iter__(self):
        return iter((self.hits, self.misses, self.maxsize, self.currsize))

    def __eq__(self, other):
        return tuple(self) == tuple(other)

    def __repr__(self):
        return "CacheInfo(hits=%r, misses=%r, maxsize=%r, currsize=%r)" % tuple(self)


def _make_key(args, kwargs, typed):
    key = args
    if kwargs:
        key = key + (_missing,) + tuple(kwargs.items())
    if typed:
        key = key + tuple(type(a) for a in args) + tuple(type(v) for v in kwargs.values())
    return key


def lru_cache(maxsize=128, typed=False):
    def decorating(func):
        cache = {}
        stats = [0, 0]
        size = maxsize if maxsize is None or maxsize >= 0 else 0

        def wrapper(*args, **kwargs):
            key = _make_key(args, kwargs, typed)
            if key in cache:
                stats[0] += 1
                result = cache.pop(key)
                cache[key] = result
                return result
            stats[1] += 1
            result = func(*args, **kwargs)
            if size is None or size > 0:
                cache[key] = result
                if size is not None and len(cache) > size:
                    del cache[next(iter(cache))]
            return result

        def cache_info():
            return _CacheInfo(stats[0], stats[1], size, len(cache))

        def cache_clear():
            cache.clear()
            stats[0] = stats[1] = 0

        wrapper.cache_info = cache_info
        wrapper.cache_clear = cache_clear
        return wraps(func)(wrapper)

    if callable(maxsize) and not isinstance(maxsize, int):
        func, maxsize = maxsize, 128
        return decorating(func)
    return decorating


def cache(func):
    return lru_cache(None)(func)


def total_ordering(cls):
    own = vars(cls)
    roots = [op for op in ("__lt__", "__le__", "__gt__", "__ge__") if op in own]
    if not roots:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = roots[0]

    def lt_derived():
        if root == "__lt__":
            return {
                "__gt__": lambda self, other: _flip(self.__lt__(other), self == other, True),
                "__le__": lambda self, other: _or_eq(self.__lt__(other), self, other),
                "__ge__": lambda self, other: _not(self.__lt__(other)),
            }
        if root == "__le__":
            return {
                "__ge__": lambda self, other: _flip(self.__le__(other), self == other, False),
                "__lt__": lambda self, other: _and_ne(self.__le__(other), self, other),
                "__gt__": lambda self, other: _not(self.__le__(other)),
            }
        if root == "__gt__":
            return {
                "__lt__": lambda self, other: _flip(self.__gt__(other), self == other, True),
                "__ge__": lambda self, other: _or_eq(self.__gt__(other), self, other),
                "__le__": lambda self, other: _not(self.__gt__(other)),
            }
        return {
            "__le__": lambda self, other: _flip(self.__ge__(other), self == other, False),
            "__gt__": lambda self, other: _and_ne(self.__ge__(other), self, other),
            "__lt__": lambda self, other: _not(self.__ge__(other)),
        }

    for name, fn in lt_derived().items():
        if name not in own:
            setattr(cls, name, fn)
    return cls


def _not(r):
    return r if r is NotImplemented else not r


def _or_eq(r, a, b):
    return r if r is NotImplemented else (r or a == b)


def _and_ne(r, a, b):
    return r if r is NotImplemented else (r and a != b)


def _flip(r, eq, strict):
    # The reflection of a strict (or non-strict) root: neither it nor equal (or: not it, or equal).
    if r is NotImplemented:
        return r
    return (not r and not eq) if strict else (not r or eq)


def cmp_to_key(mycmp):
    class K:
        __slots__ = ("obj",)

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None

    return K
