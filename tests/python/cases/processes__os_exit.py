# os._exit ends a process at once with its code: no finally, no atexit; the parent sees it.
import multiprocessing
import os


def child(code, q):
    q.put("before")
    try:
        os._exit(code)
    finally:
        q.put("finally ran")


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    q = multiprocessing.SimpleQueue()  # put() writes at once: a Queue's feeder thread dies with os._exit
    for code in (0, 4):
        p = multiprocessing.Process(target=child, args=(code, q))
        p.start()
        p.join()
        print(code, p.exitcode, q.get())
    print(q.empty())
    try:
        print("main ends here")
        os._exit(0)
    finally:
        print("not printed")
