# An Event shared with a child: the child waits for it, and only then reports.
import multiprocessing
import queue


def waiter(ev, q):
    q.put("waiting")
    ev.wait()
    q.put("event seen: %s" % ev.is_set())


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    ev = multiprocessing.Event()
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=waiter, args=(ev, q))
    p.start()
    print(q.get())
    try:
        q.get(timeout=0.1)
    except queue.Empty:
        print("nothing before set")
    print("is_set:", ev.is_set())
    ev.set()
    print(q.get())
    p.join()
    print("wait on a set event:", ev.wait(0.01))
    ev.clear()
    print("wait after clear:", ev.wait(0.01))
