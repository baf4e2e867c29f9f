# A child can start a process of its own: the grandchild's default name extends its parent's
# identity ("Process-2:1"), and parent_process() there is the child.
import multiprocessing


def grandchild(q):
    q.put(("grandchild", multiprocessing.current_process().name, multiprocessing.parent_process().name))


def child(q):
    q.put(("child", multiprocessing.current_process().name, multiprocessing.parent_process().name))
    p = multiprocessing.Process(target=grandchild, args=(q,))
    p.start()
    p.join()
    q.put(("child joined grandchild", p.name, p.exitcode))


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    q = multiprocessing.Queue()
    named = multiprocessing.Process(target=print, args=("named child runs",), name="first")
    named.start()
    named.join()
    p = multiprocessing.Process(target=child, args=(q,))
    p.start()
    for _ in range(3):
        print(*q.get())
    p.join()
    print("child:", p.name, p.exitcode)
