# current_process() and parent_process() in the parent and in children.
import multiprocessing


def report(q):
    me = multiprocessing.current_process()
    parent = multiprocessing.parent_process()
    q.put((me.name, parent.name, parent is not None))


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    print("parent:", multiprocessing.current_process().name)
    print("parent's parent:", multiprocessing.parent_process())
    q = ctx.Queue()
    procs = [ctx.Process(target=report, args=(q,), name="worker-%d" % i) for i in range(3)]
    procs.append(ctx.Process(target=report, args=(q,)))
    for p in procs:
        p.start()
    seen = sorted(q.get() for _ in procs)
    for p in procs:
        p.join()
    for row in seen:
        print("child:", row)
    print("last default name:", procs[-1].name)
