# as_completed(timeout) over process futures raises TimeoutError naming how many are unfinished;
# map's timeout raises TimeoutError when a result is late.
import concurrent.futures
import multiprocessing
import time


def nap(x):
    time.sleep(x)
    return x


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(2, mp_context=ctx) as ex:
        ex.submit(nap, 0).result()
        futures = [ex.submit(nap, 0.3), ex.submit(nap, 0.3)]
        try:
            for f in concurrent.futures.as_completed(futures, timeout=0.05):
                print("finished early?", f.result())
        except concurrent.futures.TimeoutError as e:
            print("TimeoutError:", e)
        try:
            list(ex.map(nap, [0.3], timeout=0.05))
        except concurrent.futures.TimeoutError as e:
            print("map TimeoutError", type(e).__name__)
        print("then:", sorted(f.result() for f in futures))
