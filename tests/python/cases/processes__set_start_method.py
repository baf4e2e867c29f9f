# set_start_method can be called once (again only with force=True); in a child the start
# method is already set, so calling it there raises too.
import multiprocessing


def child(q):
    try:
        multiprocessing.set_start_method("spawn")
        q.put("child: set")
    except RuntimeError as e:
        q.put("child: RuntimeError: %s" % e)


if __name__ == "__main__":
    print("unset:", multiprocessing.get_start_method(allow_none=True))
    multiprocessing.set_start_method("spawn")
    print("set:", multiprocessing.get_start_method())
    try:
        multiprocessing.set_start_method("spawn")
    except RuntimeError as e:
        print("again: RuntimeError:", e)
    multiprocessing.set_start_method("spawn", force=True)
    print("forced:", multiprocessing.get_start_method())
    print("context:", multiprocessing.get_context("spawn").get_start_method())
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=child, args=(q,))
    p.start()
    print(q.get())
    p.join()
