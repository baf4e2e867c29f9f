# Dividing ints is correctly rounded, as CPython's: big numerators and denominators, ties,
# negative signs, huge and tiny quotients; float() of an int beyond the floats refuses.
import random

random.seed(7)
cases = [(2**53 + 1, 3), (10**400, 10**399), (-(10**400), 3 * 10**399), (1, 3), (2**63, 2**62 + 1),
         (10**30 + 7, 10**15 + 3), (2**54 + 3, 2), (2**54 + 2, 4), (2**54 + 6, 4), (-7, 2**60), (1, 10**300), (1, 10**330)]
for a, b in cases:
    print(repr(a / b))
for _ in range(300):
    a = (random.randrange(10**9) * 10**31 + random.randrange(10**9)) * random.choice([-1, 1])
    b = (random.randrange(1, 10**9) * 10**16 + random.randrange(10**9)) * random.choice([-1, 1])
    print(repr(a / b), end=" ")
print()
for bad in [lambda: 10**400 / 3, lambda: float(10**400), lambda: 1 / 0]:
    try:
        bad()
    except (OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
print(0 / -5, (-0) / 5, (10**20) / (10**20))
for bad in [lambda: 10**400 * 1.5, lambda: 2.0 + 10**309, lambda: 10**400 < 1e308]:
    try:
        print(bad())
    except OverflowError as e:
        print(type(e).__name__, e)
print(10**308 * 1.0, 10**400 > 1e308, 10**400 == float("inf"))
