# Uncaught AssertionError with a message, after the passing checks printed.
def check(values):
    checked = 0
    for v in values:
        assert v >= 0, f"negative value: {v}"
        print("ok", v)
        checked += 1
    return checked

print("first batch:", check([1, 2]))
check([3, 1, 0, -2, 5])
print("not reached")
