# dataclasses: @dataclass from the class's annotations (__init__, __repr__, __eq__).

_MISSING = object()


class field:
    def __init__(self, *, default=_MISSING, default_factory=_MISSING, repr=True, compare=True):
        self.default = default
        self.default_factory = default_factory
        self.repr = repr
        self.compare = compare


def _process(cls, init, repr_, eq, order, frozen):
    annotations = cls.__dict__.get("__annotations__", {}) if hasattr(cls, "__dict__") else {}
    names = list(vars(cls).get("__annotations__", {}).keys())
    specs = []
    for name in names:
        default = vars(cls).get(name, _MISSING)
        if isinstance(default, field):
            specs.append((name, default.default, default.default_factory, default.repr))
        else:
            specs.append((name, default, _MISSING, True))

    def __init__(self, *args, **kwargs):
        if len(args) > len(specs):
            raise TypeError("%s.__init__() takes %d positional arguments but %d were given" % (cls.__name__, len(specs) + 1, len(args) + 1))
        for i, (name, default, factory, _) in enumerate(specs):
            if i < len(args):
                value = args[i]
            elif name in kwargs:
                value = kwargs.pop(name)
            elif default is not _MISSING:
                value = default
            elif factory is not _MISSING:
                value = factory()
            else:
                raise TypeError("%s.__init__() missing 1 required positional argument: '%s'" % (cls.__name__, name))
            object.__setattr__(self, name, value)
        if kwargs:
            raise TypeError("%s.__init__() got an unexpected keyword argument '%s'" % (cls.__name__, list(kwargs)[0]))
        if hasattr(self, "__post_init__"):
            self.__post_init__()

    def __repr__(self):
        return "%s(%s)" % (type(self).__qualname__, ", ".join("%s=%r" % (n, getattr(self, n)) for n, _, _, r in specs if r))

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n, _, _, _ in specs)

    def _key(self):
        return tuple(getattr(self, n) for n, _, _, _ in specs)

    if init:
        cls.__init__ = __init__
    if repr_:
        cls.__repr__ = __repr__
    if eq:
        cls.__eq__ = __eq__
        cls.__hash__ = None
    if order:
        cls.__lt__ = lambda a, b: _key(a) < _key(b)
        cls.__le__ = lambda a, b: _key(a) <= _key(b)
        cls.__gt__ = lambda a, b: _key(a) > _key(b)
        cls.__ge__ = lambda a, b: _key(a) >= _key(b)
    if frozen:
        def __setattr__(self, name, value):
            raise AttributeError("cannot assign to field '%s'" % name)
        cls.__setattr__ = __setattr__
        cls.__hash__ = lambda self: hash(_key(self))
    return cls


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, frozen=False):
    def wrap(c):
        return _process(c, init, repr, eq, order, frozen)
    if cls is None:
        return wrap
    return wrap(cls)


def asdict(obj):
    return {n: getattr(obj, n) for n in vars(type(obj)).get("__annotations__", {})}


def astuple(obj):
    return tuple(getattr(obj, n) for n in vars(type(obj)).get("__annotations__", {}))
