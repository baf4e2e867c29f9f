# copy: copy and deepcopy of lists, dicts, sets, tuples and instances; shared objects and cycles (memo); __copy__/__deepcopy__, __getstate__/__setstate__, __reduce__; what cannot be copied.
import copy
import threading

# === Containers ===
nested = {"a": [1, 2], "b": ({"x": 1}, "s"), "c": 3.5}
shallow = copy.copy(nested)
deep = copy.deepcopy(nested)
nested["a"].append(99)
print(shallow["a"], deep["a"], shallow == nested, deep == nested, shallow["b"] is nested["b"], deep["b"] is nested["b"])
rows = [[0] * 3 for _ in range(2)]
grid = copy.deepcopy(rows)
grid[0][0] = 7
print(rows, grid, copy.copy(rows)[1] is rows[1])
t = (1, "a", (2, 3))
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2]))[1] is not None)
s = {1, 2, (3, 4)}
fs = frozenset([1, 2])
print(copy.copy(s) == s, copy.copy(s) is s, copy.deepcopy(s) == s, copy.copy(fs) is fs, copy.deepcopy(fs) == fs)
print(copy.copy(None), copy.deepcopy(3.5), copy.copy("text"), copy.deepcopy(b"xy"), copy.copy(range(3)), copy.copy(len) is len)

# === Shared objects and cycles ===
shared = [0]
pair = copy.deepcopy([shared, shared])
print(pair[0] is pair[1], pair[0] is shared)
loop = [1, [2, 3]]
loop.append(loop)
twin = copy.deepcopy(loop)
print(twin[2] is twin, twin[1] is not loop[1], twin[:2])
memo = {}
a = [1]
b = copy.deepcopy([a, a], memo)
print(len(memo), b, memo[id(a)] is b[0])

# === Instances ===
class Point:
    def __init__(self, x, y):
        print("Point.__init__", x, y)
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)

p = Point([1, 2], {"k": [3]})
q = copy.copy(p)
r = copy.deepcopy(p)
p.x.append(3)
print(q, r, q.x is p.x, r.y == p.y, r.y is p.y, type(r).__name__)

class Node:
    def __init__(self, value):
        self.value = value
        self.next = None

n1, n2 = Node(1), Node(2)
n1.next, n2.next = n2, n1
c1 = copy.deepcopy(n1)
print(c1.next.next is c1, c1.next.value, c1 is not n1, c1.next is not n2)

class Custom:
    def __copy__(self):
        print("__copy__ called")
        return "a copy"

    def __deepcopy__(self, memo):
        print("__deepcopy__ called with", type(memo).__name__)
        return "a deep copy"

print(copy.copy(Custom()), copy.deepcopy([Custom()]))

class Account:
    def __init__(self):
        self.lock = threading.Lock()
        self.history = [100]

    def __getstate__(self):
        state = dict(vars(self))
        del state["lock"]
        return state

    def __setstate__(self, state):
        for name, value in state.items():
            setattr(self, name, value)
        self.lock = threading.Lock()

acct = copy.deepcopy(Account())
print(acct.history, acct.lock.locked(), sorted(vars(acct)))

class Doubler:
    def __init__(self, v):
        self.v = v

    def __reduce__(self):
        print("__reduce__ called")
        return (Doubler, (self.v * 2,))

print(copy.copy(Doubler(2)).v, copy.deepcopy(Doubler([1])).v)
err = ValueError("bad value", 2)
err.detail = [1]
err2 = copy.copy(err)
print(repr(err2), err2.args, err2.detail is err.detail, repr(copy.deepcopy(err)))

# === What cannot be copied ===
def error(f, *args):
    try:
        f(*args)
    except Exception as e:
        print(type(e).__name__ + ":", e)

def gen():
    yield 1

error(copy.copy, threading.Lock())
error(copy.deepcopy, {"lock": threading.Lock()})
error(copy.copy, gen())
error(copy.deepcopy, copy)
print(issubclass(copy.Error, Exception), copy.error is copy.Error)
