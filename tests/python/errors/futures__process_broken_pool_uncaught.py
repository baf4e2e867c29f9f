# An uncaught BrokenProcessPool: its traceback names concurrent.futures.process.
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor


def die(x):
    os._exit(1)


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    with ProcessPoolExecutor(1) as ex:
        print("submitting")
        ex.submit(die, 1).result()
