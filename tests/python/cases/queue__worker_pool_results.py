# A hand-made worker pool: jobs queue in, results queue out; results sorted for printing.
import queue
import threading

jobs = queue.Queue()
results = queue.Queue()

def worker(wid):
    while True:
        n = jobs.get()
        if n is None:
            jobs.task_done()
            break
        results.put((n, n ** 3))
        jobs.task_done()

workers = [threading.Thread(target=worker, args=(i,), name=f"pool-{i}") for i in range(3)]
for w in workers:
    w.start()
for n in range(10):
    jobs.put(n)
for _ in workers:
    jobs.put(None)
jobs.join()
for w in workers:
    w.join()
collected = []
while not results.empty():
    collected.append(results.get_nowait())
print(sorted(collected))
print("count", len(collected), "sum of cubes", sum(c for _, c in collected))
print("workers alive:", [w.is_alive() for w in workers])
