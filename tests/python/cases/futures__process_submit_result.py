# ProcessPoolExecutor.submit runs a call in a worker process; result() waits for its value.
import concurrent.futures
import multiprocessing
import os


def combine(a, b, sep="-"):
    return sep.join([a, b]), os.getpid()


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    ex = concurrent.futures.ProcessPoolExecutor(max_workers=2, mp_context=ctx)
    f1 = ex.submit(combine, "a", "b")
    f2 = ex.submit(combine, "x", "y", sep="+")
    value1, pid1 = f1.result(timeout=10)
    value2, pid2 = f2.result(timeout=10)
    print(value1, value2)
    print("done:", f1.done(), f2.done(), "running:", f1.running())
    print("in another process:", pid1 != os.getpid() and pid2 != os.getpid())
    f3 = ex.submit(pow, 2, 20)
    print("pow:", f3.result())
    print("cancel a finished future:", f3.cancel())
    ex.shutdown()
    print("shut down")
