# Floats: repr, arithmetic, rounding, conversion.
import math

# === repr ===
print(0.1 + 0.2)
print(1e20, 1e16, 1e15, 1.5e-7, 0.0001, 123456789.123)
print(1 / 3, 2 / 3, 10 / 4, 7 / 7)
print(float("3.25"), float("-1e3"), float("inf"), float("-inf"))
print(repr(1.0), str(2.5), -0.0)
print(3.0 * 1.1, 100.0 / 3.0)

# === round ===
print(round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(2.675, 2))
print(round(1234.5678, -2), round(7), round(7.0))
print(type(round(2.5)).__name__, type(round(2.5, 1)).__name__)

# === floor division and modulo on floats ===
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2)
print(divmod(-7.5, 2))

# === comparisons and conversions ===
print(0.1 + 0.2 == 0.3, math.isclose(0.1 + 0.2, 0.3))
print(int(1e20), float(2 ** 60))
print(1 == 1.0, hash(1) == hash(1.0))
print(math.isinf(float("inf")), math.isnan(float("nan")))
print(2 ** 0.5, 10 ** -2)
