# collections: deque, defaultdict, Counter, OrderedDict and namedtuple, in Python.


class deque:
    def __init__(self, iterable=(), maxlen=None):
        self._items = []
        self.maxlen = maxlen
        for x in iterable:
            self.append(x)

    def append(self, x):
        self._items.append(x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop(0)

    def appendleft(self, x):
        self._items.insert(0, x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop()

    def pop(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop(0)

    def extend(self, it):
        for x in it:
            self.append(x)

    def extendleft(self, it):
        for x in it:
            self.appendleft(x)

    def rotate(self, n=1):
        if self._items:
            n = n % len(self._items)
            self._items[:] = self._items[-n:] + self._items[:-n]

    def clear(self):
        self._items.clear()

    def count(self, x):
        return self._items.count(x)

    def remove(self, x):
        self._items.remove(x)

    def index(self, x):
        return self._items.index(x)

    def copy(self):
        return deque(self._items, self.maxlen)

    def reverse(self):
        self._items.reverse()

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __reversed__(self):
        return reversed(self._items)

    def __getitem__(self, i):
        return self._items[i]

    def __setitem__(self, i, v):
        self._items[i] = v

    def __contains__(self, x):
        return x in self._items

    def __bool__(self):
        return bool(self._items)

    def __eq__(self, other):
        return isinstance(other, deque) and self._items == other._items

    def __repr__(self):
        if self.maxlen is None:
            return "deque(%r)" % (self._items,)
        return "deque(%r, maxlen=%d)" % (self._items, self.maxlen)


class defaultdict:
    def __init__(self, default_factory=None, *args, **kwargs):
        self.default_factory = default_factory
        self._d = dict(*args, **kwargs)

    def __getitem__(self, k):
        if k in self._d:
            return self._d[k]
        if self.default_factory is None:
            raise KeyError(k)
        v = self.default_factory()
        self._d[k] = v
        return v

    def __setitem__(self, k, v):
        self._d[k] = v

    def __delitem__(self, k):
        del self._d[k]

    def __contains__(self, k):
        return k in self._d

    def __len__(self):
        return len(self._d)

    def __iter__(self):
        return iter(self._d)

    def __eq__(self, other):
        if isinstance(other, defaultdict):
            return self._d == other._d
        return self._d == other

    def get(self, k, default=None):
        return self._d.get(k, default)

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def pop(self, *a):
        return self._d.pop(*a)

    def setdefault(self, k, v=None):
        return self._d.setdefault(k, v)

    def update(self, *a, **kw):
        self._d.update(*a, **kw)

    def copy(self):
        return defaultdict(self.default_factory, self._d)

    def __repr__(self):
        return "defaultdict(%r, %r)" % (self.default_factory, self._d)


class Counter:
    def __init__(self, iterable=None, **kwargs):
        self._d = {}
        if iterable is not None:
            self.update(iterable)
        if kwargs:
            self.update(kwargs)

    def update(self, iterable=None, **kwargs):
        if iterable is not None:
            if isinstance(iterable, (dict, Counter)):
                for k, v in iterable.items():
                    self._d[k] = self._d.get(k, 0) + v
            else:
                for k in iterable:
                    self._d[k] = self._d.get(k, 0) + 1
        for k, v in kwargs.items():
            self._d[k] = self._d.get(k, 0) + v

    def subtract(self, iterable):
        if isinstance(iterable, (dict, Counter)):
            for k, v in iterable.items():
                self._d[k] = self._d.get(k, 0) - v
        else:
            for k in iterable:
                self._d[k] = self._d.get(k, 0) - 1

    def most_common(self, n=None):
        items = sorted(self._d.items(), key=lambda kv: kv[1], reverse=True)
        return items if n is None else items[:n]

    def elements(self):
        out = []
        for k, v in self._d.items():
            out.extend([k] * v)
        return out

    def total(self):
        return sum(self._d.values())

    def __getitem__(self, k):
        return self._d.get(k, 0)

    def __setitem__(self, k, v):
        self._d[k] = v

    def __delitem__(self, k):
        del self._d[k]

    def __contains__(self, k):
        return k in self._d

    def __len__(self):
        return len(self._d)

    def __iter__(self):
        return iter(self._d)

    def __eq__(self, other):
        if isinstance(other, Counter):
            return self._d == other._d
        return self._d == other

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def get(self, k, default=None):
        return self._d.get(k, default)

    def __add__(self, other):
        c = Counter()
        for k in list(self._d) + [k for k in other._d if k not in self._d]:
            v = self._d.get(k, 0) + other._d.get(k, 0)
            if v > 0:
                c._d[k] = v
        return c

    def __repr__(self):
        if not self._d:
            return "Counter()"
        return "Counter({%s})" % ", ".join("%r: %r" % kv for kv in self.most_common())


class OrderedDict(defaultdict):
    def __init__(self, *args, **kwargs):
        defaultdict.__init__(self, None, *args, **kwargs)

    def move_to_end(self, key, last=True):
        v = self._d.pop(key)
        if last:
            self._d[key] = v
        else:
            self._d = {key: v, **self._d}

    def popitem(self, last=True):
        if not self._d:
            raise KeyError("dictionary is empty")
        key = list(self._d)[-1 if last else 0]
        return key, self._d.pop(key)

    def __repr__(self):
        if not self._d:
            return "OrderedDict()"
        return "OrderedDict(%r)" % (list(self._d.items()),)


def namedtuple(typename, field_names, *, defaults=None, rename=False, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    fields = tuple(field_names)
    ndefaults = len(defaults) if defaults else 0

    class _NT:
        _fields = fields

        def __init__(self, *args, **kwargs):
            values = list(args)
            for name in fields[len(args):]:
                if name in kwargs:
                    values.append(kwargs.pop(name))
                elif ndefaults and fields.index(name) >= len(fields) - ndefaults:
                    values.append(defaults[fields.index(name) - (len(fields) - ndefaults)])
                else:
                    raise TypeError("%s.__new__() missing 1 required positional argument: '%s'" % (typename, name))
            if len(values) > len(fields):
                raise TypeError("%s.__new__() takes %d positional arguments but %d were given" % (typename, len(fields) + 1, len(values) + 1))
            object.__setattr__(self, "_values", tuple(values))
            for n, v in zip(fields, values):
                object.__setattr__(self, n, v)

        def __iter__(self):
            return iter(self._values)

        def __len__(self):
            return len(self._values)

        def __getitem__(self, i):
            return self._values[i]

        def __eq__(self, other):
            return tuple(self) == tuple(other)

        def __hash__(self):
            return hash(self._values)

        def __lt__(self, other):
            return tuple(self) < tuple(other)

        def _asdict(self):
            return dict(zip(fields, self._values))

        def _replace(self, **kw):
            d = self._asdict()
            d.update(kw)
            return _NT(**d)

        def __repr__(self):
            return "%s(%s)" % (typename, ", ".join("%s=%r" % (n, v) for n, v in zip(fields, self._values)))

    _NT.__name__ = typename
    _NT.__qualname__ = typename
    return _NT
