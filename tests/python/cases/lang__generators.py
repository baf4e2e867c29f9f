# Generators: yield, yield from, send, return value, generator expressions.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count_up(4)))
g = count_up(2)
print(next(g), next(g), next(g, "done"))

def inner():
    yield 1
    yield 2
    return "inner-result"

def outer():
    r = yield from inner()
    print("inner returned", r)
    yield 3
print(list(outer()))

def averager():
    total = 0
    count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count
a = averager()
next(a)
for v in [10, 20, 60]:
    print("avg", a.send(v))
def gen_with_finally():
    try:
        yield "a"
        yield "b"
    finally:
        print("cleanup")
gf = gen_with_finally()
print(next(gf))
gf.close()

# === generator expressions ===
ge = (x * 2 for x in range(5))
print(type(ge).__name__, sum(ge), sum(ge))
print(sum(x * x for x in range(10)), max(len(w) for w in ["a", "abc", "ab"]))
print(list(zip(count_up(3), "xyz")))
it = iter([1, 2, 3])
print(next(it), list(it))
def stopper():
    yield 1
    return 5
s = stopper()
next(s)
try:
    next(s)
except StopIteration as e:
    print("StopIteration value", e.value)
