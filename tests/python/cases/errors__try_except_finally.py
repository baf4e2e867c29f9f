# try/except/else/finally flow, including return inside finally paths.
def attempt(x):
    try:
        print("  try", x)
        r = 10 / x
    except ZeroDivisionError as e:
        print("  except", type(e).__name__, e)
        return "from-except"
    else:
        print("  else", r)
        return "from-else"
    finally:
        print("  finally", x)

print(attempt(2))
print(attempt(0))

def finally_overrides():
    try:
        return "try"
    finally:
        print("  finally runs before return")

print(finally_overrides())

def multi(v):
    try:
        if v == 0:
            raise KeyError("key")
        if v == 1:
            raise IndexError("idx")
        if v == 2:
            raise TypeError("type")
        return "ok"
    except (KeyError, IndexError) as e:
        return f"lookup {type(e).__name__}"
    except Exception as e:
        return f"other {type(e).__name__}: {e}"
print([multi(v) for v in range(4)])
try:
    try:
        raise ValueError("inner")
    finally:
        print("inner finally")
except ValueError as e:
    print("outer caught", e)
try:
    [][1]
except LookupError as e:
    print("LookupError catches", type(e).__name__, e)
try:
    raise RuntimeError
except RuntimeError as e:
    print("bare class raise:", repr(e), str(e) == "")
e = "still here?"
try:
    1 / 0
except ZeroDivisionError as e:
    pass
print("name e deleted:", "e" not in dir())
