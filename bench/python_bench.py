"""`make bench`'s CPython side: what the lesson teaches, measured on this machine.
Prints JSON. Sum of squares in floating point (the same kernel as Rust and JS),
sequential and with multiprocessing.Pool; asyncio timer waits gathered; executor dispatch."""
import asyncio
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from multiprocessing import Pool


def sum_squares(bounds):
    start, end = bounds
    acc = 0.0
    for i in range(start, end):
        x = float(i)
        acc += x * x
    return acc


def best_of(f, runs=3):
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        f()
        best = min(best, (time.perf_counter() - t) * 1000)
    return best


def square(x):
    return x * x


async def waits(count, seconds):
    await asyncio.gather(*(asyncio.sleep(seconds) for _ in range(count)))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000_000
    cores = os.cpu_count() or 1
    chunks = [(n * i // cores, n * (i + 1) // cores) for i in range(cores)]
    seq = best_of(lambda: sum_squares((0, n)), runs=1)
    with Pool(cores) as pool:
        pool.map(square, range(cores))  # start the workers before timing
        par = best_of(lambda: pool.map(sum_squares, chunks), runs=2)
    t = time.perf_counter()
    asyncio.run(waits(1000, 0.1))
    async_ms = (time.perf_counter() - t) * 1000
    tasks = 2000
    with ThreadPoolExecutor(cores) as ex:
        list(ex.map(square, range(10)))
        thread_us = best_of(lambda: list(ex.map(square, range(tasks)))) * 1000 / tasks
    with ProcessPoolExecutor(cores) as ex:
        list(ex.map(square, range(10)))
        process_us = best_of(lambda: list(ex.map(square, range(tasks)))) * 1000 / tasks
    print(json.dumps({
        "python": sys.version.split()[0], "n": n, "cores": cores,
        "python_sequential_ms": round(seq, 1), "python_pool_ms": round(par, 1),
        "python_asyncio_1000_waits_of_100ms_ms": round(async_ms, 1),
        "python_thread_pool_dispatch_us": round(thread_us, 1),
        "python_process_pool_dispatch_us": round(process_us, 1),
    }))


if __name__ == "__main__":
    main()
