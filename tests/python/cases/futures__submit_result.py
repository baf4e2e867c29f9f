# ThreadPoolExecutor.submit: result(), exception(), done(), with-statement shutdown.
from concurrent.futures import ThreadPoolExecutor
import time

def square(x):
    time.sleep(0.005)
    return x * x

def fail(msg):
    raise ValueError(msg)

with ThreadPoolExecutor(max_workers=3) as pool:
    futures = [pool.submit(square, i) for i in range(6)]
    print([f.result() for f in futures])
    bad = pool.submit(fail, "nope")
    exc = bad.exception()
    print(type(exc).__name__, exc)
    try:
        bad.result()
    except ValueError as e:
        print("result() re-raises:", e)
    ok = pool.submit(square, 12)
    print(ok.result(), ok.exception(), ok.done())
    kw = pool.submit(lambda a, b=1: a - b, 10, b=3)
    print(kw.result())

print("after with: all done", all(f.done() for f in futures))
try:
    pool.submit(square, 1)
except RuntimeError as e:
    print("RuntimeError:", e)
