# Executor.map returns results in input order even when later items finish first.
# Item x may only finish after item x + 1 has (an Event chain), so they finish in reverse.
from concurrent.futures import ThreadPoolExecutor
import threading

finish_order = []
finished = [threading.Event() for _ in range(6)]
finished[5].set()

def slow_identity(x):
    finished[x + 1].wait()
    finish_order.append(x)
    finished[x].set()
    return x * 10

with ThreadPoolExecutor(max_workers=5) as ex:
    results = list(ex.map(slow_identity, range(5)))
print("map results:", results)
print("finished in reverse:", finish_order == [4, 3, 2, 1, 0])

with ThreadPoolExecutor(max_workers=2) as ex:
    print(list(ex.map(pow, [2, 3, 4], [5, 2, 3])))
    print(list(ex.map(str.upper, "abc")))

def maybe_fail(x):
    if x == 2:
        raise KeyError(x)
    return x

with ThreadPoolExecutor(max_workers=2) as ex:
    it = ex.map(maybe_fail, range(4))
    got = []
    try:
        for r in it:
            got.append(r)
    except KeyError as e:
        print("map raised KeyError", e, "after", got)
