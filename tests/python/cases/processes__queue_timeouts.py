# multiprocessing.Queue's get with a timeout raises queue.Empty, a bounded queue's put raises
# queue.Full; items put by a child keep their order.
import multiprocessing
import queue


def fill(q, n):
    for i in range(n):
        q.put(i)


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    q = ctx.Queue()
    try:
        q.get(timeout=0.05)
    except queue.Empty:
        print("Empty after timeout")
    try:
        q.get_nowait()
    except queue.Empty:
        print("Empty at once")
    small = ctx.Queue(maxsize=2)
    small.put("a")
    small.put("b")
    try:
        small.put("c", timeout=0.05)
    except queue.Full:
        print("Full")
    print(small.get(), small.get())
    p = ctx.Process(target=fill, args=(q, 20))
    p.start()
    got = [q.get(timeout=10) for _ in range(20)]
    p.join()
    print("in order:", got == list(range(20)))
