# statistics: averages, spread and quantiles give CPython's exact results (ints stay ints when exact), and its errors.
import random
import statistics

# === Averages ===
print(statistics.mean([1, 2, 3, 4, 4]), statistics.mean([1, 2, 3]), statistics.mean([1, 2, 3, 4]))
print(statistics.mean([0.1] * 10), statistics.mean([1e50, 1, -1e50] * 1000), statistics.mean([True, False, True]))
print(statistics.mean(x * 0.5 for x in range(7)), statistics.mean([3, 2.25, 4.5, -0.5, 0.25]))
print(statistics.fmean([3.5, 4.0, 5.25]), statistics.fmean(iter([1, 2, 4])), statistics.fmean([1, 2, 3], weights=[0.25, 0.25, 0.5]))
print(statistics.fmean([1e16, 1.0, 1e-16]), statistics.fmean([0.1, 0.2, 0.3]))
print(statistics.median([1, 3, 5]), statistics.median([1, 3, 5, 7]), statistics.median([2.5, 1.0]))
print(statistics.median_low([1, 3, 5, 7]), statistics.median_high([1, 3, 5, 7]), statistics.median_low("bdac"))
print(statistics.mode([1, 1, 2, 3, 3, 3, 3, 4]), statistics.mode(["red", "blue", "blue", "red", "green"]))
print(statistics.multimode("aabbbbccddddeeffffgg"), statistics.multimode([]), statistics.multimode([5]))

# === Spread ===
print(statistics.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), statistics.pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
print(statistics.variance([2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]), statistics.pvariance([0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25]))
print(statistics.variance([1, 2, 3]), statistics.variance([1, 2, 3, 4]), statistics.pvariance([2, 4, 4, 4, 5, 5, 7, 9]))
print(statistics.stdev([2, 4, 4, 4, 5, 5, 7, 9]), statistics.pstdev([2, 4, 4, 4, 5, 5, 7, 9]), statistics.pstdev([7]))
print(statistics.variance([1, 2, 3, 4], 2.5), statistics.pvariance([1, 2, 3], 2), statistics.stdev(iter([0.1, 0.2, 0.4])))
print(statistics.stdev([1e200, -1e200, 3e200]), statistics.pstdev([1e-310, 3e-310]), statistics.variance([10**20, 10**20 + 2]))

# === Quantiles ===
print(statistics.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), statistics.quantiles([1.5, 2.5], n=5))
print(statistics.quantiles(range(1, 21), n=10, method="inclusive"))
print(statistics.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129], n=10))

# === Timings as a benchmark collects them (seeded) ===
random.seed(2024)
for _ in range(3):
    samples = [random.uniform(0.001, 0.05) for _ in range(25)]
    print(statistics.mean(samples), statistics.median(samples), statistics.stdev(samples))
    print([round(q, 6) for q in statistics.quantiles(samples, n=4)], statistics.fmean(samples) == sum(samples) / 25)
counts = [random.randint(0, 9) for _ in range(50)]
print(statistics.mean(counts), statistics.mode(counts), statistics.multimode(counts), statistics.pvariance(counts))

# === Errors ===
def error(f, *args, **kwargs):
    try:
        f(*args, **kwargs)
    except Exception as e:
        print(type(e).__name__ + ":", e)

error(statistics.mean, [])
error(statistics.fmean, [])
error(statistics.median, [])
error(statistics.median_high, [])
error(statistics.mode, [])
error(statistics.variance, [1])
error(statistics.stdev, [2.5])
error(statistics.pvariance, [])
error(statistics.pstdev, iter([]))
error(statistics.quantiles, [1])
error(statistics.quantiles, [1, 2], n=0)
error(statistics.quantiles, [1, 2], method="middle")
error(statistics.mean, ["1", "2"])
error(statistics.fmean, [1, "2"])
error(statistics.fmean, [1, 2], weights=[1])
error(statistics.mode, [[1], [1]])
print(issubclass(statistics.StatisticsError, ValueError), statistics.mean([float("inf"), 1]), statistics.pvariance([float("nan"), 1.0]))
