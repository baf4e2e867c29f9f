# Process lifecycle: is_alive, pid and exitcode before start, while running and after join.
import multiprocessing
import os
import time


def nap(seconds):
    time.sleep(seconds)


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    p = ctx.Process(target=nap, args=(0.2,))
    print("before start: alive", p.is_alive(), "pid", p.pid, "exitcode", p.exitcode)
    p.start()
    print("started: alive", p.is_alive(), "exitcode", p.exitcode)
    print("pid is an int:", isinstance(p.pid, int), "differs from parent:", p.pid != os.getpid())
    p.join()
    print("joined: alive", p.is_alive(), "exitcode", p.exitcode)
    try:
        p.start()
    except AssertionError as e:
        print("start twice:", e)
