# Containers compared with themselves, and holding the same inner containers; two threads
# comparing the same pair in opposite orders.
import threading

d = {1: 2, "s": {3}}
s = {1, 2}
l = [1, [2]]
print(d == d, s == s, s <= s, s < s, l == l, l < l, l >= l, d != d)
inner = {"x": {1, 2}}
a = {"k": inner, "s": s}
b = {"k": inner, "s": s}
print(a == b, [s, s] == [s, s], (s, d) == (s, d), {frozenset(s)} == {frozenset(s)})
big1 = {i: {i} for i in range(200)}
big2 = {i: {i} for i in range(200)}
results = []


def compare(x, y):
    for _ in range(300):
        results.append(x == y)


ts = [threading.Thread(target=compare, args=(big1, big2)), threading.Thread(target=compare, args=(big2, big1))]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(results), all(results))
