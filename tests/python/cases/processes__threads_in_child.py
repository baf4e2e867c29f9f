# A child process runs threads of its own: they share the child's memory (a list and a lock),
# not the parent's.
import multiprocessing
import threading

results = []


def child(q):
    lock = threading.Lock()

    def work(n):
        with lock:
            results.append(n * n)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    q.put((sorted(results), threading.active_count(), threading.current_thread().name))


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=child, args=(q,))
    p.start()
    squares, count, name = q.get()
    p.join()
    print("child's results:", squares)
    print("child's threads after join:", count, name)
    print("parent's results:", results)
