# A bounded queue blocks a fast producer until the slow consumer catches up.
# Each get happens 40 ms after the previous one; just before it, exactly one more put has
# completed (the next put is blocked on the full queue), so the counts are deterministic.
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
    while True:
        time.sleep(0.04)
        seen = puts_done
        item = q.get()
        if item is None:
            break
        events.append(f"got {item} after {seen} puts; full before get: {seen == item + 1}")

c = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c.start()
p.start()
p.join()
c.join()
for e in events:
    print(e)
print("total puts", puts_done)
