# List, dict, set and nested comprehensions.
squares = [x * x for x in range(8)]
print(squares)
evens = [x for x in range(20) if x % 2 == 0 if x % 3 != 0]
print(evens)
pairs = [(i, j) for i in range(3) for j in range(i)]
print(pairs)
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix)
transposed = [[row[i] for row in matrix] for i in range(3)]
print(transposed)
flat = [v for row in matrix for v in row]
print(flat)
print([x if x > 2 else -x for x in range(5)])

# === dict and set ===
d = {w: len(w) for w in ["apple", "fig", "kiwi"]}
print(d)
inv = {v: k for k, v in d.items()}
print(inv)
print(sorted({c.lower() for c in "HeLlo World" if c.isalpha()}))
print({x % 4 for x in range(10)})

# === scoping ===
x = "outer"
result = [x for x in range(3)]
print(x, result)
fns = [lambda i=i: i * 10 for i in range(3)]
print([f() for f in fns])
late = [lambda: i for i in range(3)]
print([f() for f in late])
print([[c for c in w] for w in ("ab", "cd")])
