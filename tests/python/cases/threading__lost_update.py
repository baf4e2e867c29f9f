# Lost update: read, sleep, write without a lock loses increments.
import threading
import time

counter = 0
PER_THREAD = 10
THREADS = 4

def unsafe_increment():
    global counter
    for _ in range(PER_THREAD):
        value = counter
        time.sleep(0.001)
        counter = value + 1

threads = [threading.Thread(target=unsafe_increment) for _ in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
expected = PER_THREAD * THREADS
print("expected", expected)
print("lost updates:", counter < expected)
print("at least one per thread-step:", counter >= PER_THREAD)
