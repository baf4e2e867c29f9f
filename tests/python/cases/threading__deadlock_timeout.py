# Two locks taken in opposite orders would deadlock; acquire(timeout=...) lets one side back off.
# A: takes L1 at 0 ms, wants L2 at 60 ms, gives up at 110 ms and releases L1.
# B: takes L2 at 30 ms, wants L1 at 90 ms, gets it at ~110 ms once A backs off.
import threading
import time

l1 = threading.Lock()
l2 = threading.Lock()

def a():
    with l1:
        print("A holds L1")
        time.sleep(0.06)
        if l2.acquire(timeout=0.05):
            print("A got L2 (unexpected)")
            l2.release()
        else:
            print("A timed out waiting for L2; backing off")

def b():
    time.sleep(0.03)
    with l2:
        print("B holds L2")
        time.sleep(0.06)
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
