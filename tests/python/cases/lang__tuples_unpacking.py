# Tuples and unpacking.
t = (1, 2, 3)
print(t, t[0], t[-1], len(t), t + (4,), t * 2, (5,), ())
print(t.count(2), t.index(3), 2 in t)

# === unpacking ===
a, b, c = t
print(a, b, c)
first, *rest = [10, 20, 30, 40]
print(first, rest)
*init, last = "abcd"
print(init, last)
x, *mid, y = range(5)
print(x, mid, y)
p, *q = [1]
print(p, q)
(m, n), o = (1, 2), 3
print(m, n, o)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)

# === swap ===
a, b = b, a
print(a, b)

# === star in calls and literals ===
print(*t)
print([*t, *"xy"], (*t,))
merged = {**{"a": 1}, **{"b": 2, "a": 3}}
print(merged)

# === comparisons ===
print((1, 2) < (1, 3), (1, 2, 3) > (1, 2), (2,) > (1, 9))
print(sorted([(2, "b"), (1, "z"), (2, "a")]))
print(tuple([1, 2]), tuple("ab"), hash((1, 2)) == hash((1, 2)))
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
