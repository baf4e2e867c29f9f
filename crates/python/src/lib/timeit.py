# timeit: time a callable, as CPython's timeit does (Timer with timeit, repeat and autorange;
# the timeit() and repeat() functions; default_timer is time.perf_counter). The engine has
# no exec(), so a statement given as a string can only be "pass": any other string raises
# NotImplementedError, which says to pass a callable (a lambda or a function) instead. There
# is no command-line interface, and the garbage collector is not paused while timing.

import time

default_timer = time.perf_counter
default_number = 1000000
default_repeat = 5


def _nothing():
    pass


def _as_callable(what, kind):
    if isinstance(what, str):
        if what.strip() in ("", "pass"):
            return None
        raise NotImplementedError(
            "timeit: a %s given as a string needs exec(), which this playground does not have;"
            " pass a callable instead, e.g. timeit.timeit(lambda: sum(range(100)), number=1000)" % kind)
    if callable(what):
        return what
    raise ValueError("%s is neither a string nor callable" % kind)


class Timer:
    def __init__(self, stmt="pass", setup="pass", timer=default_timer, globals=None):
        self.timer = timer
        self._setup = _as_callable(setup, "setup")
        self._stmt = _as_callable(stmt, "stmt")

    def _run(self, number):
        if self._setup is not None:
            self._setup()
        stmt = self._stmt
        timer = self.timer
        if stmt is None:
            t0 = timer()
            for _ in range(number):
                pass
            t1 = timer()
        else:
            t0 = timer()
            for _ in range(number):
                stmt()
            t1 = timer()
        return t1 - t0

    def timeit(self, number=default_number):
        return self._run(number)

    def repeat(self, repeat=default_repeat, number=default_number):
        timings = []
        for _ in range(repeat):
            timings.append(self.timeit(number))
        return timings

    def autorange(self, callback=None):
        scale = 1
        while True:
            for step in (1, 2, 5):
                number = scale * step
                taken = self.timeit(number)
                if callback:
                    callback(number, taken)
                if taken >= 0.2:
                    return (number, taken)
            scale *= 10

    def print_exc(self, file=None):
        import traceback
        traceback.print_exc(file=file)


def timeit(stmt="pass", setup="pass", timer=default_timer, number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer, repeat=default_repeat, number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)
