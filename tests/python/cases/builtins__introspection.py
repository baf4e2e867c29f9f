# isinstance/issubclass with tuples, type(), callable, hasattr/getattr/setattr/delattr, vars.
class Base:
    kind = "base"

class Child(Base):
    def __init__(self):
        self.x = 1

c = Child()
print(isinstance(c, Child), isinstance(c, Base), isinstance(c, (int, Base)), isinstance(c, int))
print(issubclass(Child, Base), issubclass(Base, Child), issubclass(Child, (int, object)))
print(type(c) is Child, type(c).__name__, type(Child).__name__, type(type).__name__)
print(isinstance(True, int), isinstance(1, bool), isinstance(None, object), isinstance(int, type))
print(callable(c), callable(Child), callable(c.__init__), callable("s".upper))

print(hasattr(c, "x"), hasattr(c, "y"), hasattr(c, "kind"))
print(getattr(c, "x"), getattr(c, "y", "default"), getattr(c, "kind"))
setattr(c, "y", 42)
print(c.y, vars(c))
delattr(c, "y")
print(hasattr(c, "y"), vars(c))
try:
    getattr(c, "nope")
except AttributeError as e:
    print("AttributeError:", e)
try:
    del c.nope
except AttributeError as e:
    print("AttributeError on del")

print(type(3)(4.9), type("x")(12), type([])("ab"), type(c)().x)
print([t.__name__ for t in (int, float, str, bool, list, tuple, dict, set, type(None))])
print(isinstance(3.0, (int, float)), isinstance("3", (int, float)))
print(len(dir(c)) > 10, "x" in dir(c), "kind" in dir(c))
