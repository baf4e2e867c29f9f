# The tutorial's executors example: map a slow function over inputs with a thread pool.
import concurrent.futures
import time

def slow_square(n):
    time.sleep(0.05)
    return n * n

def main():
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as executor:
        results = list(executor.map(slow_square, range(8)))
    elapsed = time.perf_counter() - start
    print(results)
    print("two rounds of four, not eight sequential sleeps:", 0.1 <= elapsed < 0.35)
    with concurrent.futures.ThreadPoolExecutor() as executor:
        futures = {executor.submit(slow_square, n): n for n in (3, 1, 2)}
        for future in concurrent.futures.as_completed(futures):
            pass
        print({futures[f]: f.result() for f in sorted(futures, key=futures.get)})

if __name__ == "__main__":
    main()
