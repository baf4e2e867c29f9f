# engine: free-threaded
# Several threads submit to one multiprocessing Pool at the same time (a Pool may be shared by
# threads); every thread gets its own results back, in order.
import multiprocessing
import threading


def square(x):
    return x * x


def client(pool, base, out):
    results = [pool.apply_async(square, (base + i,)) for i in range(150)]
    out[base] = [r.get(timeout=20) for r in results] + pool.map(square, range(base, base + 5))


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    out = {}
    with ctx.Pool(2) as pool:
        threads = [threading.Thread(target=client, args=(pool, base, out)) for base in (0, 1000, 2000, 3000, 4000, 5000, 6000, 7000)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    for base in sorted(out):
        expected = [(base + i) ** 2 for i in range(150)] + [x * x for x in range(base, base + 5)]
        print(base, out[base] == expected, len(out[base]))
