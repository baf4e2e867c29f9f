# as_completed over ProcessPoolExecutor futures yields each once it is done (printed sorted,
# as the order varies); wait() returns them all in its done set.
import concurrent.futures
import multiprocessing
import time


def job(n):
    time.sleep(0.02 * (4 - n))
    return n * 10


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=3, mp_context=ctx) as ex:
        futures = {ex.submit(job, n): n for n in range(5)}
        results = []
        for f in concurrent.futures.as_completed(futures, timeout=20):
            results.append((futures[f], f.result()))
        print("as_completed:", sorted(results))
        more = [ex.submit(job, n) for n in (1, 2)]
        done, not_done = concurrent.futures.wait(more, timeout=20)
        print("wait:", len(done), len(not_done), sorted(f.result() for f in done))
