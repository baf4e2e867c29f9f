# Two-stage pipeline with queues: parse -> square -> collect, one thread per stage.
import queue
import threading

raw = queue.Queue()
mid = queue.Queue()
out = []
STOP = object()

def parse():
    while (item := raw.get()) is not STOP:
        mid.put(int(item))
    mid.put(STOP)

def square():
    while (n := mid.get()) is not STOP:
        out.append(n * n)

stages = [threading.Thread(target=parse, name="parse"), threading.Thread(target=square, name="square")]
for s in stages:
    s.start()
for token in "3 1 4 1 5 9 2 6".split():
    raw.put(token)
raw.put(STOP)
for s in stages:
    s.join()
print(out)
print(sum(out))
