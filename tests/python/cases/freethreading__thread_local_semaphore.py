# engine: free-threaded
# threading.local gives each thread its own attributes; a Semaphore(2) keeps at most two threads
# inside at once; the peak is checked under a Lock, so the output is the same without a GIL.
import threading
import time

local = threading.local()
sem = threading.Semaphore(2)
state_lock = threading.Lock()
inside = 0
peak = 0
totals = {}


def work(name, n):
    global inside, peak
    local.name = name
    local.total = 0
    for i in range(n):
        local.total += i
    with sem:
        with state_lock:
            inside += 1
            peak = max(peak, inside)
        time.sleep(0.02)
        with state_lock:
            inside -= 1
    totals[local.name] = local.total


threads = [threading.Thread(target=work, args=("t%d" % k, 1000 * (k + 1))) for k in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(totals.items()))
print("peak <= 2:", 1 <= peak <= 2, "inside:", inside)
print("main thread has no name attribute:", not hasattr(local, "name"))
