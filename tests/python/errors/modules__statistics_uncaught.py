# statistics: an uncaught StatisticsError (stdev of a single timing) ends the program with CPython's traceback and message.
import statistics


def summarize(timings):
    print("mean:", statistics.mean(timings))
    return statistics.stdev(timings)


print("spread:", summarize([0.5, 0.25, 0.75]))
print("spread:", summarize([0.125]))
