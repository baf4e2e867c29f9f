# A ProcessPoolExecutor never shut down: at exit the program still waits for the submitted work
# (the worker processes are not daemons), which prints as it finishes.
import concurrent.futures
import multiprocessing
import time


def slow_print(text):
    time.sleep(0.2)
    print(text)
    return text


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    ex = concurrent.futures.ProcessPoolExecutor(1, mp_context=ctx)
    ex.submit(slow_print, "work finished in the worker")
    print("main module ends")
