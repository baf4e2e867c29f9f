# Two threads printing with sleeps of different lengths: deterministic interleaving.
# A prints at 0, 40, 80, 120, 160 ms; B at 20, 60, 100, 140, 180 ms: 20 ms between any two lines.
import threading
import time

start = threading.Barrier(2)  # both threads count their sleeps from the same moment

def numbers():
    start.wait()
    for i in range(1, 6):
        print("num", i)
        time.sleep(0.04)

def letters():
    start.wait()
    time.sleep(0.02)
    for ch in "abcde":
        print("let", ch)
        time.sleep(0.04)

a = threading.Thread(target=numbers, name="A")
b = threading.Thread(target=letters, name="B")
a.start()
b.start()
a.join()
b.join()
print("done")
