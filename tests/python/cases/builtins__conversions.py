# list(), dict(), tuple(), set(), str(), repr(), ord/chr, type(), len(), id-free identity.
print(list(), list("hi"), list({"a": 1, "b": 2}), list(range(3)), list((x for x in "ab")))
print(dict(), dict(a=1), dict([("x", 1)]), dict({"k": "v"}, extra=True))
print(tuple(), tuple([1]), set([1, 1, 2]), frozenset())
print(str(), str(None), str([1, "a"]), str({"k": (1,)}), str(-0.0))
print(repr("a\nb"), repr([None, 'q']), repr(3.0), repr(True))
print([ord(c) for c in "Az09 "], "".join(chr(c) for c in [80, 121]))
print(type(1), type("s"), type([]), type(None), type(1.5).__name__)
print(len("abc"), len([1, 2]), len({}), len(range(10)), len({1: 2, 3: 4}), len(set("aab")))
class K:
    pass
print(type(K()).__name__, type(K).__name__, K.__name__)
print(callable(len), callable(3), callable(K))
print(list(map(int, "123")), list(map(float, ["1", "2.5"])))
print(bool([]), int("7") + int(2.9), float(int("3")))
print(isinstance([], list), isinstance((), list), isinstance({}, dict))
a = [1]
b = a
print(a is b, a is [1], a == [1], id(a) == id(b))
print(format(3, "03d"), format(2.5, ".3f"))
print(str(1.0), str(1e-5), str(1/7), str(-0.5), str(100.0), str(1e22))
