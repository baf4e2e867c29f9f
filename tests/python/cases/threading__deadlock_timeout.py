# Two locks taken in opposite orders would deadlock; acquire(timeout=...) lets one side back off.
# Events fix the order: A takes L1, then B takes L2, then each wants the other's lock.
import threading

l1 = threading.Lock()
l2 = threading.Lock()
a_has_l1 = threading.Event()
b_has_l2 = threading.Event()

def a():
    with l1:
        print("A holds L1")
        a_has_l1.set()
        b_has_l2.wait()
        if l2.acquire(timeout=0.05):
            print("A got L2 (unexpected)")
            l2.release()
        else:
            print("A timed out waiting for L2; backing off")

def b():
    a_has_l1.wait()
    with l2:
        print("B holds L2")
        b_has_l2.set()
        got = l1.acquire(timeout=1)
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
