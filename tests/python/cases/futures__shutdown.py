# shutdown(wait=True) waits for running work; shutdown(cancel_futures=True) drops queued work.
from concurrent.futures import ThreadPoolExecutor
import threading
import time

done = []
def slow(i):
    time.sleep(0.03)
    done.append(i)
    return i

ex = ThreadPoolExecutor(max_workers=2)
fs = [ex.submit(slow, i) for i in range(4)]
ex.shutdown(wait=True)
print("after shutdown(wait=True):", sorted(done), all(f.done() for f in fs))

gate = threading.Event()
started = threading.Event()
def blocker():
    started.set()
    return gate.wait()
ex2 = ThreadPoolExecutor(max_workers=1)
running = ex2.submit(blocker)
queued = [ex2.submit(slow, i) for i in range(3)]
started.wait()
ex2.shutdown(wait=False, cancel_futures=True)
gate.set()
print("running result:", running.result())
print("queued cancelled:", [f.cancelled() for f in queued])
