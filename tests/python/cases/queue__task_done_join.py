# task_done/join: main waits until every item has been processed by worker threads.
import queue
import threading
import time

q = queue.Queue()
processed = []
lock = threading.Lock()

def worker():
    while True:
        item = q.get()
        time.sleep(0.002)
        with lock:
            processed.append(item * item)
        q.task_done()

for i in range(3):
    threading.Thread(target=worker, daemon=True, name=f"w{i}").start()

for n in range(12):
    q.put(n)
q.join()
print("all done:", sorted(processed))
print("count:", len(processed), "unfinished:", q.unfinished_tasks)

try:
    q.task_done()
except ValueError as e:
    print("ValueError:", e)
