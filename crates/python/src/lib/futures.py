# concurrent.futures: Future and ThreadPoolExecutor as CPython builds them (workers take
# work items from a queue; a Future's waiters sleep on a Condition).
import threading
import _thread
import queue as _queue
from time import monotonic as _time

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"

_PENDING = "PENDING"
_RUNNING = "RUNNING"
_CANCELLED = "CANCELLED"
_CANCELLED_AND_NOTIFIED = "CANCELLED_AND_NOTIFIED"
_FINISHED = "FINISHED"


class Error(Exception):
    pass


class CancelledError(Error):
    pass


TimeoutError = TimeoutError


class InvalidStateError(Error):
    pass


class BrokenExecutor(RuntimeError):
    pass


class Future:
    def __init__(self):
        self._condition = threading.Condition(threading.RLock("Future (internal lock)"), "Future.result")
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception:
                pass

    def __repr__(self):
        with self._condition:
            if self._state == _FINISHED:
                if self._exception:
                    return "<Future at 0x%x state=finished raised %s>" % (id(self), type(self._exception).__name__)
                return "<Future at 0x%x state=finished returned %s>" % (id(self), type(self._result).__name__)
            return "<Future at 0x%x state=%s>" % (id(self), self._state.lower())

    def cancel(self):
        with self._condition:
            if self._state in [_RUNNING, _FINISHED]:
                return False
            if self._state in [_CANCELLED, _CANCELLED_AND_NOTIFIED]:
                return True
            self._state = _CANCELLED
            self._condition.notify_all()
        self._invoke_callbacks()
        return True

    def cancelled(self):
        with self._condition:
            return self._state in [_CANCELLED, _CANCELLED_AND_NOTIFIED]

    def running(self):
        with self._condition:
            return self._state == _RUNNING

    def done(self):
        with self._condition:
            return self._state in [_CANCELLED, _CANCELLED_AND_NOTIFIED, _FINISHED]

    def __get_result(self):
        if self._exception:
            raise self._exception
        return self._result

    def add_done_callback(self, fn):
        with self._condition:
            if self._state not in [_CANCELLED, _CANCELLED_AND_NOTIFIED, _FINISHED]:
                self._done_callbacks.append(fn)
                return
        try:
            fn(self)
        except Exception:
            pass

    def result(self, timeout=None):
        with self._condition:
            if self._state in [_CANCELLED, _CANCELLED_AND_NOTIFIED]:
                raise CancelledError()
            elif self._state == _FINISHED:
                return self.__get_result()
            self._condition.wait(timeout)
            if self._state in [_CANCELLED, _CANCELLED_AND_NOTIFIED]:
                raise CancelledError()
            elif self._state == _FINISHED:
                return self.__get_result()
            raise TimeoutError()

    def exception(self, timeout=None):
        with self._condition:
            if self._state in [_CANCELLED, _CANCELLED_AND_NOTIFIED]:
                raise CancelledError()
            elif self._state == _FINISHED:
                return self._exception
            self._condition.wait(timeout)
            if self._state in [_CANCELLED, _CANCELLED_AND_NOTIFIED]:
                raise CancelledError()
            elif self._state == _FINISHED:
                return self._exception
            raise TimeoutError()

    def set_running_or_notify_cancel(self):
        with self._condition:
            if self._state == _CANCELLED:
                self._state = _CANCELLED_AND_NOTIFIED
                for w in self._waiters:
                    w.add(self)
                return False
            elif self._state == _PENDING:
                self._state = _RUNNING
                return True
            raise RuntimeError("Future in unexpected state")

    def set_result(self, result):
        with self._condition:
            if self._state in {_CANCELLED, _CANCELLED_AND_NOTIFIED, _FINISHED}:
                raise InvalidStateError("%s: %r" % (self._state, self))
            self._result = result
            self._state = _FINISHED
            for w in self._waiters:
                w.add(self)
            self._condition.notify_all()
        self._invoke_callbacks()

    def set_exception(self, exception):
        with self._condition:
            if self._state in {_CANCELLED, _CANCELLED_AND_NOTIFIED, _FINISHED}:
                raise InvalidStateError("%s: %r" % (self._state, self))
            self._exception = exception
            self._state = _FINISHED
            for w in self._waiters:
                w.add(self)
            self._condition.notify_all()
        self._invoke_callbacks()


class _Waiter:
    # Collects futures as they finish, in the order they finish, and wakes whoever waits.
    def __init__(self):
        self.event = threading.Event()
        self.finished = []

    def add(self, f):
        self.finished.append(f)
        self.event.set()


def as_completed(fs, timeout=None):
    if timeout is not None:
        end_time = timeout + _time()
    fs = list(dict.fromkeys(fs))
    total = len(fs)
    waiter = _Waiter()
    for f in fs:
        f._condition.acquire()
    finished = [f for f in fs if f._state in [_CANCELLED_AND_NOTIFIED, _FINISHED]]
    pending = [f for f in fs if f not in finished]
    for f in pending:
        f._waiters.append(waiter)
    for f in fs:
        f._condition.release()
    try:
        for f in finished:
            yield f
        while pending:
            if timeout is None:
                wait_timeout = None
            else:
                wait_timeout = end_time - _time()
                if wait_timeout < 0:
                    raise TimeoutError("%d (of %d) futures unfinished" % (len(pending), total))
            waiter.event.wait(wait_timeout)
            with waiter.event._cond:
                done = waiter.finished
                waiter.finished = []
                waiter.event._flag = False
            if not done and timeout is not None and end_time - _time() < 0:
                raise TimeoutError("%d (of %d) futures unfinished" % (len(pending), total))
            for f in done:
                if f in pending:
                    pending.remove(f)
                    yield f
    finally:
        for f in fs:
            with f._condition:
                if waiter in f._waiters:
                    f._waiters.remove(waiter)


class DoneAndNotDoneFutures:
    def __init__(self, done, not_done):
        self.done = done
        self.not_done = not_done

    def __iter__(self):
        return iter((self.done, self.not_done))

    def __getitem__(self, i):
        return (self.done, self.not_done)[i]

    def __repr__(self):
        return "DoneAndNotDoneFutures(done=%r, not_done=%r)" % (self.done, self.not_done)


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    fs = set(fs)
    if timeout is not None:
        end_time = timeout + _time()
    waiter = _Waiter()
    for f in fs:
        with f._condition:
            f._waiters.append(waiter)
    try:
        while True:
            done = set(f for f in fs if f._state in [_CANCELLED_AND_NOTIFIED, _FINISHED])
            not_done = fs - done
            if not not_done:
                break
            if return_when == FIRST_COMPLETED and done:
                break
            if return_when == FIRST_EXCEPTION and any(f._exception is not None for f in done):
                break
            if timeout is None:
                waiter.event.wait()
            else:
                remaining = end_time - _time()
                if remaining <= 0:
                    break
                waiter.event.wait(remaining)
            waiter.event.clear()
    finally:
        for f in fs:
            with f._condition:
                if waiter in f._waiters:
                    f._waiters.remove(waiter)
    done = set(f for f in fs if f._state in [_CANCELLED_AND_NOTIFIED, _FINISHED])
    return DoneAndNotDoneFutures(done, fs - done)


class Executor:
    def submit(self, fn, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        if timeout is not None:
            end_time = timeout + _time()
        fs = [self.submit(fn, *args) for args in zip(*iterables)]

        def result_iterator():
            try:
                fs.reverse()
                while fs:
                    if timeout is None:
                        yield fs.pop().result()
                    else:
                        yield fs.pop().result(end_time - _time())
            finally:
                for future in fs:
                    future.cancel()

        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
        else:
            self.future.set_result(result)


def _worker(executor, work_queue):
    while True:
        work_item = work_queue.get(block=True)
        if work_item is not None:
            work_item.run()
            del work_item
            executor._idle_semaphore.release()
            continue
        work_queue.put(None)
        return


_counter = 0
# Every pool's work queue: when the main module ends, each gets a None so that idle workers
# exit once the queued work is done (CPython's _python_exit).
_work_queues = []


def _python_exit():
    for q in _work_queues:
        q.put(None)


threading._register_atexit(_python_exit)


class ThreadPoolExecutor(Executor):
    def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
        global _counter
        if max_workers is None:
            import os
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        self._max_workers = max_workers
        self._work_queue = _queue.Queue()
        _work_queues.append(self._work_queue)
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = []
        self._shutdown = False
        self._shutdown_lock = _thread.allocate_lock("executor (internal lock)")
        if not thread_name_prefix:
            with threading._counter_lock:
                thread_name_prefix = "ThreadPoolExecutor-%d" % _counter
                _counter += 1
        self._thread_name_prefix = thread_name_prefix

    def submit(self, fn, *args, **kwargs):
        with self._shutdown_lock:
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")
            f = Future()
            self._work_queue.put(_WorkItem(f, fn, args, kwargs))
            self._adjust_thread_count()
            return f

    def _adjust_thread_count(self):
        if self._idle_semaphore.acquire(timeout=0):
            return
        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            name = "%s_%d" % (self._thread_name_prefix or self, num_threads)
            t = threading.Thread(name=name, target=_worker, args=(self, self._work_queue))
            t.start()
            self._threads.append(t)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                while True:
                    try:
                        work_item = self._work_queue.get_nowait()
                    except _queue.Empty:
                        break
                    if work_item is not None:
                        work_item.future.cancel()
            self._work_queue.put(None)
        if wait:
            for t in self._threads:
                t.join()


def _process_chunk(fn, chunk):
    # A chunk of ProcessPoolExecutor.map's calls, run in one worker process.
    return [fn(*args) for args in chunk]


class ProcessPoolExecutor(Executor):
    # Worker processes (spawned, as multiprocessing's Pool starts them) take calls from one
    # queue and put results on another; a thread here hands each result to its Future.
    # As in CPython, a call waits here (PENDING, so it can be cancelled) until there is room
    # for it in the workers' queue, which holds max_workers + 1 calls (those are RUNNING).
    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), *, max_tasks_per_child=None):
        import multiprocessing as _mp
        if max_workers is None:
            import os
            max_workers = os.cpu_count() or 1
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        self._max_workers = max_workers
        self._broken = False
        self._running = set()
        self._pool = _ProcessPool(self, max_workers, initializer, initargs, max_tasks_per_child)
        self._shutdown = False
        self._shutdown_lock = _thread.allocate_lock("executor (internal lock)")
        self._feed_lock = threading.Condition(threading.RLock("executor (queue lock)"), "ProcessPoolExecutor.shutdown")
        self._pending = []
        self._outstanding = 0
        self._pool_closed = False
        # At exit, an executor not shut down finishes its work and stops its workers (which
        # are not daemons), before multiprocessing joins them (CPython's _python_exit).
        threading._register_atexit(self._exit_shutdown)

    def _exit_shutdown(self):
        if not self._shutdown or not getattr(self, "_pool_joined", False):
            self.shutdown(wait=True)

    def submit(self, fn, *args, **kwargs):
        with self._shutdown_lock:
            if self._broken:
                from concurrent.futures.process import BrokenProcessPool
                raise BrokenProcessPool(self._broken)
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")
            f = Future()
            with self._feed_lock:
                self._pending.append((f, fn, args, kwargs))
            self._feed()
            return f

    def _feed(self):
        # Moves pending calls to the workers' queue while it has room (a cancelled one is
        # dropped); closes the pool once shut down with nothing left to run.
        with self._feed_lock:
            while self._pending and self._outstanding < self._max_workers + 1 and not self._broken:
                f, fn, args, kwargs = self._pending.pop(0)
                if not f.set_running_or_notify_cancel():
                    continue
                self._outstanding += 1
                self._running.add(f)
                self._pool._send_call(self, f, fn, args, kwargs)
            if self._shutdown and not self._pending and not self._outstanding and not self._pool_closed:
                self._pool_closed = True
                self._pool.close()
                self._feed_lock.notify_all()

    def _call_done(self, f, ok, value):
        # The pool's result handler, with a call's result or exception.
        with self._feed_lock:
            self._outstanding -= 1
            self._running.discard(f)
        if ok:
            f.set_result(value)
        else:
            f.set_exception(value)
        self._feed()

    def _worker_died(self):
        # As CPython's executor manager thread when a worker ends abruptly (os._exit, a
        # kill): every call not finished fails, the other workers are stopped, and the
        # executor takes no more work. Called by the pool's result handler, which has ended.
        from concurrent.futures.process import BrokenProcessPool
        bpe = BrokenProcessPool("A process in the process pool was terminated abruptly while the future was running or pending.")
        with self._feed_lock:
            self._broken = "A child process terminated abruptly, the process pool is not usable anymore"
            failed = list(self._running) + [p[0] for p in self._pending]
            self._running = set()
            self._pending = []
            self._outstanding = 0
            self._pool_closed = True
            self._feed_lock.notify_all()
        for f in failed:
            if not f.done():
                f.set_exception(bpe)
        self._pool.terminate()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        calls = list(zip(*iterables))
        chunks = [calls[i:i + chunksize] for i in range(0, len(calls), chunksize)]
        results = Executor.map(self, _process_chunk, [fn] * len(chunks), chunks, timeout=timeout)

        def flatten():
            for chunk in results:
                yield from chunk

        return flatten()

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            first = not self._shutdown
            self._shutdown = True
        if cancel_futures:
            with self._feed_lock:
                for f, _, _, _ in self._pending:
                    f.cancel()
                self._pending = []
        if first:
            self._feed()
        if wait:
            with self._feed_lock:
                while not self._pool_closed:
                    self._feed_lock.wait()
                joined, self._pool_joined = getattr(self, "_pool_joined", False), True
            if not joined:
                self._pool.join()


def _make_process_pool():
    import multiprocessing as _mp

    class _ProcessPool(_mp.Pool):
        _worker_kind = "SpawnProcess"
        _catch_all = True
        _daemon_workers = False

        def __init__(self, executor, *args):
            self._executor = executor
            _mp.Pool.__init__(self, *args)

        def _watched(self):
            return [w.pid for w in self._pool] if self._state != "TERMINATE" else None

        def _worker_died(self, pid):
            self._executor._worker_died()

        def _send_call(self, executor, f, fn, args, kwargs):
            # A call goes to the workers' queue with a job number of its own and, when its
            # result comes back, straight to its Future: no AsyncResult (an Event) between.
            call = _ExecutorCall(executor, f)
            self._cache[call._job] = call
            self._send(call, 0, fn, (args, kwargs), "apply")

    class _ExecutorCall:
        def __init__(self, executor, f):
            self._executor = executor
            self._future = f
            self._job = _mp._new_job()

        def _set(self, i, obj):
            self._executor._pool._cache.pop(self._job, None)
            self._executor._call_done(self._future, obj[0], obj[1])

    return _ProcessPool


class _LazyProcessPool:
    def __call__(self, *args):
        global _ProcessPool
        _ProcessPool = _make_process_pool()
        return _ProcessPool(*args)


_ProcessPool = _LazyProcessPool()
