# PriorityQueue drained by one worker thread: jobs come out by priority, then insertion counter.
import queue
import threading

pq = queue.PriorityQueue()
jobs = [(2, "write report"), (1, "fix outage"), (3, "lunch"), (1, "call back"), (2, "review")]
for seq, (prio, name) in enumerate(jobs):
    pq.put((prio, seq, name))

done = []
def worker():
    while True:
        prio, seq, name = pq.get()
        if name is None:
            pq.task_done()
            break
        done.append(f"p{prio} #{seq} {name}")
        pq.task_done()

pq.put((99, len(jobs), None))
t = threading.Thread(target=worker)
t.start()
pq.join()
t.join()
for line in done:
    print(line)
print("empty:", pq.empty())
