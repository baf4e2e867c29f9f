# sorted with key/reverse, stability, min/max/sum/any/all.
words = ["banana", "Apple", "cherry", "date", "fig", "apple"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), w)))
records = [("x", 3), ("y", 1), ("z", 3), ("w", 2)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted([3, 1, 2], reverse=True), sorted("bca"), sorted({3: "a", 1: "b"}))
nums = [5, -2, 9, 0, -7]
print(min(nums), max(nums), min(nums, key=abs), max(nums, key=abs), min(3, 1, 2), max("abc", "b"))
print(min([], default="empty"), max(words, key=len))
print(sum(nums), sum(nums, 100), sum([0.1] * 10), sum([[1], [2]], []))
print(any([]), all([]), any([0, 0, 1]), all([1, 2, 0]), any(x > 8 for x in nums), all(x < 10 for x in nums))
lst = [4, 2, 8]
lst.sort()
print(lst)
lst.sort(reverse=True)
print(lst)
print(sorted([True, False, True]), sorted([2.5, 1, -3]))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
