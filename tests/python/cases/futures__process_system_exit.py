# sys.exit() inside a ProcessPoolExecutor task does not end the worker: the SystemExit is
# caught there and returned as the future's exception.
import concurrent.futures
import multiprocessing
import sys


def leave(code):
    sys.exit(code)


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=ctx) as ex:
        f = ex.submit(leave, 4)
        e = f.exception(timeout=10)
        print(type(e).__name__, e.code)
        print("next task:", ex.submit(abs, -9).result(timeout=10))
