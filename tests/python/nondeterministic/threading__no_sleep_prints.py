# invariant: per-thread-order A: B:
# Two threads print without sleeping: where the GIL hands over between them depends on timing,
# but each thread's own lines always come out in order, and the main thread's lines too.
import threading
import sys

def say(text):
    # One write per line: print() writes the text and the newline separately, and another
    # thread can write in between, tearing lines (seen in CPython 3.11).
    sys.stdout.write(text + "\n")

def loud(tag, n):
    for i in range(n):
        say(f"{tag}: line {i}")

a = threading.Thread(target=loud, args=("A", 40))
b = threading.Thread(target=loud, args=("B", 40))
print("starting")
a.start()
b.start()
a.join()
b.join()
print("joined")
