# Uncaught AssertionError with a message, after the passing checks printed.
def check(values):
    for v in values:
        assert v >= 0, f"negative value: {v}"
        print("ok", v)

check([3, 1, 0, -2, 5])
