# A multiprocessing.Queue submitted to a ProcessPoolExecutor: the call cannot be sent, and the
# future's exception says why (RuntimeError: ... shared between processes through inheritance).
import concurrent.futures
import multiprocessing


def use(q):
    q.put(1)


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    q = ctx.Queue()
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=ctx) as ex:
        f = ex.submit(use, q)
        e = f.exception(timeout=10)
        print(type(e).__name__ + ":", e)
        print("the executor still works:", ex.submit(max, 3, 8).result(timeout=10))
