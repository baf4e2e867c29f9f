# apply_async with a callback: the callback runs in the parent (in the pool's result thread)
# with each result; get() gives the result too.
import multiprocessing
import os


def cube(x):
    return x ** 3, os.getpid()


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    collected = []
    parent = os.getpid()
    pool = multiprocessing.Pool(2)
    results = [pool.apply_async(cube, (i,), callback=collected.append) for i in range(5)]
    values = [r.get(timeout=10)[0] for r in results]
    pool.close()
    pool.join()
    print("via get:", values)
    print("via callback:", sorted(v for v, _ in collected))
    print("ran in children:", all(pid != parent for _, pid in collected))
    print("ready and successful:", all(r.ready() and r.successful() for r in results))
