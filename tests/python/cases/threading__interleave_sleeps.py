# Two threads interleave through sleeps alone. Each sleeps until its own deadlines (start +
# k * 100 ms for A, start + 50 ms + k * 100 ms for B), so lines are 50 ms apart and delays do
# not pile up from one step to the next.
import threading
import time

STEP = 0.1
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
print("done; took at least 0.2 s:", time.perf_counter() - start >= 0.2)
