# queue.Empty on get_nowait / get with timeout; queue.Full on put_nowait with maxsize.
import queue
import time

q = queue.Queue(maxsize=2)
print(q.maxsize, q.empty(), q.full())
q.put_nowait("a")
q.put("b")
print(q.full(), q.qsize())
try:
    q.put_nowait("c")
except queue.Full:
    print("queue.Full on put_nowait")
start = time.perf_counter()
try:
    q.put("c", timeout=0.03)
except queue.Full:
    print("queue.Full after timeout:", time.perf_counter() - start >= 0.03)
try:
    q.put("c", block=False)
except queue.Full as e:
    print("Full is an Exception:", isinstance(e, Exception), repr(str(e)))
print(q.get_nowait(), q.get_nowait())
try:
    q.get_nowait()
except queue.Empty:
    print("queue.Empty on get_nowait")
start = time.perf_counter()
try:
    q.get(timeout=0.03)
except queue.Empty:
    print("queue.Empty after timeout:", time.perf_counter() - start >= 0.03)
unbounded = queue.Queue()
for i in range(1000):
    unbounded.put_nowait(i)
print(unbounded.qsize(), unbounded.full())
