# contextlib (beyond issue 13's minimum subset): contextmanager, suppress, ExitStack.
import contextlib

@contextlib.contextmanager
def section(title):
    print(f"<{title}>")
    try:
        yield len(title)
    finally:
        print(f"</{title}>")

with section("body") as n:
    print("n =", n)

try:
    with section("failing"):
        raise ValueError("inside")
except ValueError as e:
    print("propagated:", e)

with contextlib.suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed")

with contextlib.ExitStack() as stack:
    for name in ("a", "b", "c"):
        stack.enter_context(section(name))
    stack.callback(print, "callback runs first on exit")
    print("inside the stack")
