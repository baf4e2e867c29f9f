# with statements: __enter__/__exit__, exception suppression, contextlib.
import contextlib

class Tracker:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print(f"enter {self.name}")
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        print(f"exit {self.name} {exc_type.__name__ if exc_type else None} {exc}")
        return self.suppress

with Tracker("a") as value:
    print("inside", value)

with Tracker("b", suppress=True):
    raise ValueError("swallowed")
print("after b")

try:
    with Tracker("c"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))

with Tracker("outer") as o, Tracker("inner") as i:
    print("both", o, i)

def early():
    with Tracker("ret"):
        return "returned"
print(early())

@contextlib.contextmanager
def section(title):
    print(f"<{title}>")
    try:
        yield len(title)
    finally:
        print(f"</{title}>")

with section("body") as n:
    print("n =", n)

with contextlib.suppress(ZeroDivisionError):
    1 / 0
print("suppressed")
for i in range(3):
    with Tracker(f"loop{i}"):
        if i == 1:
            continue
        print("body", i)
