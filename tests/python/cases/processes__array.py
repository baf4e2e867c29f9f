# A shared Array: each child writes its own slots; the parent sees every write after join.
import multiprocessing


def fill(arr, index, value):
    arr[index] = value * value
    with arr.get_lock():
        arr[0] += 1


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    arr = ctx.Array("i", 6)
    print("initial:", arr[:], len(arr))
    procs = [ctx.Process(target=fill, args=(arr, i, i + 1)) for i in range(1, 6)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print("after:", arr[:])
    print("slice:", arr[2:4], "last:", arr[-1])
    floats = ctx.Array("d", [0.5, 1.5])
    print("floats:", list(floats))
