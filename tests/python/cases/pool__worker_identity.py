# Inside a pool task: the worker's name, that it is a daemon, and that its parent is the main
# process; a ProcessPoolExecutor's workers are SpawnProcess-N and not daemons.
import concurrent.futures
import multiprocessing


def identity(_):
    me = multiprocessing.current_process()
    return me.name.rsplit("-", 1)[0], me.daemon, multiprocessing.parent_process().name


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        print("pool:", sorted(set(pool.map(identity, range(4)))))
    with concurrent.futures.ProcessPoolExecutor(2, mp_context=ctx) as ex:
        print("executor:", sorted(set(ex.map(identity, range(4)))))
