# Pool(initializer=..., initargs=...) runs the initializer once in each worker, before its
# tasks: here it sets a global that the tasks then read; the parent's global is unchanged.
import multiprocessing

offset = 0


def init(value):
    global offset
    offset = value


def add_offset(x):
    return x + offset


def worker_name(_):
    return multiprocessing.current_process().name


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2, initializer=init, initargs=(100,)) as pool:
        print(pool.map(add_offset, range(5)))
        names = set(pool.map(worker_name, range(8), chunksize=1))
        print("worker names:", all(n.startswith("SpawnPoolWorker-") for n in names))
    print("parent offset:", offset)
