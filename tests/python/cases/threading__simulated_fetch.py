# The tutorial's threaded fetch, with sleeps standing in for network time (80 ms apart, so the
# completion order is fixed).
import threading
import time

PAGES = {"home": 0.26, "about": 0.10, "blog": 0.18, "contact": 0.02}
results = {}
started = {}
lock = threading.Lock()

def fetch(page):
    with lock:
        started[page] = time.perf_counter()
    time.sleep(PAGES[page])
    with lock:
        results[page] = f"<html>{page}</html>"

start = time.perf_counter()
threads = [threading.Thread(target=fetch, args=(p,), name=f"fetch-{p}") for p in PAGES]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
print("completion order:", list(results))
for page in sorted(results):
    print(page, len(results[page]))
print("all fetches in flight together:", max(started.values()) < started["home"] + PAGES["home"])
print("at least the slowest:", elapsed >= max(PAGES.values()))
