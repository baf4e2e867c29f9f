# Custom exception classes, raise from, __cause__/__context__, re-raise.
class AppError(Exception):
    pass

class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"missing {key!r}")
        self.key = key

class Retry(AppError):
    def __str__(self):
        return "retry later"

def lookup(d, key):
    try:
        return d[key]
    except KeyError as e:
        raise NotFound(key) from e

try:
    lookup({}, "x")
except AppError as e:
    print(type(e).__name__, e, e.key)
    print("cause:", repr(e.__cause__), e.__suppress_context__)
    print(e.args)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")
except ValueError as e:
    print("context:", type(e.__context__).__name__, e.__cause__)

try:
    try:
        raise KeyError("a")
    except KeyError:
        raise RuntimeError("hidden") from None
except RuntimeError as e:
    print("from None:", e.__cause__, e.__suppress_context__)

def reraiser():
    try:
        raise Retry()
    except AppError:
        print("logging and re-raising")
        raise
try:
    reraiser()
except Retry as e:
    print("got", e, repr(e))
print(issubclass(NotFound, Exception), isinstance(NotFound("k"), AppError))
err = ValueError("a", 2)
print(err.args, str(err), repr(err))
print(repr(Exception()), str(KeyError("k")), str(KeyError("k", 1)))
try:
    raise NotFound
except TypeError as e:
    print("TypeError:", e)
