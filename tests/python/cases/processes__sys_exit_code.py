# sys.exit in a child sets its exitcode: sys.exit(3) -> 3, sys.exit() -> 0, sys.exit("text") -> 1.
import multiprocessing
import sys


def leave(code):
    if code == "none":
        sys.exit()
    sys.exit(code)


def returns():
    return 42


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    for code in [3, 0, "none", "bye", 255]:
        p = ctx.Process(target=leave, args=(code,))
        p.start()
        p.join()
        print("sys.exit(%r) -> exitcode %r" % (code, p.exitcode))
    p = ctx.Process(target=returns)
    p.start()
    p.join()
    print("return value ignored -> exitcode", p.exitcode)
