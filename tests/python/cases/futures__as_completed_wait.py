# as_completed (sorted results), wait with FIRST_COMPLETED and ALL_COMPLETED.
from concurrent.futures import (ThreadPoolExecutor, as_completed, wait,
                                FIRST_COMPLETED, ALL_COMPLETED)
import time

def job(name, delay):
    time.sleep(delay)
    return f"{name}:{delay}"

with ThreadPoolExecutor(max_workers=4) as ex:
    fs = [ex.submit(job, n, d) for n, d in [("a", 0.18), ("b", 0.06), ("c", 0.12), ("d", 0.0)]]
    results = [f.result() for f in as_completed(fs)]
    print(sorted(results))
    print("completion order:", [r.split(":")[0] for r in results])

with ThreadPoolExecutor(max_workers=3) as ex:
    fast = ex.submit(job, "fast", 0.01)
    slow = ex.submit(job, "slow", 0.06)
    done, not_done = wait([fast, slow], return_when=FIRST_COMPLETED)
    print("first done:", [f.result() for f in done], "pending:", len(not_done))
    done, not_done = wait([fast, slow], return_when=ALL_COMPLETED)
    print("all done:", sorted(f.result() for f in done), len(not_done))
    lazy = ex.submit(job, "lazy", 0.05)
    done, not_done = wait([lazy], timeout=0.005)
    print("after timeout:", len(done), len(not_done))
