# imap's iterator has next(timeout): a result not ready in time raises
# multiprocessing.TimeoutError, and the same iterator gives it later.
import multiprocessing
import time


def slow(x):
    time.sleep(0.3)
    return x * 2


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(1) as pool:
        it = pool.imap(slow, [1, 2])
        try:
            it.next(timeout=0.05)
        except multiprocessing.TimeoutError:
            print("not ready after 0.05 s")
        print("then:", it.next(timeout=10), next(it))
        try:
            next(it)
        except StopIteration:
            print("StopIteration")
        done = []
        r = pool.starmap_async(divmod, [(7, 2), (9, 4)], callback=done.append)
        print("starmap_async:", r.get(timeout=10))
        time.sleep(0.05)
        print("callback:", done)
