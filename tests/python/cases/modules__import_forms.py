# import forms: import x, import x as y, from x import a, b; missing module errors.
import math as m
from math import floor, ceil
from collections import deque, defaultdict, Counter, namedtuple
import threading, queue

print(m.sqrt(9), floor(2.5), ceil(2.5))
dq = deque([1, 2, 3])
dq.appendleft(0)
dq.append(4)
print(dq, dq.popleft(), dq.pop(), list(dq))
dd = defaultdict(list)
for word in ["apple", "avocado", "banana"]:
    dd[word[0]].append(word)
print(dict(dd))
c = Counter("abracadabra")
print(c.most_common(2), c["a"], c["z"])
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x + p.y, p[0], p._replace(x=5))
print(threading.Lock is not None, queue.Queue.__name__)

try:
    import numpy_does_not_exist
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    from math import no_such_name
except ImportError as e:
    print("ImportError:", type(e).__name__)
print(isinstance(ModuleNotFoundError(), ImportError))
