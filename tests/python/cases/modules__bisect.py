# bisect: bisect_left/right and insort_left/right on sorted lists, with lo, hi and key, and the errors.
import bisect

# === Searching ===
a = [1, 2, 4, 4, 4, 7, 9]
for x in [0, 1, 4, 5, 9, 10]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 4, 3), bisect.bisect_right(a, 4, 0, 3), bisect.bisect_left(a, 4, lo=4, hi=6), bisect.bisect_right(a, 100, hi=2))
print(bisect.bisect_left([], 1), bisect.bisect_right([], 1), bisect.bisect_left("acegi", "d"), bisect.bisect_right((1.5, 2.5), 2.5))

def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]

print([grade(score) for score in [33, 99, 77, 70, 89, 90, 100]])

# === key ===
records = [("ada", 1815), ("grace", 1906), ("linus", 1969), ("guido", 1956)]
records.sort(key=lambda r: r[1])
years = [r[1] for r in records]
print(bisect.bisect_left(records, 1906, key=lambda r: r[1]), bisect.bisect_right(records, 1906, key=lambda r: r[1]), bisect.bisect_left(years, 1906))
print(records[bisect.bisect_left(records, 1950, key=lambda r: r[1])])

# === Inserting ===
b = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(b, x)
print(b)
bisect.insort_left(b, 4.0)
bisect.insort_right(b, 4.0)
print(b, [type(x).__name__ for x in b[3:6]])
c = [10, 20, 30]
bisect.insort(c, 25, 0, 2)
print(c)
tasks = []
for name, prio in [("write", 2), ("read", 1), ("test", 2), ("ship", 3), ("plan", 1)]:
    bisect.insort(tasks, (name, prio), key=lambda t: t[1])
print(tasks)
left = []
for name, prio in [("write", 2), ("read", 1), ("test", 2), ("plan", 1)]:
    bisect.insort_left(left, (name, prio), key=lambda t: t[1])
print(left)

# === Errors ===
def error(f, *args, **kwargs):
    try:
        f(*args, **kwargs)
    except Exception as e:
        print(type(e).__name__ + ":", e)

error(bisect.bisect_left, [1, 2], 1, -1)
error(bisect.insort, [1, 2], 3, lo=-2)
error(bisect.bisect_right, [1, 2, 3], "a")
error(bisect.bisect_left, [1, 2, 3], "a")
error(bisect.bisect, None, 1)
error(bisect.bisect, [1, 2], 1, 0, 5)
