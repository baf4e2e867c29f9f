# Pool.terminate() stops the workers at once, without finishing queued work: a result that was
# not ready is still not ready afterwards; a `with` block ends the pool the same way.
import multiprocessing
import time


def slow(x):
    time.sleep(0.5)
    return x


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    pool = multiprocessing.Pool(2)
    r = pool.map_async(slow, range(6), chunksize=1)
    time.sleep(0.1)
    pool.terminate()
    pool.join()
    print("ready after terminate:", r.ready())
    try:
        pool.apply_async(slow, (1,))
    except ValueError as e:
        print("after terminate:", e)
    with multiprocessing.Pool(1) as p2:
        pending = p2.apply_async(slow, (2,))
    print("ready after with:", pending.ready())
