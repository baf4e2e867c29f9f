# Pool(maxtasksperchild=2): a worker exits after two tasks and the pool starts a new one in its
# place, so six one-task chunks on one worker process run in three different workers.
import multiprocessing


def whoami(x):
    return x, multiprocessing.current_process().name


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    with multiprocessing.Pool(1, maxtasksperchild=2) as pool:
        results = pool.map(whoami, range(6), chunksize=1)
    print("values:", [x for x, _ in results])
    names = [n for _, n in results]
    print("distinct workers:", len(set(names)))
    print("two tasks each:", [names.count(n) for n in sorted(set(names))])
