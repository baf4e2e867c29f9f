# time.sleep releases the GIL: four threads sleeping 0.1 s each sleep at the same time.
# Each thread records when its sleep began and ended; all four intervals share a moment.
import threading
import time

intervals = []
lock = threading.Lock()

def nap():
    start = time.perf_counter()
    time.sleep(0.1)
    end = time.perf_counter()
    with lock:
        intervals.append((start, end))

threads = [threading.Thread(target=nap) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
latest_start = max(s for s, _ in intervals)
earliest_end = min(e for _, e in intervals)
print("four sleeps recorded:", len(intervals))
print("all four overlapped:", latest_start < earliest_end)
print("each slept at least 0.1 s:", all(e - s >= 0.1 for s, e in intervals))

box = []
def cpu_and_sleep():
    box.append(sum(range(1000)))
    time.sleep(0.05)
    box.append("slept")
t = threading.Thread(target=cpu_and_sleep)
t.start()
main_work = sum(range(1000))
t.join()
print(box, main_work)
