# map_async returns at once; get(timeout) waits for the results, or raises
# multiprocessing.TimeoutError when they are not ready in time.
import multiprocessing
import time


def slow_inc(x):
    time.sleep(0.3)
    return x + 1


def inc(x):
    return x + 1


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        r = pool.map_async(inc, range(5))
        print("map_async:", r.get(timeout=10))
        slow = pool.map_async(slow_inc, [1, 2])
        try:
            slow.get(timeout=0.05)
        except multiprocessing.TimeoutError as e:
            print("TimeoutError", type(e).__module__, repr(str(e)))
        print("ready yet:", slow.ready())
        print("then:", slow.get(timeout=10))
        done = []
        pool.map_async(inc, [10, 20], callback=done.append).wait()
        time.sleep(0.05)
        print("callback got:", done)
