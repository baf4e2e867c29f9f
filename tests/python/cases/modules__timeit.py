# timeit: timeit/repeat/Timer/autorange time a callable (timings checked as floats >= 0); a fake timer makes the numbers exact.
import time
import timeit

# === Real timings: only their kind is printed ===
calls = []
t = timeit.timeit(lambda: calls.append(1), number=1000)
print(type(t).__name__, t >= 0, len(calls))
runs = timeit.repeat(lambda: sum(range(50)), repeat=3, number=200)
print(len(runs), all(type(r) is float and r >= 0 for r in runs))
print(timeit.default_timer is time.perf_counter, timeit.default_number, timeit.default_repeat)
print(timeit.timeit(number=100) >= 0, timeit.timeit("pass", number=10) >= 0, timeit.Timer().timeit(0) >= 0)

def work():
    return sorted(range(100, 0, -1))

timer = timeit.Timer(work)
best = min(timer.repeat(repeat=3, number=50))
print(best >= 0, len(timer.repeat(2, 10)))
log = []
timer = timeit.Timer(lambda: log.append("stmt"), setup=lambda: log.append("setup"))
timer.timeit(number=3)
print(log)

# === A fake clock: every statement advances it by 1/8 ===
class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now

    def tick(self):
        self.now += 0.125

clock = Clock()
fake = timeit.Timer(clock.tick, timer=clock)
print(fake.timeit(number=8), fake.repeat(repeat=3, number=4), timeit.timeit(clock.tick, timer=clock, number=2))
seen = []
print(fake.autorange(lambda number, taken: seen.append((number, taken))), seen)
print(timeit.repeat(clock.tick, timer=clock, repeat=2, number=1))

# === Errors ===
for stmt, setup in [(42, "pass"), (clock.tick, 3.5)]:
    try:
        timeit.Timer(stmt, setup)
    except ValueError as e:
        print("ValueError:", e)
try:
    timeit.timeit(lambda: 1 / 0, number=5)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
