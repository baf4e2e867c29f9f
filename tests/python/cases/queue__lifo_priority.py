# LifoQueue and PriorityQueue ordering.
import queue

lifo = queue.LifoQueue()
for x in [1, 2, 3, 4]:
    lifo.put(x)
print([lifo.get() for _ in range(4)])

pq = queue.PriorityQueue()
for prio, task in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent"), (5, "later")]:
    pq.put((prio, task))
out = []
while not pq.empty():
    out.append(pq.get())
print(out)

pq2 = queue.PriorityQueue()
for v in [9, 4, 7, 1, 8]:
    pq2.put(v)
print([pq2.get_nowait() for _ in range(pq2.qsize())])

fifo = queue.Queue()
for ch in "abc":
    fifo.put(ch)
print(fifo.qsize(), fifo.get(), fifo.get(), fifo.qsize())
print(isinstance(lifo, queue.Queue), isinstance(pq, queue.Queue))
