# math module: sqrt, floor, ceil, pi, e, gcd, and friends.
import math
from math import sqrt, pi

print(math.sqrt(16), sqrt(2), math.sqrt(0.25))
print(math.floor(3.7), math.floor(-3.2), math.ceil(3.2), math.ceil(-3.7), type(math.floor(1.5)).__name__)
print(math.pi, pi == math.pi, math.e, math.tau)
print(round(math.pi, 4), f"{math.pi:.10f}")
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(2 ** 40, 6 ** 20), math.lcm(4, 6))
print(math.factorial(10), math.factorial(25))
print(math.isqrt(99), math.isqrt(10 ** 30))
print(math.pow(2, 10), math.exp(0), math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 12), round(math.atan2(1, 1), 6))
print(math.hypot(3, 4), math.fabs(-2), math.trunc(-2.7), math.copysign(3, -0.0))
print(math.inf > 10 ** 300, -math.inf, math.isnan(math.nan), math.isfinite(1.0))
print(math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3, 4]), math.fsum([0.1] * 10))
print(math.degrees(math.pi), math.radians(180))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
