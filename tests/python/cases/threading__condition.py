# Condition: wait/notify, notify_all, wait_for, wait timeout.
import threading
import time

cond = threading.Condition()
items = []

def consumer(name):
    with cond:
        while not items:
            cond.wait()
        print(f"{name} got {items.pop(0)}")

c = threading.Thread(target=consumer, args=("c1",))
c.start()
time.sleep(0.02)
with cond:
    items.append("apple")
    print("producer notifies")
    cond.notify()
c.join()

# === notify_all and wait_for ===
state = {"stage": 0}
done = []
def stage_waiter(i):
    with cond:
        cond.wait_for(lambda: state["stage"] >= 1)
        done.append(i)

waiters = [threading.Thread(target=stage_waiter, args=(i,)) for i in range(4)]
for w in waiters:
    w.start()
time.sleep(0.02)
print("none done before notify_all:", done == [])
with cond:
    state["stage"] = 1
    cond.notify_all()
for w in waiters:
    w.join()
print("all woke:", sorted(done))

# === timeouts ===
with cond:
    start = time.perf_counter()
    print("wait returns", cond.wait(0.03))
    print("wait_for returns", cond.wait_for(lambda: False, timeout=0.03))
    print("waited:", time.perf_counter() - start >= 0.06)
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)
