# set operations (printed sorted where iteration order is not obvious).
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)))
print(3 in a, 9 in a, len(a))
print({1, 2} <= a, {1, 2} < {1, 2}, a >= {1}, a.isdisjoint({7, 8}))
s = set()
s.add(3)
s.add(3)
s.add(1)
print(sorted(s), len(s))
s.discard(10)
s.remove(3)
print(s)
try:
    s.remove(42)
except KeyError as e:
    print("KeyError", e)
print(sorted(set("mississippi")))
print(set() == set(), {1, 2} == {2, 1}, type({}).__name__, type(set()).__name__)
f = frozenset([1, 2, 2])
print(sorted(f), len(f), frozenset([1]) in {frozenset([1])})
s2 = {10, 20}
s2.update([30], (40,))
print(sorted(s2))
x = s2.pop()
print(x in {10, 20, 30, 40}, len(s2))
print({0, 1, 2, 3})
