# Slicing of lists, strings and tuples, including negative steps.
a = list(range(10))
s = "abcdefghij"

print(a[2:5], a[:3], a[7:], a[-3:], a[:-7], a[:])
print(a[::2], a[1::3], a[::-1], a[::-2], a[8:2:-2], a[-1:-4:-1])
print(a[5:2], a[100:], a[-100:2], a[2:100:4])
print(s[1:4], s[::-1], s[::3], s[-1], s[-2:], s[:-1][::-1])
print((1, 2, 3, 4)[1:3], (1, 2, 3)[::-1])
print(s[slice(1, 6, 2)], a[slice(None, None, -3)])

# === copy semantics ===
b = a[:]
b[0] = 99
print(a[0], b[0])

# === assignment to slices ===
c = [0, 1, 2, 3, 4, 5]
c[1:3] = []
print(c)
c[:0] = ["start"]
print(c)
c[len(c):] = ["end"]
print(c)
c[::-1] = list(range(len(c)))
print(c)
del c[::2]
print(c)
try:
    c[::2] = [1, 2, 3, 4, 5]
except ValueError as e:
    print("ValueError:", e)
try:
    print(a[::0])
except ValueError as e:
    print("ValueError:", e)
