# A child's os.getppid() is the parent's pid; a non-daemon child still running when the parent's
# program ends is waited for, so its line comes after the parent's last one.
import multiprocessing
import os
import time


def child(q):
    q.put(os.getppid())
    time.sleep(0.2)
    print("child finishes after the parent's last line")


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=child, args=(q,))
    p.start()
    print("child's parent is me:", q.get() == os.getpid())
    print("parent's last line")
