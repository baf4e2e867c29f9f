# invariant: same-lines
# Jobs with equal delays complete in an order that depends on thread scheduling; printed as
# they complete, the lines vary in order but not in content.
from concurrent.futures import ThreadPoolExecutor, as_completed
import time
import sys

def say(text):
    # One write per line: print() writes the text and the newline separately, and another
    # thread can write in between, tearing lines (seen in CPython 3.11).
    sys.stdout.write(text + "\n")

def job(i):
    time.sleep(0.02)
    return i * i

with ThreadPoolExecutor(max_workers=4) as ex:
    futures = {ex.submit(job, i): i for i in range(8)}
    for f in as_completed(futures):
        say(f"job {futures[f]} -> {f.result()}")
print("all jobs done")
