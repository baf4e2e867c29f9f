# Event: wait/set/clear/is_set, wait with timeout.
import threading
import time

ready = threading.Event()
print(ready.is_set())

waiting = threading.Event()

def waiter(name):
    print(f"{name} waiting")
    waiting.set()
    ready.wait()
    print(f"{name} woke")

t = threading.Thread(target=waiter, args=("w1",))
t.start()
waiting.wait()
time.sleep(0.02)
print("main sets")
ready.set()
t.join()
print(ready.is_set(), ready.wait(), ready.wait(0.01))
ready.clear()
print(ready.is_set())
start = time.perf_counter()
print("timed out:", ready.wait(0.05) is False)
print("waited long enough:", time.perf_counter() - start >= 0.05)

go = threading.Event()
order = []
def runner(i):
    go.wait()
    order.append(i)
threads = [threading.Thread(target=runner, args=(i,)) for i in range(5)]
for th in threads:
    th.start()
go.set()
for th in threads:
    th.join()
print(sorted(order))
