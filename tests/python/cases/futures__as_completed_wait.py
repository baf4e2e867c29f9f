# as_completed yields futures as they finish; wait with FIRST_COMPLETED, ALL_COMPLETED, timeout.
# Events fix when the waited-for jobs may finish, so what is printed does not depend on timing.
from concurrent.futures import (ThreadPoolExecutor, as_completed, wait,
                                FIRST_COMPLETED, ALL_COMPLETED)
import threading
import time

def job(name, after=None, delay=0.0):
    if after is not None:
        after.wait()
    time.sleep(delay)
    return name

with ThreadPoolExecutor(max_workers=4) as ex:
    fs = [ex.submit(job, n, None, d) for n, d in [("a", 0.04), ("b", 0.01), ("c", 0.03), ("d", 0.0)]]
    results = [f.result() for f in as_completed(fs)]
    # the completion order depends on the scheduler when a thread starts late; print it sorted
    print("as_completed gave:", sorted(results), len(results))
    print("every future done:", all(f.done() for f in fs))

with ThreadPoolExecutor(max_workers=3) as ex:
    gate = threading.Event()
    fast = ex.submit(job, "fast", None, 0.01)
    slow = ex.submit(job, "slow", gate)
    done, not_done = wait([fast, slow], return_when=FIRST_COMPLETED)
    print("first done:", [f.result() for f in done], "pending:", len(not_done))
    gate.set()
    done, not_done = wait([fast, slow], return_when=ALL_COMPLETED)
    print("all done:", sorted(f.result() for f in done), len(not_done))
    lazy_gate = threading.Event()
    lazy = ex.submit(job, "lazy", lazy_gate)
    done, not_done = wait([lazy], timeout=0.02)
    print("after timeout:", len(done), len(not_done))
    lazy_gate.set()
    print("then:", lazy.result())
