# add_done_callback, cancel of a queued future, running/cancelled states.
from concurrent.futures import ThreadPoolExecutor, CancelledError
import threading

gate = threading.Event()
started = threading.Event()
log = []

def blocker():
    started.set()
    gate.wait()
    return "blocker done"

with ThreadPoolExecutor(max_workers=1) as ex:
    first = ex.submit(blocker)
    queued = ex.submit(lambda: "never runs")
    started.wait()
    print("first running:", first.running(), "queued running:", queued.running())
    print("cancel queued:", queued.cancel(), queued.cancelled())
    print("cancel running:", first.cancel())
    first.add_done_callback(lambda f: log.append(("callback", f.result())))
    gate.set()
    print(first.result())
try:
    queued.result()
except CancelledError:
    print("CancelledError from cancelled future")
print(log)
done_already = first
done_already.add_done_callback(lambda f: print("immediate callback", f.done()))
