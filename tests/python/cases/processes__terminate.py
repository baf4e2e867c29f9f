# terminate() stops a sleeping child: its exitcode is -15 (killed by SIGTERM).
import multiprocessing
import time


def sleeper(started):
    started.set()
    time.sleep(10)


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    started = ctx.Event()
    p = ctx.Process(target=sleeper, args=(started,))
    p.start()
    print("child started:", started.wait(5))
    print("alive before terminate:", p.is_alive())
    p.terminate()
    p.join()
    print("alive after:", p.is_alive())
    print("exitcode:", p.exitcode)
