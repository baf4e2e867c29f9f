# An uncaught multiprocessing.TimeoutError from AsyncResult.get(timeout): the traceback names it
# multiprocessing.context.TimeoutError, as CPython defines it there; the pool is terminated on exit.
import multiprocessing
import time


def slow(x):
    time.sleep(0.5)
    return x


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    with multiprocessing.Pool(1) as pool:
        r = pool.apply_async(slow, (1,))
        print("waiting")
        print(r.get(timeout=0.05))
