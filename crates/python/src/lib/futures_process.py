# concurrent.futures.process: where CPython keeps ProcessPoolExecutor and the exception its
# futures fail with when a worker process ends abruptly.
from concurrent.futures import ProcessPoolExecutor, BrokenExecutor


class BrokenProcessPool(BrokenExecutor):
    """
    Raised when a process in a ProcessPoolExecutor terminated abruptly
    while a future was in the running state.
    """
