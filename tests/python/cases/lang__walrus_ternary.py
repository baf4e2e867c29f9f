# Assignment expressions, conditional expressions, augmented assignment on containers.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list of", n)
print([y for x in data if (y := x * 2) > 6])
values = iter([5, 0, 7])
while (v := next(values, None)) is not None:
    print("value", v, "zero" if v == 0 else "even" if v % 2 == 0 else "odd")

counts = {"a": 1}
counts["a"] += 5
counts["b"] = counts.get("b", 0) + 1
print(counts)
lst = [1, 2]
lst += [3]
lst *= 2
print(lst)
s = "ab"
s += "c"
s *= 2
print(s)
x = 10
x -= 3
x *= 4
x //= 5
x **= 2
x %= 7
x <<= 3
x |= 1
print(x)
t = (1,)
t2 = t
t += (2,)
print(t, t2, t is t2)
l1 = [1]
l2 = l1
l1 += [2]
print(l1, l2, l1 is l2)
f = 7.5
f /= 2
print(f)
