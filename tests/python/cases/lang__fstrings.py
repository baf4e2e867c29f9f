# f-strings with format specs and conversions.
x = 42
y = 3.14159
z = "hi"
n = 1234567

# === alignment ===
print(f"[{x:>5}]", f"[{x:<5}]", f"[{x:^5}]", f"[{x:05}]", f"[{z:*^8}]")

# === precision ===
print(f"{y:.2f}", f"{y:.0f}", f"{y:10.3f}|", f"{y:e}", f"{y:.3g}", f"{0.5:.1%}")

# === conversions ===
print(f"{z!r}", f"{z!s}", f"{[1, 'a']!r}")

# === thousands and bases ===
print(f"{n:,}", f"{n:_}", f"{1234.5678:,.2f}", f"{255:x}", f"{255:#x}", f"{5:b}", f"{8:o}", f"{255:08b}")

# === signs ===
print(f"{x:+}", f"{-x:+}", f"{x: }", f"{-3.5:.1f}")

# === expressions ===
items = [1, 2, 3]
print(f"{sum(items)} {len(items) * 2} {items[-1]} {'yes' if x > 10 else 'no'}")
width = 7
print(f"[{x:>{width}}]", f"[{y:.{2}f}]")
print(f"{x=}", f"{y=:.1f}")
print(f"{{literal}} {x}")
d = {"a": 1}
print(f"{d['a']}")
print(format(3.5, "08.3f"), format(10, "x"), format("s", ">3"))
