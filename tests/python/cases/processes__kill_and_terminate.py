# kill() ends a child with SIGKILL (exitcode -9), terminate() with SIGTERM (-15); signalling a
# child that has already finished leaves its exitcode as it was.
import multiprocessing
import time


def sleeper(ev):
    ev.set()
    time.sleep(10)


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    codes = {}
    for how in ("kill", "terminate"):
        ev = ctx.Event()
        p = ctx.Process(target=sleeper, args=(ev,))
        p.start()
        ev.wait(10)
        getattr(p, how)()
        p.join()
        codes[how] = p.exitcode
    print(codes)
    done = ctx.Process(target=time.sleep, args=(0,))
    done.start()
    done.join()
    done.terminate()
    done.kill()
    print("finished, then signalled:", done.exitcode)
