# Semaphore limits concurrency; BoundedSemaphore raises ValueError on over-release.
import threading
import time

sem = threading.Semaphore(2)
lock = threading.Lock()
active = 0
peak = 0

def limited(i):
    global active, peak
    with sem:
        with lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.04)
        with lock:
            active -= 1

threads = [threading.Thread(target=limited, args=(i,)) for i in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("peak concurrency:", peak)

s = threading.Semaphore(1)
print(s.acquire(), s.acquire(blocking=False), s.acquire(timeout=0.01))
s.release()
s.release()
print(s.acquire(False), s.acquire(False), s.acquire(False))

b = threading.BoundedSemaphore(2)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
plain = threading.Semaphore(0)
plain.release()
print("plain semaphore allows extra release:", plain.acquire(False))
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)
