# Daemon processes: the flag, a daemon may not start children of its own, and a daemon still
# running when the parent ends is stopped rather than waited for.
import multiprocessing
import time


def try_child(q):
    try:
        multiprocessing.Process(target=time.sleep, args=(0,)).start()
        q.put("started a child")
    except AssertionError as e:
        q.put("AssertionError: %s" % e)


def forever():
    time.sleep(30)


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    q = multiprocessing.Queue()
    d = multiprocessing.Process(target=try_child, args=(q,), daemon=True)
    print("daemon:", d.daemon)
    d.start()
    print(q.get())
    d.join()
    n = multiprocessing.Process(target=forever)
    n.daemon = True
    n.start()
    print("left running:", n.is_alive(), n.daemon)
    print("parent exits")
