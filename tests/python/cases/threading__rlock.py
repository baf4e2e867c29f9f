# RLock: re-entrant acquisition by the same thread; other threads wait.
import threading
import time

rlock = threading.RLock()
log = []

def recursive(n):
    with rlock:
        log.append(f"depth {n}")
        if n > 0:
            recursive(n - 1)

recursive(3)
print(log)

print(rlock.acquire(), rlock.acquire())
rlock.release()
rlock.release()

holding = threading.Event()
trying = threading.Event()

def holder():
    with rlock:
        print("holder has lock")
        holding.set()
        trying.wait()
        time.sleep(0.02)
        print("holder releasing")

def waiter():
    holding.wait()
    print("waiter trying")
    trying.set()
    with rlock:
        print("waiter got lock")

h = threading.Thread(target=holder)
w = threading.Thread(target=waiter)
h.start()
w.start()
h.join()
w.join()

def other_release():
    try:
        rlock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)

rlock.acquire()
t = threading.Thread(target=other_release)
t.start()
t.join()
rlock.release()
print("done")
