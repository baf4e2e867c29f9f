# for/while with break/continue/else, chained comparisons, conditional expressions.
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    print("for", i)
else:
    print("for-else not reached")

for i in range(3):
    pass
else:
    print("for-else ran, i =", i)

n = 0
while n < 5:
    n += 1
    if n == 3:
        continue
    print("while", n)
else:
    print("while-else ran")

n = 0
while True:
    n += 1
    if n >= 4:
        break
print("broke at", n)

def find(items, target):
    for idx, item in enumerate(items):
        if item == target:
            print("found at", idx)
            break
    else:
        print("not found")

find("abc", "b")
find("abc", "z")

# === chained comparisons ===
x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6, x == 5 == 5.0, 1 < 2 > 0 != 3)
print(3 if x > 4 else 4, "neg" if x < 0 else "zero" if x == 0 else "pos")

# === nested loops ===
for a in range(3):
    for b in range(3):
        if b == a:
            break
        print(a, b, end="; ")
print()
k = 10
while k:
    k //= 2
    print(k, end=" ")
print()
