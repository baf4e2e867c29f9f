# An exception raised by __exit__ is shown at the with statement's line.
class Guard:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, *exc):
        print("exit")
        raise RuntimeError("cleanup failed")


with Guard():
    print("inside")
print("not reached")
