# Decorators: plain, with arguments, stacked, functools.wraps.
import functools

def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print(f"call {fn.__name__}{args}")
        result = fn(*args, **kwargs)
        print(f"ret {result}")
        return result
    return wrapper

@logged
def add(a, b):
    """Add two numbers."""
    return a + b
add(2, 3)
print(add.__name__, add.__doc__)

def repeat(times):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco

@repeat(3)
def hello(name):
    return "hi " + name
print(hello("x"))

def tag(label):
    def deco(fn):
        def wrapper():
            return f"<{label}>{fn()}</{label}>"
        return wrapper
    return deco

@tag("b")
@tag("i")
def text():
    return "t"
print(text())
calls = []
def register(fn):
    calls.append(fn.__name__)
    return fn

@register
def one(): pass
@register
def two(): pass

print(calls)

@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80))
