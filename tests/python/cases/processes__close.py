# Process.close() releases a finished process object: closing a running one raises ValueError,
# and most methods of a closed one raise ValueError too.
import multiprocessing
import time


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    p = ctx.Process(target=time.sleep, args=(0.2,))
    p.start()
    try:
        p.close()
    except ValueError as e:
        print("close while running:", e)
    p.join()
    p.close()
    print("closed")
    for name in ("is_alive", "join", "start"):
        try:
            getattr(p, name)()
        except ValueError as e:
            print(name + ":", e)
    try:
        p.exitcode
    except ValueError as e:
        print("exitcode:", e)
    print("name still there:", p.name)
