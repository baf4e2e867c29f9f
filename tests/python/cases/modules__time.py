# time: sleep, perf_counter, monotonic, time. Only comparisons are printed.
import time

t0 = time.perf_counter()
m0 = time.monotonic()
w0 = time.time()
time.sleep(0.05)
elapsed = time.perf_counter() - t0
print("elapsed >= 0.05:", elapsed >= 0.05)
print("elapsed is a float:", isinstance(elapsed, float))
print("monotonic advanced:", time.monotonic() - m0 >= 0.04)
print("wall clock advanced:", time.time() >= w0)
print("time is a float:", type(time.time()).__name__, type(time.perf_counter()).__name__)
print("time after 2020:", time.time() > 1577836800)

t1 = time.perf_counter()
time.sleep(0)
print("sleep(0) ok:", time.perf_counter() - t1 < 0.05)

total = 0
start = time.perf_counter()
for i in range(10000):
    total += i
print(total, time.perf_counter() >= start)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
print(isinstance(time.perf_counter_ns(), int), isinstance(time.monotonic_ns(), int))
