# A task that cannot be pickled does not make apply_async, map_async or imap raise: they
# return, and the error comes out of get() (or of iterating), as the pool's task handler sends
# it back; the other tasks and the pool are unaffected.
import multiprocessing
import threading


def same(x):
    return x


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        r = pool.apply_async(lambda: 1)
        print("apply_async returned")
        try:
            r.get(timeout=10)
        except Exception as e:
            print("get:", type(e).__name__)
        r = pool.map_async(lambda x: x, range(10))
        print("map_async returned")
        try:
            r.get(timeout=10)
        except Exception as e:
            print("get:", type(e).__name__)
        r = pool.map_async(same, [1, threading.Lock(), 3], chunksize=1)
        try:
            print(r.get(timeout=10))
        except Exception as e:
            print("get:", type(e).__name__, e)
        it = pool.imap(same, [1, threading.Lock(), 3])
        print("imap returned")
        print("first:", next(it))
        try:
            next(it)
        except TypeError as e:
            print("second: TypeError", e)
        print("third:", next(it))
        print(pool.map(same, [1, 2]))
