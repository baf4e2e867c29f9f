# Two threads interleave through sleeps alone. Each sleeps until its own deadlines (start +
# k * 80 ms for A, start + 40 ms + k * 80 ms for B), so lines are 40 ms apart and delays do
# not pile up from one step to the next.
import threading
import time

STEP = 0.08
start = time.perf_counter()

def sleep_until(t):
    time.sleep(max(0.0, t - time.perf_counter()))

def numbers():
    for k in range(3):
        sleep_until(start + k * STEP)
        print("num", k + 1)

def letters():
    for k, ch in enumerate("abc"):
        sleep_until(start + STEP / 2 + k * STEP)
        print("let", ch)

a = threading.Thread(target=numbers, name="A")
b = threading.Thread(target=letters, name="B")
a.start()
b.start()
a.join()
b.join()
print("done; took at least 0.15 s:", time.perf_counter() - start >= 0.15)
