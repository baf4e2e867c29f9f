# A global changed in a child is unchanged in the parent: a spawned child has its own copy of
# the module, made by re-running it, not the parent's current values.
import multiprocessing

counter = 0
items = ["module"]


def child(q):
    global counter
    q.put(("child sees", counter, list(items)))
    counter += 100
    items.append("child")
    q.put(("child changed to", counter, list(items)))


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    counter = 5
    items.append("parent")
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=child, args=(q,))
    p.start()
    print(*q.get())
    print(*q.get())
    p.join()
    print("parent still has", counter, items)
