# JoinableQueue across processes: workers call task_done() for each item and the parent's
# join() returns once every item is done.
import multiprocessing


def worker(jq, results):
    while True:
        item = jq.get()
        if item is None:
            jq.task_done()
            break
        results.put(item * item)
        jq.task_done()


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    jq = multiprocessing.JoinableQueue()
    results = multiprocessing.Queue()
    workers = [multiprocessing.Process(target=worker, args=(jq, results)) for _ in range(2)]
    for w in workers:
        w.start()
    for i in range(10):
        jq.put(i)
    for _ in workers:
        jq.put(None)
    jq.join()
    print("all tasks done")
    print(sorted(results.get() for _ in range(10)))
    for w in workers:
        w.join()
    print("exitcodes:", [w.exitcode for w in workers])
