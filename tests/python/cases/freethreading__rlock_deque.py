# engine: free-threaded
# A recursive function holding an RLock at every level, in several threads at once, appends to a
# shared collections.deque; deque.append is atomic, the RLock orders each thread's burst.
import collections
import threading

rlock = threading.RLock()
log = collections.deque()
depths = []


def nest(tag, level):
    with rlock:
        log.append((tag, level))
        if level < 5:
            nest(tag, level + 1)
        else:
            depths.append(tag)


threads = [threading.Thread(target=nest, args=("t%d" % i, 1)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
items = list(log)
print("entries:", len(items))
bursts = [items[i:i + 5] for i in range(0, len(items), 5)]
print("each burst is one thread, levels 1-5:", all(len({tag for tag, _ in b}) == 1 and [lv for _, lv in b] == [1, 2, 3, 4, 5] for b in bursts))
print("deepest reached by:", sorted(depths))
