# invariant: per-thread-order number letter
# The tutorial's first program: two threads print 1-5 and a-e, sleeping 50 ms after each line,
# the letters starting 25 ms later. The engine interleaves them strictly (1 a 2 b ...), and so
# does CPython on an idle machine; on a busy one a thread can wake more than 25 ms late, and
# print() can even be split by the other thread's line (see README), so only each thread's own
# order is checked. threading__interleave_sleeps.py is the deterministic version.
import sys
import threading
import time

def say(text):
    sys.stdout.write(text + "\n")

def print_numbers():
    for i in range(1, 6):
        say(f"number {i}")
        time.sleep(0.05)

def print_letters():
    time.sleep(0.025)
    for letter in "abcde":
        say(f"letter {letter}")
        time.sleep(0.05)

t1 = threading.Thread(target=print_numbers)
t2 = threading.Thread(target=print_letters)
t1.start()
t2.start()
t1.join()
t2.join()
print("Done")
