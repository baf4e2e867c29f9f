# What Process refuses: joining one never started, starting one twice, changing daemon after
# start, and run() called directly runs the target here, in the parent.
import multiprocessing
import os

calls = []


def record(tag):
    calls.append((tag, os.getpid()))


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    p = ctx.Process(target=record, args=("direct",))
    try:
        p.join()
    except AssertionError as e:
        print("join before start:", e)
    p.run()
    print("run() in the parent:", calls == [("direct", os.getpid())])
    p.start()
    try:
        p.daemon = True
    except AssertionError as e:
        print("daemon after start:", e)
    p.join()
    print("child's call not seen here:", len(calls))
    empty = ctx.Process()
    empty.start()
    empty.join()
    print("no target:", empty.exitcode)
    try:
        ctx.Pool(0)
    except ValueError as e:
        print("Pool(0):", e)
