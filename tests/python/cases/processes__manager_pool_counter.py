# A counter shared through a Manager: four processes add to it under the manager's lock,
# a pool's workers record their results in a managed dict, and a managed queue carries
# messages from the workers back.
from multiprocessing import Manager, Pool, Process


def add(counter, lock, times):
    for _ in range(times):
        with lock:
            counter.value += 1


def square(args):
    results, messages, n = args
    results[n] = n * n
    messages.put("squared %d" % n)
    return n


if __name__ == "__main__":
    with Manager() as manager:
        counter = manager.Value("i", 0)
        lock = manager.Lock()
        workers = [Process(target=add, args=(counter, lock, 50)) for _ in range(4)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        print("counter:", counter.value)

        results = manager.dict()
        messages = manager.Queue()
        with Pool(2) as pool:
            done = pool.map(square, [(results, messages, n) for n in range(6)])
        print("map:", done)
        print("results:", sorted(results.items()))
        print("messages:", sorted(messages.get() for _ in range(6)))
        print("empty:", messages.empty())

        shared = manager.list()
        nested = manager.dict(items=shared)
        nested["items"].append("added through the dict")
        print(shared[:], len(nested["items"]))
        manager.shutdown()
        try:
            manager.dict()
        except Exception as e:
            print(type(e).__name__, e)
