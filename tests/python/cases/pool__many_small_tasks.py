# Many small tasks: Pool.map over 20000 items with a large chunksize, and imap_unordered over
# 2000 with chunksize 100; the results are all there, in order for map.
import multiprocessing


def f(x):
    return x * x % 7


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        out = pool.map(f, range(20000), chunksize=2500)
        print(len(out), sum(out), out[:10])
        un = list(pool.imap_unordered(f, range(2000), chunksize=100))
        print(len(un), sum(un), sorted(un) == sorted(out[:2000]))
