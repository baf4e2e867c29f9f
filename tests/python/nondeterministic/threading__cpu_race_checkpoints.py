# invariant: per-thread-order fast: slow:
# Two CPU-bound threads report progress at checkpoints; the interleaving of the two depends on
# GIL switches (every 5 ms by default), the order within each thread does not.
import threading
import sys

def say(text):
    # One write per line: print() writes the text and the newline separately, and another
    # thread can write in between, tearing lines (seen in CPython 3.11).
    sys.stdout.write(text + "\n")

def crunch(tag, steps, work):
    total = 0
    for step in range(steps):
        for i in range(work):
            total += i
        say(f"{tag}: step {step} total {total}")

t1 = threading.Thread(target=crunch, args=("fast", 5, 20000))
t2 = threading.Thread(target=crunch, args=("slow", 5, 40000))
t1.start()
t2.start()
t1.join()
t2.join()
print("both finished")
