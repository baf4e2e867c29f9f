# Pool.starmap unpacks each tuple into the function's arguments; apply() makes one call.
import multiprocessing


def power(base, exp):
    return base ** exp


def describe(name, count=1, *, unit="item"):
    return "%s: %d %s%s" % (name, count, unit, "" if count == 1 else "s")


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        print(pool.starmap(power, [(2, 10), (3, 3), (10, 0), (-2, 3)]))
        print(pool.starmap(power, zip(range(5), [2] * 5), chunksize=2))
        print(pool.apply(describe, ("apple",)))
        print(pool.apply(describe, ("pear", 3), {"unit": "box"}))
