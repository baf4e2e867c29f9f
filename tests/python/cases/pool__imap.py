# Pool.imap yields results in input order as they come; imap_unordered in completion order
# (so it is printed sorted).
import multiprocessing
import time


def slow_double(x):
    time.sleep(0.01 * (5 - x))
    return 2 * x


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    with multiprocessing.Pool(3) as pool:
        it = pool.imap(slow_double, range(6))
        print("first:", next(it))
        print("rest:", list(it))
        print("chunked:", list(pool.imap(slow_double, range(6), chunksize=4)))
        unordered = list(pool.imap_unordered(slow_double, range(6)))
        print("unordered, sorted:", sorted(unordered), len(unordered))
        print("empty:", list(pool.imap(slow_double, [])))
