# A Manager's synchronisation objects across processes: an Event that starts them together,
# a Barrier they all reach, a Semaphore that lets two in at a time (a managed list records
# how many were in), a Condition the parent waits on, and an RLock taken twice.
from multiprocessing import Manager, Process


def worker(n, start, barrier, gate, inside, most, cond, done, rlock):
    start.wait()
    with gate:
        inside.append(n)
        with rlock:
            with rlock:
                most.value = max(most.value, len(inside))
        inside.remove(n)
    barrier.wait()
    with cond:
        done.append(n)
        cond.notify_all()


if __name__ == "__main__":
    with Manager() as m:
        start, barrier, gate = m.Event(), m.Barrier(3), m.BoundedSemaphore(2)
        inside, done, most = m.list(), m.list(), m.Value("i", 0)
        cond, rlock = m.Condition(), m.RLock()
        ps = [Process(target=worker, args=(n, start, barrier, gate, inside, most, cond, done, rlock)) for n in range(3)]
        for p in ps:
            p.start()
        print("set before start:", start.is_set())
        start.set()
        with cond:
            cond.wait_for(lambda: len(done) == 3, timeout=10)
        for p in ps:
            p.join()
        print("done:", sorted(done), "at most inside:", most.value <= 2, "barrier parties:", barrier.parties)
        print("exit codes:", [p.exitcode for p in ps])
        print(gate.acquire(), gate.acquire(), gate.acquire(False))
        gate.release(); gate.release()
        try:
            gate.release()
        except ValueError as e:
            print("ValueError", e)
        start.clear(); print(start.is_set(), start.wait(0.01))
