# time.sleep releases the GIL: four threads sleeping 0.1 s each take about 0.1 s, not 0.4 s.
import threading
import time

def nap():
    time.sleep(0.1)

start = time.perf_counter()
threads = [threading.Thread(target=nap) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
print("at least 0.1 s:", elapsed >= 0.1)
print("overlapped (< 0.25 s):", elapsed < 0.25)

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
