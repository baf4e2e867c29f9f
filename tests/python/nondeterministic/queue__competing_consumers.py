# invariant: same-lines
# Three consumers compete for items: which consumer gets which item varies, so only the items
# are printed (in whatever order they are processed).
import queue
import threading
import time
import sys

def say(text):
    # One write per line: print() writes the text and the newline separately, and another
    # thread can write in between, tearing lines (seen in CPython 3.11).
    sys.stdout.write(text + "\n")

q = queue.Queue()
lock = threading.Lock()

def consumer():
    while True:
        item = q.get()
        if item is None:
            return
        time.sleep(0.003)
        with lock:
            say(f"processed {item}")

workers = [threading.Thread(target=consumer) for _ in range(3)]
for w in workers:
    w.start()
for i in range(9):
    q.put(f"item-{i}")
for _ in workers:
    q.put(None)
for w in workers:
    w.join()
print("consumers finished")
