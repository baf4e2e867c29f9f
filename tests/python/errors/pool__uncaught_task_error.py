# An exception in a pool task that the parent does not catch: its traceback shows, first, the
# task's traceback in the worker (as multiprocessing.pool.RemoteTraceback, the cause), then the
# parent's, ending with the exception itself.
import multiprocessing


def ratio(x):
    return 10 / x


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    with multiprocessing.Pool(2) as pool:
        print(pool.map(ratio, [1, 2]))
        print(pool.map(ratio, [5, 0, 2]))
