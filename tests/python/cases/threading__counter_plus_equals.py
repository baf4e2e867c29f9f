# counter += 1 in 4 threads x 100000: CPython 3.11 only switches threads at back-edges and
# calls, never between the load and the store, so the total comes out exact in practice.
import threading

counter = 0

def increment():
    global counter
    for _ in range(100000):
        counter += 1

threads = [threading.Thread(target=increment) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
