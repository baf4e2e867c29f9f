# What a pool can call: a bound method (its object is pickled with it), a static method and a
# class method (found by qualified name), a functools.partial of a module-level function, and
# a builtin.
import functools
import multiprocessing


class Scaler:
    def __init__(self, factor):
        self.factor = factor

    def scale(self, x):
        return x * self.factor

    @staticmethod
    def double(x):
        return 2 * x

    @classmethod
    def describe(cls, x):
        return "%s(%d)" % (cls.__name__, x)


def power(base, exp):
    return base ** exp


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        print(pool.map(Scaler(3).scale, range(4)))
        print(pool.map(Scaler.double, range(4)))
        print(pool.map(Scaler.describe, range(2)))
        print(pool.map(functools.partial(power, exp=3), range(4)))
        print(pool.map(functools.partial(power, 2), range(5)))
        print(pool.map(len, ["a", "bb", "ccc"]))
