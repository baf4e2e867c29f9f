# ProcessPoolExecutor: futures still waiting for a worker can be cancelled (cancel() is True and
# they never run); shutdown(cancel_futures=True) cancels all those still pending.
import concurrent.futures
import multiprocessing
import time


def nap(x):
    time.sleep(0.15)
    return x


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    ex = concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=ctx)
    futures = [ex.submit(nap, i) for i in range(8)]
    last = futures[-1]
    print("cancel the last:", last.cancel(), last.cancelled())
    print("first result:", futures[0].result())
    print("cancel a finished one:", futures[0].cancel())
    ex.shutdown(wait=True, cancel_futures=True)
    states = ["cancelled" if f.cancelled() else "done" for f in futures]
    print("first two done:", states[:2])
    print("last cancelled:", states[-1])
    print("all finished one way or the other:", all(f.done() for f in futures))
    try:
        last.result()
    except concurrent.futures.CancelledError:
        print("result() of a cancelled future raises CancelledError")
