# ProcessPoolExecutor.map keeps the input order, with chunksize 1 and larger, over one
# iterable or several (stopping at the shortest).
import concurrent.futures
import multiprocessing


def area(w, h=1):
    return w * h


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=2, mp_context=ctx) as ex:
        print(list(ex.map(area, range(8))))
        print(list(ex.map(area, range(10), range(10, 20), chunksize=3)))
        print(list(ex.map(area, [1, 2, 3], [4, 5])))
        print(list(ex.map(area, [], chunksize=4)))
        try:
            ex.map(area, [1], chunksize=0)
        except ValueError as e:
            print("ValueError:", e)
