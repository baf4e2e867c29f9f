# engine: free-threaded
# Each thread computes on its own data and writes only its own slot; joined, the results are
# exact whatever runs in parallel.
import threading


def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def work(index, start, results):
    best = max(range(start, start + 2000), key=collatz_steps)
    results[index] = (start, best, collatz_steps(best))


results = [None] * 4
threads = [threading.Thread(target=work, args=(i, 1 + 2000 * i, results)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for row in results:
    print("from %d: longest chain starts at %d (%d steps)" % row)
print("alive:", [t.is_alive() for t in threads])
