# traceback: print_exc() and print_exception() write CPython's traceback to stderr and the program goes on, until an uncaught error ends it.
import traceback


def divide(a, b):
    return a / b


def job(n):
    if n < 0:
        raise ValueError("negative job: %d" % n)
    divide(n, 0)


for n in [3, -1]:
    try:
        job(n)
    except Exception:
        print("job", n, "failed")
        traceback.print_exc()
try:
    job(-2)
except ValueError as e:
    traceback.print_exception(e)
    traceback.print_exception(type(e), e, e.__traceback__, limit=1)
traceback.print_exc()
print("still running")
job(-3)
