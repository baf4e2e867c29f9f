# Class body scope, class vs instance attributes, mutable class attributes, __dict__-free checks.
class Config:
    defaults = {"debug": False}
    names = []
    size = 10
    doubled = size * 2

    def __init__(self, name):
        self.name = name
        Config.names.append(name)

    def bigger(self):
        return self.size + 1

a = Config("a")
b = Config("b")
print(Config.doubled, a.bigger(), Config.names, a.names is b.names)
a.size = 100
print(a.bigger(), b.bigger(), Config.size)
Config.size = 50
print(a.bigger(), b.bigger())
del a.size
print(a.bigger())
a.defaults["debug"] = True
print(b.defaults, Config.defaults)

class Counter:
    total = 0
    def add(self):
        self.total += 1
        return self.total

c1, c2 = Counter(), Counter()
print(c1.add(), c1.add(), c2.add(), Counter.total)

def make_class(greeting):
    class Greeter:
        def greet(self, who):
            return f"{greeting}, {who}"
    return Greeter

print(make_class("Hi")().greet("x"), make_class("Yo")().greet("y"))
Dynamic = type("Dynamic", (object,), {"value": 7, "get": lambda self: self.value * 2})
print(Dynamic().get(), Dynamic.__name__)
print(getattr(Config, "missing", "no attr"), hasattr(Config, "names"))
