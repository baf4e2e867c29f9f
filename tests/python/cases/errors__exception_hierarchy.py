# Catching by base class, BaseException vs Exception, exceptions in else and finally.
def classify(exc):
    try:
        raise exc
    except ArithmeticError:
        return "ArithmeticError"
    except LookupError:
        return "LookupError"
    except Exception as e:
        return f"Exception ({type(e).__name__})"
    except BaseException as e:
        return f"BaseException ({type(e).__name__})"

for exc in [ZeroDivisionError(), OverflowError(), KeyError("k"), IndexError(), ValueError(),
            TypeError(), RuntimeError(), NotImplementedError(), KeyboardInterrupt(), SystemExit(3)]:
    print(type(exc).__name__, "->", classify(exc))

print([c.__name__ for c in ZeroDivisionError.__mro__])
print(issubclass(KeyboardInterrupt, Exception), issubclass(StopIteration, Exception))
print(issubclass(TimeoutError, OSError), issubclass(ModuleNotFoundError, ImportError))
print(issubclass(RecursionError, RuntimeError), issubclass(NotImplementedError, RuntimeError))

def else_raises():
    try:
        pass
    except ValueError:
        return "not here"
    else:
        raise KeyError("from else")

try:
    else_raises()
except KeyError as e:
    print("else clause raised", e)

def finally_replaces():
    try:
        raise ValueError("original")
    finally:
        raise TypeError("from finally")

try:
    finally_replaces()
except TypeError as e:
    print("finally replaced:", e, "| context:", repr(e.__context__))
