# collections (beyond issue 13's minimum subset): deque, defaultdict, Counter, namedtuple, OrderedDict.
from collections import deque, defaultdict, Counter, namedtuple, OrderedDict

dq = deque([1, 2, 3])
dq.appendleft(0)
dq.append(4)
print(dq, dq.popleft(), dq.pop(), list(dq))
window = deque(maxlen=3)
for i in range(6):
    window.append(i)
print(window, list(window))
dq.rotate(1)
print(dq)

dd = defaultdict(list)
for word in ["apple", "avocado", "banana", "cherry", "blueberry"]:
    dd[word[0]].append(word)
print(dict(dd), dd["z"], len(dd))

c = Counter("abracadabra")
print(c.most_common(2), c["a"], c["z"], sorted(c.items()))
c.update("zz")
print(c["z"], sum(c.values()))

Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x + p.y, p[0], p._replace(x=5), p._asdict(), tuple(p))
x, y = p
print(x, y, Point._fields)

od = OrderedDict(b=1, a=2)
od.move_to_end("b")
print(list(od), od.popitem(last=False))
