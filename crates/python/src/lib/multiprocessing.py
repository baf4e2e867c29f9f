# multiprocessing as its spawn start method makes it (macOS's and Windows's default): a
# child process is a new interpreter that runs the main program as __mp_main__ and then
# calls the target; arguments, results and queue items are pickled on the way. The engine
# gives the primitives (_pg): start a process, join it, a queue between processes, shared
# numbers, a lock that crosses; Pool is built on them as CPython's is, with worker
# processes taking tasks from one queue and putting results on another.
import threading
import queue as _queue
import time as _time
import _pg

__all__ = [
    "Process", "current_process", "parent_process", "active_children", "cpu_count", "Queue",
    "SimpleQueue", "JoinableQueue", "Pool", "Lock", "RLock", "Semaphore", "BoundedSemaphore",
    "Event", "Value", "Array", "get_context", "get_start_method", "set_start_method",
    "freeze_support", "TimeoutError", "ProcessError",
]


# CPython defines these in multiprocessing.context, which names them in tracebacks.
class ProcessError(Exception):
    __module__ = "multiprocessing.context"


class BufferTooShort(ProcessError):
    __module__ = "multiprocessing.context"


class TimeoutError(ProcessError):
    __module__ = "multiprocessing.context"


class AuthenticationError(ProcessError):
    __module__ = "multiprocessing.context"


def cpu_count():
    return _pg.cpu_count()


def freeze_support():
    pass


def get_start_method(allow_none=False):
    # Unset, CPython fixes its platform's default here (fork on Linux, spawn on macOS and
    # Windows); the engine's only method is spawn.
    global _start_method_set
    if not _start_method_set:
        if allow_none:
            return None
        _start_method_set = True
    return "spawn"


def get_all_start_methods():
    return ["spawn"]


# Set once, as CPython's: a second call without force raises. A child has it set already
# (the parent's method is passed to it before it imports the main program).
_start_method_set = _pg.process_info()[2] is not None


def set_start_method(method, force=False):
    global _start_method_set
    if _start_method_set and not force:
        raise RuntimeError("context has already been set")
    if method is None and force:
        _start_method_set = False
        return
    if method != "spawn":
        raise ValueError("cannot find context for %r" % (method,))
    _start_method_set = True


# ----- processes -----

_counter = 0
_children = set()
_current_process = None


def _next_count():
    # As CPython's _process_counter: every Process made counts, named or not; a child starts
    # again from 1 (this module is new there), and its children's identities extend its own.
    global _counter
    with _counter_lock:
        _counter += 1
        return _counter


_counter_lock = threading.Lock()


class BaseProcess:
    _start_method = "spawn"

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None):
        assert group is None, "group argument must be None for now"
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._identity = current_process()._identity + (_next_count(),)
        self._name = name if name is not None else "%s-%s" % (type(self).__name__, ":".join(str(i) for i in self._identity))
        self._daemonic = daemon if daemon is not None else False
        self._pid = None
        self._parent_pid = None
        self._closed = False

    def run(self):
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        if self._closed:
            raise ValueError("process object is closed")
        assert self._pid is None, "cannot start a process twice"
        assert self._parent_pid is None or self._parent_pid == _pg.process_info()[0] or True
        if current_process().daemon:
            raise AssertionError("daemonic processes are not allowed to have children")
        self._parent_pid = _pg.process_info()[0]
        self._parent_name = current_process().name
        self._pid = _pg.start_process(self._name, self, (), {}, self._daemonic)
        _children.add(self)

    def join(self, timeout=None):
        if self._closed:
            raise ValueError("process object is closed")
        assert self._pid is not None, "can only join a started process"
        _pg.join_process(self._pid, timeout)
        if self.exitcode is not None:
            _children.discard(self)

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def is_alive(self):
        self._check_closed()
        if self is _current_process or self._pid == _pg.process_info()[0]:
            return True
        if self._pid is None:
            return False
        return _pg.process_exitcode(self._pid) is None

    def terminate(self):
        self._signal_child(15)

    def kill(self):
        self._signal_child(9)

    def _signal_child(self, signum):
        # The engine stops a child the same way for both; the exit code says which signal
        # ended it (-15 for SIGTERM, -9 for SIGKILL), as on POSIX.
        self._check_closed()
        if self._pid is not None and _pg.process_exitcode(self._pid) is None:
            if getattr(self, "_signal", None) is None:
                self._signal = signum
            _pg.process_terminate(self._pid)

    def close(self):
        if self._closed:
            return
        if self._pid is not None and self.exitcode is None:
            raise ValueError("Cannot close a process while it is still running. You should first call join() or terminate().")
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = name

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        assert self._pid is None, "process has already started"
        self._daemonic = daemonic

    @property
    def exitcode(self):
        self._check_closed()
        if self._pid is None or self._pid == _pg.process_info()[0]:
            return None
        code = _pg.process_exitcode(self._pid)
        if code == -15 and getattr(self, "_signal", None):
            return -self._signal
        return code

    @property
    def pid(self):
        return self._pid

    ident = pid

    @property
    def sentinel(self):
        return self._pid

    def __repr__(self):
        if self._pid is None:
            status = "initial"
        elif self is _current_process or self._pid == _pg.process_info()[0]:
            status = "started"
        else:
            code = self.exitcode
            status = "started" if code is None else ("stopped" if code == 0 else "stopped exitcode=%s" % code)
        info = [type(self).__name__, "name=%r" % self._name]
        if self._pid is not None:
            info.append("pid=%s" % self._pid)
        if self._parent_pid is not None:
            info.append("parent=%s" % self._parent_pid)
        info.append(status)
        if self._daemonic:
            info.append("daemon")
        return "<%s>" % " ".join(info)

    # In the child: what runs the target, and the exit code CPython gives.
    def _bootstrap(self):
        global _current_process
        _current_process = self
        try:
            self.run()
            exitcode = 0
        except SystemExit as e:
            if e.code is None:
                exitcode = 0
            elif isinstance(e.code, int):
                exitcode = e.code
            else:
                _pg.write_stderr(str(e.code) + "\n")
                exitcode = 1
        except BaseException as e:
            exitcode = 1
            _pg.write_stderr("Process %s:\n%s" % (self._name, _pg.format_exception(e)))
        return exitcode


class Process(BaseProcess):
    pass


class SpawnProcess(BaseProcess):
    pass


class _MainProcess(BaseProcess):
    def __init__(self):
        self._identity = ()
        self._name = "MainProcess"
        self._daemonic = False
        self._pid = _pg.process_info()[0]
        self._parent_pid = None
        self._target = None
        self._args = ()
        self._kwargs = {}
        self._closed = False


class _ParentProcess(BaseProcess):
    def __init__(self, pid, name):
        self._identity = ()
        self._name = name
        self._daemonic = False
        self._pid = pid
        self._parent_pid = None
        self._target = None
        self._args = ()
        self._kwargs = {}
        self._closed = False

    def is_alive(self):
        return True


def current_process():
    global _current_process
    if _current_process is None:
        _current_process = _MainProcess()
    return _current_process


def parent_process():
    ppid = _pg.process_info()[2]
    return None if ppid is None else _ParentProcess(ppid, getattr(current_process(), "_parent_name", "MainProcess"))


def active_children():
    for p in list(_children):
        if p.exitcode is not None:
            _children.discard(p)
    return list(_children)


def _child_main():
    # A spawned child: the main program first (as __mp_main__), then the target.
    try:
        _pg.run_main()
    except BaseException as e:
        _pg.write_stderr(_pg.format_exception(e))
        raise SystemExit(1)
    proc, args, kwargs = _pg.child_payload()
    pid, name, ppid = _pg.process_info()
    proc._pid = pid
    proc._parent_pid = ppid
    code = proc._bootstrap()
    if code:
        raise SystemExit(code)


def _exit_function():
    # As CPython's at exit: daemonic children are terminated, the others joined.
    for p in list(_children):
        if p._daemonic:
            p.terminate()
    for p in list(_children):
        p.join()


threading._register_atexit(_exit_function)


# ----- queues -----

class Queue:
    # Pickled only to start a process (CPython: "Queue objects should only be shared
    # between processes through inheritance"); so are the locks and shared values below.
    _inheritance_only = True

    def __init__(self, maxsize=0):
        self._id = _pg.channel_new()
        self._maxsize = maxsize if maxsize > 0 else 0
        self._closed = False

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError("Queue %r is closed" % self)
        if self._maxsize:
            end = None if timeout is None else _time.monotonic() + timeout
            while _pg.channel_size(self._id) >= self._maxsize:
                if not block or (end is not None and _time.monotonic() >= end):
                    raise _queue.Full
                _time.sleep(0.001)
        _pg.channel_put(self._id, obj)

    def get(self, block=True, timeout=None):
        if self._closed:
            raise ValueError("Queue %r is closed" % self)
        if timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        r = _pg.channel_get(self._id, block, timeout)
        if r is True:
            r = _pg.channel_received()
        if r is None:
            raise _queue.Empty
        return r[0]

    def put_nowait(self, obj):
        return self.put(obj, False)

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        return _pg.channel_size(self._id)

    def empty(self):
        return _pg.channel_size(self._id) == 0

    def full(self):
        return bool(self._maxsize) and _pg.channel_size(self._id) >= self._maxsize

    def close(self):
        self._closed = True

    def join_thread(self):
        pass

    def cancel_join_thread(self):
        pass


class SimpleQueue(Queue):
    pass


class JoinableQueue(Queue):
    def __init__(self, maxsize=0):
        Queue.__init__(self, maxsize)
        self._unfinished = _pg.array_new([0])
        self._count_lock = Lock()

    def put(self, obj, block=True, timeout=None):
        with self._count_lock:
            _pg.array_set(self._unfinished, 0, _pg.array_get(self._unfinished, 0) + 1)
        Queue.put(self, obj, block, timeout)

    def task_done(self):
        with self._count_lock:
            n = _pg.array_get(self._unfinished, 0)
            if n <= 0:
                raise ValueError("task_done() called too many times")
            _pg.array_set(self._unfinished, 0, n - 1)

    def join(self):
        while _pg.array_get(self._unfinished, 0) > 0:
            _time.sleep(0.001)


# ----- synchronisation between processes -----

class Lock:
    _inheritance_only = True

    def __init__(self):
        self._lock = _pg.mp_lock()

    def acquire(self, block=True, timeout=None):
        if timeout is None:
            return self._lock.acquire(block)
        return self._lock.acquire(block, timeout)

    def release(self):
        self._lock.release()

    def __enter__(self):
        return self._lock.acquire()

    def __exit__(self, *args):
        self._lock.release()

    def __repr__(self):
        return "<Lock(owner=%s)>" % ("SomeOtherProcess" if self._lock.locked() else "None")


class RLock:
    _inheritance_only = True

    def __init__(self):
        self._lock = _pg.mp_lock()
        self._state = _pg.array_new([0, 0, 0])

    def _me(self):
        return _pg.process_info()[0], threading.get_ident()

    def acquire(self, block=True, timeout=None):
        pid, tid = self._me()
        if _pg.array_get(self._state, 0) == pid and _pg.array_get(self._state, 1) == tid:
            _pg.array_set(self._state, 2, _pg.array_get(self._state, 2) + 1)
            return True
        got = self._lock.acquire(block) if timeout is None else self._lock.acquire(block, timeout)
        if got:
            _pg.array_set(self._state, 0, pid)
            _pg.array_set(self._state, 1, tid)
            _pg.array_set(self._state, 2, 1)
        return got

    def release(self):
        pid, tid = self._me()
        if _pg.array_get(self._state, 0) != pid or _pg.array_get(self._state, 1) != tid:
            raise AssertionError("attempt to release recursive lock not owned by thread")
        n = _pg.array_get(self._state, 2) - 1
        _pg.array_set(self._state, 2, n)
        if n == 0:
            _pg.array_set(self._state, 0, 0)
            _pg.array_set(self._state, 1, 0)
            self._lock.release()

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()


class Semaphore:
    _inheritance_only = True

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._guard = Lock()
        self._value = _pg.array_new([value])
        self._initial = value

    def acquire(self, block=True, timeout=None):
        end = None if timeout is None else _time.monotonic() + timeout
        while True:
            with self._guard:
                n = _pg.array_get(self._value, 0)
                if n > 0:
                    _pg.array_set(self._value, 0, n - 1)
                    return True
            if not block or (end is not None and _time.monotonic() >= end):
                return False
            _time.sleep(0.0005)

    def release(self):
        with self._guard:
            _pg.array_set(self._value, 0, _pg.array_get(self._value, 0) + 1)

    def get_value(self):
        return _pg.array_get(self._value, 0)

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()


class BoundedSemaphore(Semaphore):
    def release(self):
        with self._guard:
            n = _pg.array_get(self._value, 0)
            if n >= self._initial:
                raise ValueError("semaphore or lock released too many times")
            _pg.array_set(self._value, 0, n + 1)


class Event:
    # CPython's Event holds a Condition, the first object pickling refuses.
    _inheritance_only = "Condition"

    def __init__(self):
        self._flag = _pg.array_new([False])

    def is_set(self):
        return _pg.array_get(self._flag, 0)

    def set(self):
        _pg.array_set(self._flag, 0, True)

    def clear(self):
        _pg.array_set(self._flag, 0, False)

    def wait(self, timeout=None):
        end = None if timeout is None else _time.monotonic() + timeout
        while not _pg.array_get(self._flag, 0):
            if end is not None and _time.monotonic() >= end:
                return False
            _time.sleep(0.0005)
        return True


# ----- shared numbers -----

def _convert(typecode, v):
    if isinstance(typecode, str) and typecode in "fd":
        return float(v)
    if isinstance(typecode, str) and typecode == "?":
        return bool(v)
    if isinstance(v, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    return int(v)


_ctype_names = {"b": "c_byte", "B": "c_ubyte", "h": "c_short", "H": "c_ushort", "i": "c_int", "I": "c_uint", "l": "c_long", "L": "c_ulong", "q": "c_longlong", "Q": "c_ulonglong", "f": "c_float", "d": "c_double", "?": "c_bool"}


class _Synchronized:
    # What Value and Array add to the raw object when they have a lock (lock=True or a lock
    # given): get_lock(), acquire/release and `with`. RawValue/RawArray (lock=False) lack them.
    def get_lock(self):
        return self._lock

    def get_obj(self):
        return self

    def acquire(self, *args):
        return self._lock.acquire(*args)

    def release(self):
        return self._lock.release()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)


class _RawValue:
    def __init__(self, typecode, value, lock=None):
        self._typecode = typecode
        self._id = _pg.array_new([_convert(typecode, value)])
        if lock is not None:
            self._lock = lock

    @property
    def value(self):
        return _pg.array_get(self._id, 0)

    @value.setter
    def value(self, v):
        _pg.array_set(self._id, 0, _convert(self._typecode, v))

    def __repr__(self):
        return "%s(%r)" % (_ctype_names.get(self._typecode, "c_long"), self.value)


class _SynchronizedValue(_Synchronized, _RawValue):
    _inheritance_only = "Synchronized"

    def __repr__(self):
        return "<Synchronized wrapper for %s>" % _RawValue.__repr__(self)


class _RawArray:
    def __init__(self, typecode, size_or_initializer, lock=None):
        self._typecode = typecode
        if isinstance(size_or_initializer, int):
            items = [_convert(typecode, 0)] * size_or_initializer
        else:
            items = [_convert(typecode, v) for v in size_or_initializer]
        self._len = len(items)
        self._id = _pg.array_new(items)
        if lock is not None:
            self._lock = lock

    def __len__(self):
        return self._len

    def _index(self, i):
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError("invalid index")
        return i

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [_pg.array_get(self._id, k) for k in list(range(self._len))[i]]
        return _pg.array_get(self._id, self._index(i))

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            slots = list(range(self._len))[i]
            values = [_convert(self._typecode, x) for x in v]
            if len(values) != len(slots):
                raise ValueError("Can only assign sequence of same size")
            for k, x in zip(slots, values):
                _pg.array_set(self._id, k, x)
            return
        _pg.array_set(self._id, self._index(i), _convert(self._typecode, v))

    def __iter__(self):
        return iter([_pg.array_get(self._id, k) for k in range(self._len)])


class _SynchronizedArray(_Synchronized, _RawArray):
    _inheritance_only = "SynchronizedArray"


def _lock_for(lock):
    if lock is True:
        return RLock()
    if lock is False or lock is None:
        return None
    if not hasattr(lock, "acquire"):
        raise AttributeError("%r has no method 'acquire'" % (lock,))
    return lock


def Value(typecode_or_type, *args, lock=True):
    value = args[0] if args else 0
    lock = _lock_for(lock)
    if lock is None:
        return _RawValue(typecode_or_type, value)
    return _SynchronizedValue(typecode_or_type, value, lock)


def Array(typecode_or_type, size_or_initializer, *, lock=True):
    lock = _lock_for(lock)
    if lock is None:
        return _RawArray(typecode_or_type, size_or_initializer)
    return _SynchronizedArray(typecode_or_type, size_or_initializer, lock)


def RawValue(typecode_or_type, *args):
    return Value(typecode_or_type, *args, lock=False)


def RawArray(typecode_or_type, size_or_initializer):
    return Array(typecode_or_type, size_or_initializer, lock=False)


def Manager():
    # A SyncManager, started: its server process holds the shared objects (managers.py).
    from multiprocessing.managers import SyncManager
    m = SyncManager()
    m.start()
    return m


# ----- pools -----

def _pool_worker(inqueue, outqueue, initializer=None, initargs=(), maxtasks=None, catch_all=False):
    # catch_all: ProcessPoolExecutor's workers send back any exception, SystemExit included;
    # a Pool's send back only an Exception (SystemExit ends the worker, as in CPython).
    if initializer is not None:
        initializer(*initargs)
    completed = 0
    while maxtasks is None or completed < maxtasks:
        task = inqueue.get()
        if task is None:
            break
        job, i, func, chunk, mode = task
        try:
            if mode == "apply":
                args, kwds = chunk
                result = (True, func(*args, **kwds))
            elif mode == "star":
                result = (True, [func(*a) for a in chunk])
            else:
                result = (True, [func(a) for a in chunk])
        except BaseException as e:
            if not (catch_all or isinstance(e, Exception)):
                raise
            result = (False, _RemoteError(e, _pg.format_exception(e), catch_all))
        try:
            outqueue.put((job, i, result))
        except Exception as e:
            outqueue.put((job, i, (False, MaybeEncodingError(e, result[1]))))
        completed += 1


class RemoteTraceback(Exception):
    # The cause of an exception re-raised from a pool task: the traceback it had in the worker.
    __module__ = "multiprocessing.pool"

    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class _RemoteTracebackFutures(RemoteTraceback):
    __module__ = "concurrent.futures.process"
    __qualname__ = "_RemoteTraceback"


class _RemoteError:
    # What a worker sends back for a failed task: the exception and its traceback there, which
    # becomes the exception's __cause__ in the parent, as CPython's pool and executor do.
    def __init__(self, exc, tb, futures):
        self.exc = exc
        self.tb = tb
        self.futures = futures

    def rebuild(self):
        kind = _RemoteTracebackFutures if self.futures else RemoteTraceback
        self.exc.__cause__ = kind('\n"""\n%s"""' % self.tb)
        self.exc.__suppress_context__ = True
        return self.exc


class MaybeEncodingError(Exception):
    __module__ = "multiprocessing.pool"

    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super().__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)


_job_counter = 0


_job_lock = threading.Lock()


def _new_job():
    # Under a lock: threads sharing a pool must not get the same job number (free-threaded,
    # `+=` on a global is not atomic).
    global _job_counter
    with _job_lock:
        _job_counter += 1
        return _job_counter


class ApplyResult:
    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._event = threading.Event()
        self._job = _new_job()
        self._callback = callback
        self._error_callback = error_callback
        self._success = None
        self._value = None
        pool._cache[self._job] = self

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("%r not ready" % self)
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _set(self, i, obj):
        self._success, self._value = obj
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)
        self._event.set()
        del self._pool._cache[self._job]


AsyncResult = ApplyResult


class MapResult(ApplyResult):
    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
            del pool._cache[self._job]
        else:
            self._number_left = length // chunksize + bool(length % chunksize)

    def _set(self, i, success_result):
        self._number_left -= 1
        success, result = success_result
        if success and self._success:
            self._value[i * self._chunksize:(i + 1) * self._chunksize] = result
            if self._number_left == 0:
                if self._callback:
                    self._callback(self._value)
                del self._pool._cache[self._job]
                self._event.set()
        else:
            if not success and self._success:
                self._success = False
                self._value = result
            if self._number_left == 0:
                # As CPython's: ready, and the error callback called, once every chunk is back.
                if self._error_callback:
                    self._error_callback(self._value)
                del self._pool._cache[self._job]
                self._event.set()


class _Arrived:
    # One chunk of an imap_unordered, once it has come back: its results, or the exception.
    def __init__(self, value):
        self._success = not isinstance(value, BaseException)
        self._value = value

    def wait(self, timeout=None):
        pass

    def ready(self):
        return True


class IMapIterator:
    # imap's results: chunk i's list (or its exception) comes from self._chunk(i), in order.
    def __init__(self, chunk, count):
        self._chunk = chunk
        self._count = count
        self._index = 0
        self._items = []
        self._whole_chunks = False

    def __iter__(self):
        return self

    def next(self, timeout=None):
        while not self._items:
            if self._index >= self._count:
                raise StopIteration
            r = self._chunk(self._index)
            r.wait(timeout)
            if not r.ready():
                raise TimeoutError
            self._index += 1
            if not r._success:
                raise r._value
            self._items = [r._value] if self._whole_chunks else list(r._value)
        return self._items.pop(0)

    __next__ = next


class IMapUnorderedIterator(IMapIterator):
    pass


class Pool:
    _worker_kind = "SpawnPoolWorker"

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        if processes is None:
            processes = cpu_count()
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._processes = processes
        self._inqueue = SimpleQueue()
        self._outqueue = SimpleQueue()
        self._cache = {}
        self._state = "RUN"
        self._worker_args = (self._inqueue, self._outqueue, initializer, initargs, maxtasksperchild, self._catch_all)
        self._pool = [self._new_worker() for _ in range(processes)]
        self._handler = threading.Thread(target=self._handle_results, name="Pool result handler", daemon=True)
        self._handler.start()
        # With maxtasksperchild, workers exit after that many tasks and are replaced, as
        # CPython's worker handler does; it also sends the workers their sentinels on close().
        self._maintainer = None
        if maxtasksperchild is not None:
            self._maintainer = threading.Thread(target=self._maintain_pool, name="Pool worker handler", daemon=True)
            self._maintainer.start()

    _catch_all = False
    # A Pool's workers are daemons; ProcessPoolExecutor's are not (since Python 3.9).
    _daemon_workers = True

    def _new_worker(self):
        w = SpawnProcess(target=_pool_worker, args=self._worker_args, daemon=self._daemon_workers)
        w.name = w.name.replace("SpawnProcess", self._worker_kind)
        w.start()
        return w

    def _maintain_pool(self):
        while self._state == "RUN" or (self._cache and self._state != "TERMINATE"):
            for i, w in enumerate(self._pool):
                if w.exitcode is not None and self._state != "TERMINATE":
                    w.join()
                    self._pool[i] = self._new_worker()
            _time.sleep(0.005)
        if self._state != "TERMINATE":
            for _ in self._pool:
                self._inqueue.put(None)

    def _watched(self):
        # The workers whose death the result handler looks out for (ProcessPoolExecutor's).
        return None

    def _handle_results(self):
        while True:
            got = _pg.channel_get(self._outqueue._id, True, None, self._watched())
            if got is True:
                got = _pg.channel_received()
            if isinstance(got, int):
                self._worker_died(got)
                return
            task = got[0]
            if task is None:
                return
            job, i, obj = task
            if not obj[0] and isinstance(obj[1], _RemoteError):
                obj = (False, obj[1].rebuild())
            result = self._cache.get(job)
            if result is not None:
                result._set(i, obj)

    def _check_running(self):
        if self._state != "RUN":
            raise ValueError("Pool not running")

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._send(result, 0, func, (tuple(args), dict(kwds)), "apply")
        return result

    def _send(self, result, i, func, chunk, mode):
        # As CPython's task handler: a task that cannot be pickled fails its result, so that
        # get() raises the error (apply_async and map_async themselves return).
        try:
            self._inqueue.put((result._job, i, func, chunk, mode))
        except Exception as e:
            result._set(i, (False, e))

    def _map_async(self, func, iterable, mode, chunksize, callback, error_callback):
        self._check_running()
        if not hasattr(iterable, "__len__"):
            iterable = list(iterable)
        iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable), len(self._pool) * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        result = MapResult(self, chunksize, len(iterable), callback, error_callback)
        if chunksize:
            for i in range(0, len(iterable), chunksize):
                self._send(result, i // chunksize, func, iterable[i:i + chunksize], mode)
        return result

    def map(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, "map", chunksize, None, None).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, "map", chunksize, callback, error_callback)

    def starmap(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, "star", chunksize, None, None).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, "star", chunksize, callback, error_callback)

    def _chunks(self, func, iterable, chunksize, callback=None):
        self._check_running()
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        items = list(iterable)
        chunks = []
        for i in range(0, len(items), chunksize):
            r = ApplyResult(self, callback, callback)
            self._send(r, 0, func, items[i:i + chunksize], "map")
            chunks.append(r)
        return chunks

    def imap(self, func, iterable, chunksize=1):
        chunks = self._chunks(func, iterable, chunksize)
        return self._iterate(IMapIterator(chunks.__getitem__, len(chunks)), chunksize)

    def imap_unordered(self, func, iterable, chunksize=1):
        # Each chunk's result (or exception) is queued as it comes; the callback is given
        # before the chunk is sent, so none can be missed or queued twice.
        done = _queue.Queue()
        chunks = self._chunks(func, iterable, chunksize, done.put)

        def arrived(i):
            return _Arrived(done.get())

        return self._iterate(IMapUnorderedIterator(arrived, len(chunks)), chunksize)

    @staticmethod
    def _iterate(it, chunksize):
        # As CPython's: with chunksize 1 the iterator itself (an error is raised at its place,
        # and next() goes on after it); with bigger chunks a generator over the chunks.
        if chunksize == 1:
            return it
        it._whole_chunks = True
        return (item for chunk in it for item in chunk)

    def close(self):
        if self._state == "RUN":
            self._state = "CLOSE"
            if self._maintainer is None:
                for _ in self._pool:
                    self._inqueue.put(None)

    def terminate(self):
        self._state = "TERMINATE"
        if self._maintainer is not None:
            self._maintainer.join()
        for w in self._pool:
            w.terminate()
        for w in self._pool:
            w.join()
        self._outqueue.put(None)

    def join(self):
        if self._state == "RUN":
            raise ValueError("Pool is still running")
        if self._maintainer is not None:
            self._maintainer.join()
        for w in self._pool:
            w.join()
        self._outqueue.put(None)
        self._handler.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()

    def __repr__(self):
        return "<multiprocessing.pool.Pool state=%s pool_size=%d>" % (self._state, len(self._pool))


# ----- contexts: there is one, spawn -----

class _SpawnContext:
    Process = SpawnProcess
    Queue = Queue
    SimpleQueue = SimpleQueue
    JoinableQueue = JoinableQueue
    Pool = Pool
    Lock = Lock
    RLock = RLock
    Semaphore = Semaphore
    BoundedSemaphore = BoundedSemaphore
    Event = Event
    TimeoutError = TimeoutError
    ProcessError = ProcessError

    def Value(self, typecode_or_type, *args, lock=True):
        return Value(typecode_or_type, *args, lock=lock)

    def Array(self, typecode_or_type, size_or_initializer, *, lock=True):
        return Array(typecode_or_type, size_or_initializer, lock=lock)

    def cpu_count(self):
        return cpu_count()

    def current_process(self):
        return current_process()

    def active_children(self):
        return active_children()

    def get_start_method(self, allow_none=False):
        return "spawn"

    def set_start_method(self, method, force=False):
        set_start_method(method, force)

    def freeze_support(self):
        pass


_spawn_context = _SpawnContext()


def get_context(method=None):
    if method not in (None, "spawn"):
        raise ValueError("cannot find context for %r" % (method,))
    return _spawn_context
