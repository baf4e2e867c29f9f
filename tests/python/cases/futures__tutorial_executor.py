# The tutorial's executors example: map a slow function over inputs with a thread pool.
import concurrent.futures
import threading
import time

spans = []
lock = threading.Lock()

def slow_square(n):
    start = time.perf_counter()
    time.sleep(0.05)
    with lock:
        spans.append((start, time.perf_counter()))
    return n * n

def main():
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as executor:
        results = list(executor.map(slow_square, range(8)))
    print(results)
    overlapping = any(a[0] < b[1] and b[0] < a[1] for i, a in enumerate(spans) for b in spans[i + 1:])
    print("some calls ran at the same time:", overlapping)
    with concurrent.futures.ThreadPoolExecutor() as executor:
        futures = {executor.submit(slow_square, n): n for n in (3, 1, 2)}
        for future in concurrent.futures.as_completed(futures):
            pass
        print({futures[f]: f.result() for f in sorted(futures, key=futures.get)})

if __name__ == "__main__":
    main()
