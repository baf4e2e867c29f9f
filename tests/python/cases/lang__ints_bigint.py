# Integers: arbitrary precision, floor division and modulo with negatives.
import math

# === Big ints ===
print(2 ** 100)
print(math.factorial(30))
print(2 ** 64 - 1, -(2 ** 63))
big = 10 ** 30 + 7
print(big * big)
print(big // 3, big % 3)
print((2 ** 100).bit_length())
print(int("123456789012345678901234567890") + 1)

# === Floor division and modulo ===
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (-1, 10)]:
    print(a, b, a // b, a % b, divmod(a, b))

# === Bitwise and shifts ===
print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 70, (1 << 70) >> 68, -16 >> 2)

# === Misc ===
print(abs(-12), pow(3, 4), pow(3, 4, 5), pow(2, 100, 97))
print(int("-42"), int("  17 "), int("ff", 16), int("0b101", 0), int(3.99), int(-3.99))
print(hex(255), oct(8), bin(10))
print(True + True, 3 * False)
