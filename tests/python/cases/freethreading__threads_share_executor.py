# engine: free-threaded
# Eight threads submit to one ThreadPoolExecutor at once, and one queue.Queue collects every
# result; nothing is lost or duplicated without a GIL.
import concurrent.futures
import queue
import threading

results = queue.Queue()


def task(x):
    return sum(range(x % 50))


def client(ex, base):
    futures = [ex.submit(task, base + i) for i in range(200)]
    for f in futures:
        results.put((base, f.result()))


with concurrent.futures.ThreadPoolExecutor(max_workers=4) as ex:
    threads = [threading.Thread(target=client, args=(ex, base)) for base in range(0, 8000, 1000)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
items = []
while not results.empty():
    items.append(results.get())
print("results:", len(items))
print("per client:", sorted({b: sum(1 for x, _ in items if x == b) for b in range(0, 8000, 1000)}.items()))
print("total:", sum(v for _, v in items))
