# A multiprocessing.Queue (or Lock, Value, Event) cannot be an argument of a pool task: such
# objects go to a process only when it is started, so get() raises RuntimeError. Passed with
# the pool's initializer (which starts the workers), the same Queue works.
import multiprocessing

shared_q = None


def put_into(q, x):
    q.put(x)


def remember(q):
    global shared_q
    shared_q = q


def put_shared(x):
    shared_q.put(x * 10)
    return x


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    q = ctx.Queue()
    with ctx.Pool(2) as pool:
        for obj in (q, ctx.Lock(), ctx.Value("i", 0), ctx.Event()):
            r = pool.apply_async(put_into, (obj, 1))
            try:
                r.get(timeout=10)
            except RuntimeError as e:
                print("RuntimeError:", e)
    with ctx.Pool(2, initializer=remember, initargs=(q,)) as pool:
        print("tasks:", pool.map(put_shared, range(4)))
        print("via the inherited queue:", sorted(q.get(timeout=10) for _ in range(4)))
