# Pool.map keeps the input order, with the default chunksize and with an explicit one.
import multiprocessing


def square(x):
    return x * x


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    pool = multiprocessing.Pool(processes=2)
    print(pool.map(square, range(10)))
    print(pool.map(square, [7, 3, 5], chunksize=2))
    print(pool.map(square, range(20), chunksize=6))
    print(pool.map(square, []))
    print(pool.map(str.upper, ["a", "b"]))
    pool.close()
    pool.join()
    print("closed and joined")
