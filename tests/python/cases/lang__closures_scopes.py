# Closures, nonlocal, global, lambda.
def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(10), c2())

total = 0
def add_global(n):
    global total
    total += n

add_global(5)
add_global(7)
print(total)

def make_multipliers():
    return [lambda x, k=k: x * k for k in range(1, 4)]

print([m(10) for m in make_multipliers()])

def outer():
    x = "outer-x"
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())
square = lambda v: v * v
print(square(7), (lambda a, b=2: a ** b)(3), (lambda *a: len(a))(1, 2, 3))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
x = "global"
def shadow():
    x = "local"
    return x
print(shadow(), x)

def uses_before_assign():
    try:
        print(y)
    except NameError as e:
        print("NameError:", e)
    y = 1
    return y
uses_before_assign()

def read_global():
    return x.upper()
print(read_global())
adders = {}
for name, n in [("one", 1), ("two", 2)]:
    adders[name] = (lambda n: lambda v: v + n)(n)
print(adders["one"](10), adders["two"](10))
