# The iterator protocol: __iter__/__next__, StopIteration, iter(callable, sentinel), exhaustion.
class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

print(list(Countdown(4)))
c = Countdown(2)
print(next(c), next(c), next(c, "exhausted"), list(c))

class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 2

r = Range2(7)
print(list(r), list(r), sum(r), 4 in r, 5 in r)

data = [5, 3, 0, 7]
pos = iter(data)
print(list(iter(lambda: next(pos), 0)))

it = iter("ab")
print(iter(it) is it, next(it), next(it))
try:
    next(it)
except StopIteration:
    print("StopIteration")

d = {"x": 1, "y": 2}
di = iter(d)
print(next(di), list(di))
try:
    for k in d:
        d["z"] = 3
except RuntimeError as e:
    print("RuntimeError:", e)
a, b, *c = Countdown(5)
print(a, b, c)
print(max(Countdown(3)), sorted(Countdown(3)), tuple(enumerate(Countdown(2))))
