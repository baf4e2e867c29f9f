# A bounded queue (maxsize=1) blocks a fast producer until the consumer takes an item.
# Before each get the consumer waits for the producer's put to land, then gives it 20 ms more:
# the producer cannot get further, because its next put blocks on the full queue.
import queue
import threading
import time

q = queue.Queue(maxsize=1)
puts_done = 0
events = []

def producer():
    global puts_done
    for i in range(3):
        q.put(i)
        puts_done += 1
    q.put(None)

def consumer():
    for i in range(3):
        while puts_done < i + 1:
            time.sleep(0.001)
        time.sleep(0.02)
        events.append(f"before get {i}: puts done {puts_done}, queue full {q.full()}")
        item = q.get()
        events.append(f"got {item}")
    events.append(f"sentinel {q.get()}")

c = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c.start()
p.start()
p.join()
c.join()
for e in events:
    print(e)
print("total puts", puts_done)
