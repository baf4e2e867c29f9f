# A multiprocessing.Lock passed to children guards a read-modify-write on a RawValue (a shared
# number without a lock of its own): with the lock held around it, no update is lost.
import multiprocessing


def bump(lock, shared, times):
    for _ in range(times):
        lock.acquire()
        try:
            v = shared.value
            shared.value = v + 1
        finally:
            lock.release()


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    lock = multiprocessing.Lock()
    shared = multiprocessing.RawValue("i", 0)
    procs = [multiprocessing.Process(target=bump, args=(lock, shared, 200)) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print("total:", shared.value)
    print("acquire again:", lock.acquire(timeout=0.1))
    print("second acquire times out:", lock.acquire(timeout=0.05))
    lock.release()
