# engine: free-threaded
# ThreadPoolExecutor.map over CPU-bound calls: results in input order, the same with or
# without a GIL; futures from submit are collected with as_completed (sorted).
import concurrent.futures


def count_primes(limit):
    count = 0
    for n in range(2, limit):
        d = 2
        while d * d <= n:
            if n % d == 0:
                break
            d += 1
        else:
            count += 1
    return count


with concurrent.futures.ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(count_primes, [100, 1000, 2000, 3000, 10])))
    futures = [ex.submit(count_primes, n) for n in (50, 500, 5000)]
    print(sorted(f.result() for f in concurrent.futures.as_completed(futures)))
