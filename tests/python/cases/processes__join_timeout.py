# join(timeout) returns while the child still runs (exitcode None); a plain join waits for it.
import multiprocessing
import time


def slow():
    time.sleep(0.4)


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    p = ctx.Process(target=slow)
    p.start()
    t0 = time.monotonic()
    p.join(timeout=0.05)
    waited = time.monotonic() - t0
    print("after join(0.05): alive", p.is_alive(), "exitcode", p.exitcode, "waited >= 0.05:", waited >= 0.05)
    p.join()
    print("after join(): alive", p.is_alive(), "exitcode", p.exitcode)
    p.join(timeout=0.01)
    print("join again:", p.exitcode)
