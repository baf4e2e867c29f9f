# engine: free-threaded
# list.append and dict item assignment from many threads at once, without a lock of the
# program's own: each call is atomic (free-threaded CPython locks each object), so nothing is lost.
import threading

items = []
table = {}


def fill(tid):
    for i in range(3000):
        items.append((tid, i))
        table[tid * 10000 + i] = i


threads = [threading.Thread(target=fill, args=(tid,)) for tid in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("list length:", len(items))
print("dict size:", len(table))
per_thread = [[i for t, i in items if t == tid] for tid in range(4)]
print("each thread's appends in its order:", all(p == list(range(3000)) for p in per_thread))
print("dict values sum:", sum(table.values()))
