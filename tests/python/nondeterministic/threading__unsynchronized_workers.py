# invariant: per-thread-order w0: w1: w2:
# Three workers with equal sleeps: which wakes first after each sleep is up to the OS scheduler.
import threading
import time
import sys

def say(text):
    # One write per line: print() writes the text and the newline separately, and another
    # thread can write in between, tearing lines (seen in CPython 3.11).
    sys.stdout.write(text + "\n")

def worker(tag):
    for step in range(3):
        time.sleep(0.01)
        say(f"{tag}: step {step}")

ts = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("done")
