# An exception in a ProcessPoolExecutor task: future.exception() returns it, result()
# re-raises it, and map raises it when iteration reaches the failing item.
import concurrent.futures
import multiprocessing


def invert(x):
    return 1 / x


class BadInput(Exception):
    pass


def validate(s):
    if not s.isdigit():
        raise BadInput("not a number: %r" % s)
    return int(s)


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=2, mp_context=ctx) as ex:
        f = ex.submit(invert, 0)
        e = f.exception(timeout=10)
        print("exception():", type(e).__name__, e)
        try:
            f.result()
        except ZeroDivisionError as e:
            print("result() raised:", e)
        g = ex.submit(validate, "12x")
        print("custom:", type(g.exception()).__name__, g.exception())
        print("ok task exception():", ex.submit(validate, "7").exception())
        got = []
        try:
            for v in ex.map(invert, [1, 2, 0, 4]):
                got.append(v)
        except ZeroDivisionError as e:
            print("map raised after", got, "-", e)
