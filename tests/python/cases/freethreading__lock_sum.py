# engine: free-threaded
# Four threads add to a shared total under a Lock: with or without a GIL, no update is lost.
import threading

total = 0
lock = threading.Lock()


def add(n):
    global total
    for i in range(n):
        with lock:
            total += i


threads = [threading.Thread(target=add, args=(5000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("total:", total)
print("expected:", 4 * sum(range(5000)))
