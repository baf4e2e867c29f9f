# range objects compare equal when they give the same numbers, and hash alike, so they work as
# dict keys and set members; a range never equals a list.
print(range(3) == range(3), range(0, 3) == range(3))
print(range(0) == range(2, 2), range(5, 1) == range(0))
print(range(1, 10, 3) == range(1, 8, 3), range(1, 10, 3) == range(1, 10, 2))
print(range(4, 5, 7) == range(4, 6, 9))
print(range(3) != range(4), list(range(3)) == range(3))
d = {range(3): "three"}
print(d[range(0, 3, 1)], range(0) in {range(7, 7)})
print(hash(range(2, 9, 3)) == hash(range(2, 10, 3)))
