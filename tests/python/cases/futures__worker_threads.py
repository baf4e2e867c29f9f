# Worker threads of a pool: names use thread_name_prefix; max_workers bounds concurrency.
from concurrent.futures import ThreadPoolExecutor
import threading
import time

lock = threading.Lock()
running = 0
peak = 0
names = set()

def task(i):
    global running, peak
    with lock:
        running += 1
        peak = max(peak, running)
        names.add(threading.current_thread().name)
    time.sleep(0.02)
    with lock:
        running -= 1
    return i

with ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool") as ex:
    out = list(ex.map(task, range(8)))
print(out)
print("peak:", peak)
print("names:", sorted(names))
print("caller:", threading.current_thread().name)

ex = ThreadPoolExecutor(max_workers=1)
f = ex.submit(lambda: threading.current_thread().name)
print(f.result())
ex.shutdown(wait=True)
print("shutdown ok", f.done())
