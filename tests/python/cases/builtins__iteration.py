# enumerate, zip, range, reversed, map, filter, iter/next.
names = ["ann", "bob", "cy"]
print(list(enumerate(names)), list(enumerate(names, start=1)))
print(list(zip(names, [1, 2, 3, 4])), list(zip()), list(zip("ab", "cd", "ef")))
print(dict(zip(names, range(3))))
pairs = [(1, "a"), (2, "b")]
nums, lets = zip(*pairs)
print(nums, lets)

r = range(2, 20, 3)
print(r, list(r), len(r), r[2], r[-1], 11 in r, 12 in r, list(range(5, 0, -2)), list(range(0)))
print(list(reversed([1, 2, 3])), list(reversed(range(4))), "".join(reversed("stressed")))
print(list(map(str.upper, names)), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])))
print(list(filter(lambda n: n % 3 == 0, range(10))), list(filter(None, [0, 1, "", "x", None])))
it = iter(names)
print(next(it), next(it), next(it), next(it, "end"))
m = map(len, names)
print(type(m).__name__, list(m), list(m))
for i, (n, c) in enumerate(zip(names, "XYZ")):
    print(i, n, c)
print(list(zip(range(3), reversed(range(3)))))
print(sum(range(101)), list(range(-3, 3)))
print(list(iter([3, 2, 1])))
