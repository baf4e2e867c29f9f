# functools (beyond issue 13's minimum subset): wraps, lru_cache, total_ordering, partial, reduce.
import functools

def traced(fn):
    @functools.wraps(fn)
    def wrapper(*args):
        print("calling", fn.__name__, args)
        return fn(*args)
    return wrapper

@traced
def mul(a, b):
    """Multiply."""
    return a * b

print(mul(6, 7), mul.__name__, mul.__doc__)

@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(90), fib.cache_info().hits > 0)

@functools.total_ordering
class Size:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __lt__(self, other):
        return self.n < other.n
    def __repr__(self):
        return f"Size({self.n})"

print(Size(3) >= Size(2), Size(1) <= Size(1), sorted([Size(5), Size(1), Size(3)]))
double = functools.partial(mul.__wrapped__, 2)
print(double(21), functools.reduce(lambda a, b: a * b, range(1, 11)), functools.reduce(max, [3, 9, 2], 0))
print(sorted(["bb", "a", "ccc"], key=functools.cmp_to_key(lambda x, y: len(y) - len(x))))
