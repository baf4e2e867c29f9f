# Lock protecting a read-sleep-write update: no update lost; with-statement and acquire/release.
import threading
import time

counter = 0
lock = threading.Lock()

def safe_increment(times):
    global counter
    for _ in range(times):
        with lock:
            value = counter
            time.sleep(0.001)
            counter = value + 1

threads = [threading.Thread(target=safe_increment, args=(10,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter:", counter)

print(lock.locked())
print(lock.acquire())
print(lock.locked())
print(lock.acquire(blocking=False))
print(lock.acquire(timeout=0.01))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
