# An uncaught exception in a child gives exitcode 1 (its traceback goes to stderr, under
# "Process NAME:"); the parent carries on.
import multiprocessing


def fail(x):
    return 10 // x


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    bad = ctx.Process(target=fail, args=(0,), name="divider")
    good = ctx.Process(target=fail, args=(5,))
    bad.start()
    good.start()
    bad.join()
    good.join()
    print("bad:", bad.name, bad.exitcode)
    print("good:", good.exitcode)
    print("parent continues")
