# Decorators that register functions and that memoize, and a class-based decorator.
calls = []
def register(fn):
    calls.append(fn.__name__)
    return fn

@register
def one():
    pass

@register
def two():
    pass

print(calls)

def memoize(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper

@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80))

class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0

    def __call__(self, *args):
        self.calls += 1
        return self.fn(*args)

@CountCalls
def greet(name):
    return f"hello {name}"

print(greet("a"), greet("b"), greet.calls, type(greet).__name__)
