# Exceptions cross between processes as pickle sends them: the class is called again with the
# exception's args, then its other attributes are set. An __init__ whose parameters differ from
# its args fails there, in the receiving process (the classic pitfall).
import multiprocessing


class AppError(Exception):
    def __init__(self, code):
        super().__init__("failed with code %d" % code)
        self.code = code


class GoodError(Exception):
    def __init__(self, code, detail):
        super().__init__(code, detail)
        self.code = code
        self.extra = "set in __init__"


def send(q):
    q.put(GoodError(7, "disk full"))
    try:
        {}["missing"]
    except KeyError as e:
        q.put(e)
    q.put(AppError(3))
    q.put("after the bad one")


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=send, args=(q,))
    p.start()
    good = q.get()
    print(type(good).__name__, good.args, good.code, good.extra)
    key = q.get()
    print(type(key).__name__, key, key.__context__)
    try:
        q.get()
    except TypeError as e:
        print("receiving AppError raised TypeError:", e)
    print(q.get())
    p.join()
    print("sender's exitcode:", p.exitcode)
