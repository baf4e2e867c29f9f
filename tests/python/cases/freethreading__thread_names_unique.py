# engine: free-threaded
# Threads and thread pools made by several threads at once still get distinct default names
# (Thread-N, ThreadPoolExecutor-N): the counters behind them are not two racing steps.
import threading
from concurrent.futures import ThreadPoolExecutor

names = []
pools = []
names_lock = threading.Lock()


def make(n):
    mine = [threading.Thread(target=print).name for _ in range(n)]
    mine += [threading._newname("T-%d") for _ in range(20 * n)]
    ps = [ThreadPoolExecutor(1)._thread_name_prefix for _ in range(n // 10)]
    with names_lock:
        names.extend(mine)
        pools.extend(ps)


makers = [threading.Thread(target=make, args=(300,), name="maker-%d" % i) for i in range(4)]
for t in makers:
    t.start()
for t in makers:
    t.join()
print(len(names), len(set(names)))
print(len(pools), len(set(pools)))
print(sum(n.startswith("Thread-") for n in names))
