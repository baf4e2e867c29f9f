# bool and None: truthiness, identity, operators.
values = [0, 1, -1, 0.0, "", "a", [], [0], {}, {"k": 1}, (), set(), None, True, False]
for v in values:
    print(repr(v), bool(v))

# === and / or return operands ===
print(0 or "default", "x" or "y", 0 and 5, 3 and 5, None or [] or "last")
print(not 0, not "s")

# === None ===
x = None
print(x is None, x is not None, x == None, type(x).__name__)
def f():
    pass
print(f())

# === bool is int ===
print(True + 1, True * 10, isinstance(True, int), int(False), str(True))
print(True == 1, 1.0 == True)
print(sum([True, True, False, True]))
print(max(False, True), repr(bool("False")))
