# list operations and methods.
a = [3, 1, 4, 1, 5, 9, 2, 6]

# === methods ===
a.append(5)
print(a)
a.extend([3, 5])
print(a, len(a))
a.insert(0, 100)
a.insert(-1, 200)
print(a)
print(a.pop(), a.pop(0), a)
a.remove(1)
print(a, a.index(5), a.count(5))
b = a.copy()
b.sort()
print(b, a[:3])
b.reverse()
print(b)
b.sort(key=lambda v: -v % 4)
print(b)
b.clear()
print(b)

# === operators ===
print([1, 2] + [3], [0] * 4, 2 in [1, 2], [1, 2] == [1, 2], [1, 2] < [1, 3])
c = [[0] * 2 for _ in range(2)]
c[0][0] = 1
print(c)
d = [[0] * 2] * 2
d[0][0] = 1
print(d)

# === del and slice assignment ===
e = list(range(10))
del e[2]
del e[-2:]
print(e)
e[1:3] = ["a", "b", "c"]
print(e)
e[::2] = [0] * len(e[::2])
print(e)
print(list("abc"), list((1, 2)), list(range(3, 0, -1)))
