# Two locks taken in opposite orders would deadlock; acquire(timeout=...) lets one side back off.
# A: takes L1 at 0 ms, wants L2 at 40 ms, gives up at 90 ms and releases L1.
# B: takes L2 at 20 ms, wants L1 at 60 ms, gets it at ~90 ms once A backs off.
import threading
import time

l1 = threading.Lock()
l2 = threading.Lock()

def a():
    with l1:
        print("A holds L1")
        time.sleep(0.04)
        if l2.acquire(timeout=0.05):
            print("A got L2 (unexpected)")
            l2.release()
        else:
            print("A timed out waiting for L2; backing off")

def b():
    time.sleep(0.02)
    with l2:
        print("B holds L2")
        time.sleep(0.04)
        got = l1.acquire(timeout=0.5)
        print("B got L1:", got)
        if got:
            l1.release()

ta = threading.Thread(target=a, name="A")
tb = threading.Thread(target=b, name="B")
ta.start()
tb.start()
ta.join()
tb.join()
print("no deadlock; both locks free:", not l1.locked() and not l2.locked())
