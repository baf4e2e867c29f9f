# A multiprocessing.Semaphore(2) shared by five processes: at most two are inside at once,
# which they check with a shared counter of their own.
import multiprocessing
import time


def limited(sem, inside, peak):
    with sem:
        with inside.get_lock():
            inside.value += 1
            peak.value = max(peak.value, inside.value)
        time.sleep(0.05)
        with inside.get_lock():
            inside.value -= 1


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    sem = ctx.Semaphore(2)
    inside = ctx.Value("i", 0)
    peak = ctx.Value("i", 0)
    procs = [ctx.Process(target=limited, args=(sem, inside, peak)) for _ in range(5)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print("peak inside <= 2:", 1 <= peak.value <= 2)
    print("inside at the end:", inside.value)
    print("acquire without blocking:", sem.acquire(False), sem.acquire(False), sem.acquire(False))
