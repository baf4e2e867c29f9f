# Process: target, args, kwargs and name reach the child; the result comes back on a Queue.
import multiprocessing


def work(q, a, b, *, scale=1, tag="none"):
    q.put((multiprocessing.current_process().name, (a + b) * scale, tag))


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=work, args=(q, 2, 3), kwargs={"scale": 10, "tag": "kw"}, name="adder")
    print("name before start:", p.name)
    p.start()
    print("from child:", q.get())
    p.join()
    print("exitcode:", p.exitcode)
    p2 = multiprocessing.Process(target=work, args=(q, 1, 1))
    p2.start()
    name, total, tag = q.get()
    p2.join()
    print("default args:", total, tag)
    print("default name:", name, name == p2.name)
