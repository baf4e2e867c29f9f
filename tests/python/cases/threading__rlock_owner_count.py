# An RLock: its type and repr, held again by its owner, released only by it (CPython's
# RuntimeError otherwise), a Condition over it waiting while held twice, timeouts.
import threading
r = threading.RLock()
print(type(r), type(r).__name__)
print(repr(r).split(" at ")[0].replace(str(threading.get_ident()), "ME"))
with r:
    with r:
        print(repr(r).split(" at ")[0].replace(str(threading.get_ident()), "ME"))
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError", e)
print(r.acquire(), r.acquire(False), r.acquire(blocking=False))
r.release(); r.release(); r.release()
c = threading.Condition()
def waiter(out):
    with c:
        with c:
            c.wait_for(lambda: out)
            out.append("woke")
out = []
t = threading.Thread(target=waiter, args=(out,))
t.start()
import time; time.sleep(0.05)
with c:
    out.append("set")
    c.notify()
t.join()
print(out)
def other():
    try:
        r.release()
    except RuntimeError as e:
        print("other:", e)
r.acquire()
t = threading.Thread(target=other); t.start(); t.join()
print(r.acquire(timeout=0.01))
r.release(); r.release()
got = []
def take():
    got.append(r.acquire(timeout=0.05))
r.acquire()
t = threading.Thread(target=take); t.start(); t.join()
r.release()
print(got)
