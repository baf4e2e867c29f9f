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


def lru_cache(maxsize=128, typed=False):
    def decorating(func):
        cache = {}

        def wrapper(*args, **kwargs):
            key = args + tuple(sorted(kwargs.items()))
            if key in cache:
                return cache[key]
            result = func(*args, **kwargs)
            cache[key] = result
            return result

        wrapper.cache_clear = cache.clear
        return wraps(func)(wrapper)

    if callable(maxsize) and not isinstance(maxsize, int):
        return decorating(maxsize)
    return decorating


def cache(func):
    return lru_cache(None)(func)


def total_ordering(cls):
    d = cls.__dict__ if hasattr(cls, "__dict__") else {}
    if "__lt__" in vars(cls):
        if "__gt__" not in vars(cls):
            cls.__gt__ = lambda self, other: not (self < other) and self != other
        if "__le__" not in vars(cls):
            cls.__le__ = lambda self, other: self < other or self == other
        if "__ge__" not in vars(cls):
            cls.__ge__ = lambda self, other: not (self < other)
    return cls
