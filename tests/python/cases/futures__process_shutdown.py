# `with ProcessPoolExecutor(...)` shuts down on exit, waiting for the tasks; after shutdown,
# submit raises RuntimeError.
import concurrent.futures
import multiprocessing
import time


def slow_square(x):
    time.sleep(0.1)
    return x * x


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=2, mp_context=ctx) as ex:
        futures = [ex.submit(slow_square, i) for i in range(4)]
    print("all done after with:", all(f.done() for f in futures))
    print("results:", [f.result() for f in futures])
    try:
        ex.submit(slow_square, 5)
    except RuntimeError as e:
        print("RuntimeError:", e)
    ex2 = concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=ctx)
    f = ex2.submit(slow_square, 6)
    ex2.shutdown(wait=True)
    print("after shutdown(wait=True):", f.done(), f.result())
    ex2.shutdown()
    print("second shutdown is harmless")
    try:
        concurrent.futures.ProcessPoolExecutor(max_workers=0, mp_context=ctx)
    except ValueError as e:
        print("ValueError:", e)
