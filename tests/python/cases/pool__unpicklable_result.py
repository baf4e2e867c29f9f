# A task whose result cannot be pickled (a generator) fails when the worker sends it back:
# get() raises multiprocessing.pool.MaybeEncodingError; the pool goes on working.
import multiprocessing


def make_gen(n):
    return (i for i in range(n))


def make_list(n):
    return list(range(n))


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(1) as pool:
        try:
            pool.apply(make_gen, (3,))
        except Exception as e:
            print(type(e).__name__, type(e).__module__)
            print("says why:", "cannot pickle 'generator' object" in str(e))
        print(pool.apply(make_list, (3,)))
