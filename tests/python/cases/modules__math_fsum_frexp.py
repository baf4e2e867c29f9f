# math.fsum correctly rounded (Shewchuk's partials, then the half-way correction), its
# special values and errors; float.as_integer_ratio; math.frexp and ldexp, and set's
# symmetric_difference_update (with itself too).
import math
import random

print(math.fsum([1e16, 1.0, 1e-16]), math.fsum([0.1] * 10), math.fsum([]), math.fsum([-0.0]))
print(math.fsum([1, 2**53, 1, -2**53]), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([2.0**53, -0.5, -2.0**-54]))
random.seed(3)
for _ in range(5):
    xs = [random.uniform(-1, 1) * 10 ** random.randint(-20, 20) for _ in range(200)]
    print(repr(math.fsum(xs)))
print(math.fsum([math.inf, 1.0]), math.fsum([-math.inf]), math.fsum([math.nan, 1.0]))
for bad in [[math.inf, -math.inf], [1e308, 1e308]]:
    try:
        math.fsum(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for x in [0.5, 0.1, -2.5, 1e300, 5e-324, 0.0, -0.0, 3.0, 1 / 3]:
    print(x.as_integer_ratio(), math.frexp(x), math.ldexp(*math.frexp(x)) == x)
for bad in [lambda: math.nan.as_integer_ratio(), lambda: math.inf.as_integer_ratio(), lambda: math.ldexp(1.0, 5000), lambda: math.ldexp(1.0, 1.5)]:
    try:
        bad()
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
print(math.ldexp(1.0, -1080), math.ldexp(3, 2), math.frexp(math.inf), math.frexp(8))
s = {1, 2, 3}
s.symmetric_difference_update({3, 4})
print(sorted(s))
s.symmetric_difference_update(s)
print(s)
s = {1}
s.symmetric_difference_update([1, 2, 2])
print(s)
