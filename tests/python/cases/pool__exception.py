# An exception raised in a pool task is sent back and re-raised by get() (and by map) in the
# parent, with its type and message; the pool keeps working afterwards.
import multiprocessing


def parse(text):
    return int(text)


def check(x):
    if x == 3:
        raise KeyError("three")
    return x


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    with multiprocessing.Pool(2) as pool:
        try:
            pool.map(parse, ["1", "2", "x", "4"])
        except ValueError as e:
            print("map raised ValueError:", e)
        r = pool.apply_async(check, (3,))
        try:
            r.get(timeout=10)
        except KeyError as e:
            print("get raised KeyError:", e)
        print("successful:", r.successful())
        errors = []
        pool.apply_async(check, (3,), error_callback=errors.append).wait(10)
        print("error_callback:", [type(e).__name__ for e in errors])
        print("still works:", pool.map(parse, ["5", "6"]))
