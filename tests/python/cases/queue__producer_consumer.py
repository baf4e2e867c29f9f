# queue.Queue producer/consumer with a sentinel; FIFO order preserved.
import queue
import threading
import time

q = queue.Queue()
SENTINEL = None
consumed = []

def producer():
    for i in range(5):
        q.put(f"item-{i}")
        time.sleep(0.005)
    q.put(SENTINEL)

def consumer():
    while True:
        item = q.get()
        if item is SENTINEL:
            break
        consumed.append(item)
        print("consumed", item)

p = threading.Thread(target=producer)
c = threading.Thread(target=consumer)
c.start()
p.start()
p.join()
c.join()
print(consumed)
print(q.empty(), q.qsize())
