# engine: free-threaded
# queue.Queue between threads running in parallel: two producers, three consumers, a sentinel
# per consumer; every item is consumed exactly once.
import queue
import threading

q = queue.Queue(maxsize=10)
consumed = []
consumed_lock = threading.Lock()


def producer(base):
    for i in range(200):
        q.put(base + i)


def consumer():
    mine = []
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        mine.append(item * 2)
        q.task_done()
    with consumed_lock:
        consumed.extend(mine)


producers = [threading.Thread(target=producer, args=(base,)) for base in (0, 1000)]
consumers = [threading.Thread(target=consumer) for _ in range(3)]
for t in producers + consumers:
    t.start()
for t in producers:
    t.join()
for _ in consumers:
    q.put(None)
q.join()
for t in consumers:
    t.join()
print("consumed:", len(consumed))
print("sum:", sum(consumed))
print("all distinct:", len(set(consumed)) == len(consumed))
print("empty:", q.empty())
