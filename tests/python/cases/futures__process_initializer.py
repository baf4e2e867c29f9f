# ProcessPoolExecutor(initializer=..., initargs=...) runs the initializer in each worker before
# its first task; map with a timeout large enough returns everything in order.
import concurrent.futures
import multiprocessing

settings = {"prefix": "parent"}


def setup(prefix):
    settings["prefix"] = prefix


def label(x):
    return "%s-%d" % (settings["prefix"], x)


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(2, mp_context=ctx, initializer=setup, initargs=("worker",)) as ex:
        print(list(ex.map(label, range(5), timeout=30)))
        print(ex.submit(label, 9).result())
    print("parent's prefix:", settings["prefix"])
