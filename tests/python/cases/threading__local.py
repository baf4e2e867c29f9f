# threading.local: each thread sees its own attributes.
import threading

data = threading.local()
data.value = "main"
seen = {}
lock = threading.Lock()

def worker(n):
    print_missing = not hasattr(data, "value")
    data.value = f"worker-{n}"
    data.items = [n] * n
    with lock:
        seen[n] = (print_missing, data.value, data.items)

threads = [threading.Thread(target=worker, args=(i,)) for i in range(1, 4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for k in sorted(seen):
    print(k, seen[k])
print("main still sees", data.value, hasattr(data, "items"))

class Ctx(threading.local):
    def __init__(self):
        self.depth = 0

ctx = Ctx()
def nested():
    ctx.depth += 5
    with lock:
        seen["ctx"] = ctx.depth
t = threading.Thread(target=nested)
t.start()
t.join()
print("thread depth", seen["ctx"], "main depth", ctx.depth)
