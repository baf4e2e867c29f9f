# A relay: each runner waits for the previous runner's Event, so the order is fixed
# no matter in which order the threads were started.
import threading

N = 5
batons = [threading.Event() for _ in range(N + 1)]
log = []

def runner(i):
    batons[i].wait()
    log.append(f"runner {i} ({threading.current_thread().name})")
    batons[i + 1].set()

threads = [threading.Thread(target=runner, args=(i,), name=f"R{i}") for i in reversed(range(N))]
for t in threads:
    t.start()
print("started in order:", [t.name for t in threads])
batons[0].set()
batons[N].wait()
for t in threads:
    t.join()
for line in log:
    print(line)
