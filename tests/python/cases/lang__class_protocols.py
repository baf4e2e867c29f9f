# __call__, __contains__, __setitem__, __delitem__, __bool__, __str__ falling back to __repr__.
class Registry:
    def __init__(self):
        self._data = {}
    def __setitem__(self, key, value):
        print(f"set {key}")
        self._data[key] = value
    def __getitem__(self, key):
        return self._data[key]
    def __delitem__(self, key):
        print(f"del {key}")
        del self._data[key]
    def __contains__(self, key):
        return key in self._data
    def __len__(self):
        return len(self._data)
    def __repr__(self):
        return f"Registry({sorted(self._data)})"

r = Registry()
r["a"] = 1
r["b"] = 2
del r["a"]
print("a" in r, "b" in r, len(r), r["b"], bool(r))
print(r, str(r), [r])

class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x):
        return x * self.k

triple = Multiplier(3)
print(triple(7), list(map(triple, [1, 2])), callable(triple))

class Empty:
    def __len__(self):
        return 0

print(bool(Empty()), "truthy" if Empty() else "falsy")

class Money:
    def __init__(self, cents):
        self.cents = cents
    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"
    def __format__(self, spec):
        return format(str(self), spec)
    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents
    __hash__ = None

m = Money(1234)
print(m, f"[{m:>10}]", m == Money(1234), m != Money(1), m == 1234)
try:
    hash(m)
except TypeError as e:
    print("TypeError:", e)
print(type(m).__name__, m.__class__.__name__, Money.__name__)
