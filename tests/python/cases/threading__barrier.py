# Barrier: all parties wait, then proceed; wait() returns distinct indices; abort -> BrokenBarrierError.
import threading
import time

N = 3
barrier = threading.Barrier(N)
arrived = []
indices = []
lock = threading.Lock()

def party(i):
    time.sleep(0.01 * i)
    with lock:
        arrived.append(i)
    idx = barrier.wait()
    with lock:
        indices.append(idx)
        print_after = len(arrived)
    results.append(print_after)

results = []
threads = [threading.Thread(target=party, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("arrivals:", sorted(arrived))
print("indices:", sorted(indices))
print("everyone saw all arrived:", results == [N] * N)
print(barrier.parties, barrier.n_waiting, barrier.broken)

actions = []
b2 = threading.Barrier(2, action=lambda: actions.append("action ran"))
t = threading.Thread(target=b2.wait)
t.start()
b2.wait()
t.join()
print(actions)

b3 = threading.Barrier(2, timeout=0.03)
try:
    b3.wait()
except threading.BrokenBarrierError:
    print("BrokenBarrierError after timeout; broken =", b3.broken)
