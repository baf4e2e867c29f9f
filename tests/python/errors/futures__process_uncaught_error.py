# An exception in a ProcessPoolExecutor task, uncaught in the parent: result() raises it with
# the worker's traceback as its cause (concurrent.futures.process._RemoteTraceback).
import concurrent.futures
import multiprocessing


def lookup(key):
    table = {"a": 1}
    return table[key]


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=ctx) as ex:
        print(ex.submit(lookup, "a").result())
        print(ex.submit(lookup, "b").result())
