# Threads finishing in reverse order of start; join order does not change results.
import threading
import time

finished = []
lock = threading.Lock()

def worker(i, delay):
    time.sleep(delay)
    with lock:
        finished.append(i)
    print(f"worker {i} done after {delay}")

threads = []
for i in range(4):
    t = threading.Thread(target=worker, args=(i, 0.28 - 0.09 * i))
    threads.append(t)
    t.start()
for t in threads:
    t.join()
print("finished order:", finished)
print("alive:", [t.is_alive() for t in threads])
