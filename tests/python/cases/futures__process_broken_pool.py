# A worker that ends abruptly (os._exit) breaks a ProcessPoolExecutor: the call it ran and
# every call not yet finished fail with BrokenProcessPool, and the executor takes no more.
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from concurrent.futures import BrokenExecutor


def work(x):
    if x < 0:
        os._exit(3)
    return x * x


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    ex = ProcessPoolExecutor(2)
    print(ex.submit(work, 4).result())
    f = ex.submit(work, -1)
    try:
        f.result()
    except BrokenProcessPool as e:
        print(type(e).__name__, "|", e)
        print(isinstance(e, BrokenExecutor), isinstance(e, RuntimeError))
    print(f.done(), f.exception() is not None)
    try:
        ex.submit(work, 2)
    except BrokenProcessPool as e:
        print("submit:", e)
    ex.shutdown()
    print("shut down")
    with ProcessPoolExecutor(2) as ex2:
        print(list(ex2.map(work, [1, 2, 3])))
        r = ex2.map(work, [-2])
        try:
            print(list(r))
        except BrokenProcessPool as e:
            print("map:", e)
    print("end")
