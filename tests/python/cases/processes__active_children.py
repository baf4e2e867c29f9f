# cpu_count() is positive; active_children() lists running children and forgets joined ones.
import multiprocessing


def wait_for(ev):
    ev.wait()


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    print("cpu_count > 0:", multiprocessing.cpu_count() > 0)
    print("before:", multiprocessing.active_children())
    ev = multiprocessing.Event()
    procs = [multiprocessing.Process(target=wait_for, args=(ev,), name="w%d" % i) for i in range(3)]
    for p in procs:
        p.start()
    print("running:", sorted(p.name for p in multiprocessing.active_children()))
    ev.set()
    for p in procs:
        p.join()
    print("after join:", multiprocessing.active_children())
    print("exitcodes:", [p.exitcode for p in procs])
