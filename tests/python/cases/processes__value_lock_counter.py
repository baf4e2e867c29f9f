# A shared Value incremented by four processes, each increment under value.get_lock():
# no update is lost, so the total is exact.
import multiprocessing


def add(counter, times):
    for _ in range(times):
        with counter.get_lock():
            counter.value += 1


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    counter = ctx.Value("i", 0)
    print("initial:", counter.value)
    procs = [ctx.Process(target=add, args=(counter, 250)) for _ in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print("final:", counter.value)
    print("expected:", 4 * 250)
    total = ctx.Value("d", 1.5)
    total.value *= 2
    print("double:", total.value)
