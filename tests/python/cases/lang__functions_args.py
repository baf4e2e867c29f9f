# Function arguments: defaults, keywords, *args, **kwargs, keyword-only.
def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"

print(greet("Ann"))
print(greet("Ann", "Hi"))
print(greet("Ann", punct="?"))
print(greet(punct=".", name="Bob"))

def collect(*args, **kwargs):
    return args, kwargs

print(collect())
print(collect(1, 2, a=3, b=4))
print(collect(*[1, 2], **{"z": 0}))

def kwonly(a, *, b, c=3):
    return a + b + c

print(kwonly(1, b=2), kwonly(1, b=2, c=10))
try:
    kwonly(1, 2)
except TypeError as e:
    print("TypeError:", e)

def posonly(a, b, /, c):
    return a, b, c

print(posonly(1, 2, c=3))

def mixed(a, b=2, *rest, key=None, **extra):
    return a, b, rest, key, sorted(extra.items())

print(mixed(1))
print(mixed(1, 5, 6, 7, key="k", x=1, w=2))

# === mutable default ===
def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket

print(append_to(1), append_to(2))

def f(x):
    "doc here"
    return x
print(f.__name__, f.__doc__, greet.__defaults__)
try:
    greet()
except TypeError as e:
    print("TypeError:", e)
try:
    greet("a", nope=1)
except TypeError as e:
    print("TypeError:", e)
