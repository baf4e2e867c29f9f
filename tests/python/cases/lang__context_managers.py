# with statements: __enter__/__exit__, exception suppression, early exits (contextlib: see
# modules__contextlib.py).

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

def in_loop_break():
    for i in range(5):
        with Tracker(f"brk{i}"):
            if i == 1:
                break
in_loop_break()
for i in range(3):
    with Tracker(f"loop{i}"):
        if i == 1:
            continue
        print("body", i)
