# engine: free-threaded
# A Barrier lines threads up before they each compute a part; an Event releases them together.
# The parts are summed after join, so the output does not depend on who runs first.
import threading

go = threading.Event()
barrier = threading.Barrier(4)
parts = {}


def part(k):
    go.wait()
    index = barrier.wait()
    parts[k] = sum(i * i for i in range(k * 1000, (k + 1) * 1000))
    return index


threads = [threading.Thread(target=part, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
print("waiting threads released:", go.is_set())
go.set()
for t in threads:
    t.join()
print("parts:", sorted(parts))
print("sum of squares below 4000:", sum(parts.values()), sum(i * i for i in range(4000)))
print("barrier broken:", barrier.broken)
