# threading for the playground's engine: the same classes as CPython's, built the same way
# on two primitives, a lock (_thread.allocate_lock) and a thread (_pg.start_thread). The
# string given to allocate_lock is what the timeline calls a wait on that lock.
import _thread
import _pg
from time import monotonic as _time

get_ident = _thread.get_ident
get_native_id = _thread.get_ident
TIMEOUT_MAX = _thread.TIMEOUT_MAX
ThreadError = RuntimeError

_active = {}
_counter = 0
# Free-threaded, `_counter += 1` is a read and a write: two threads naming a thread at once
# could get the same number (CPython counts with itertools.count, atomic in C).
_counter_lock = _thread.allocate_lock("thread names")


def _newname(fmt="Thread-%d"):
    global _counter
    with _counter_lock:
        _counter += 1
        n = _counter
    return fmt % n


def Lock():
    return _thread.allocate_lock("Lock.acquire")


def RLock(_label="RLock.acquire"):
    # Native (_thread.RLock), as CPython's C one: every Condition, Future and queue takes one.
    return _thread.RLock(_label)


class Condition:
    def __init__(self, lock=None, _label="Condition.wait"):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        # An RLock has these three (as CPython's Condition takes them from its lock).
        if hasattr(lock, "_release_save"):
            self._release_save = lock._release_save
            self._acquire_restore = lock._acquire_restore
            self._is_owned = lock._is_owned
        self._waiters = []
        self._label = _label

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, t, v, tb):
        return self._lock.__exit__(t, v, tb)

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, state):
        self._lock.acquire()

    def _is_owned(self):
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _thread.allocate_lock(self._label)
        waiter.acquire()
        self._waiters.append(waiter)
        saved = self._release_save()
        gotit = False
        try:
            if timeout is None:
                waiter.acquire()
                gotit = True
            elif timeout > 0:
                gotit = waiter.acquire(True, timeout)
            else:
                gotit = waiter.acquire(False)
            return gotit
        finally:
            self._acquire_restore(saved)
            if not gotit:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _time() + waittime
                else:
                    waittime = endtime - _time()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        waiters = self._waiters[:n]
        for waiter in waiters:
            waiter.release()
            try:
                self._waiters.remove(waiter)
            except ValueError:
                pass

    def notify_all(self):
        self.notify(len(self._waiters))

    notifyAll = notify_all


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(_thread.allocate_lock("Semaphore (internal lock)"), "Semaphore.acquire")
        self._value = value

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        rc = False
        endtime = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if endtime is None:
                        endtime = _time() + timeout
                    else:
                        timeout = endtime - _time()
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
            else:
                self._value -= 1
                rc = True
        return rc

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            self._value += n
            for i in range(n):
                self._cond.notify()

    def __exit__(self, t, v, tb):
        self.release()

    def __repr__(self):
        return "<threading.Semaphore at 0x%x: value=%d>" % (id(self), self._value)


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            for i in range(n):
                self._cond.notify()


class Event:
    def __init__(self):
        self._cond = Condition(_thread.allocate_lock("Event (internal lock)"), "Event.wait")
        self._flag = False

    def is_set(self):
        return self._flag

    isSet = is_set

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled

    def __repr__(self):
        return "<threading.Event at 0x%x: %s>" % (id(self), "set" if self._flag else "unset")


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be > 0")
        self._cond = Condition(_thread.allocate_lock("Barrier (internal lock)"), "Barrier.wait")
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._count = 0
        self._generation = 0
        self._broken = False

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            if self._broken:
                raise BrokenBarrierError
            generation = self._generation
            index = self._count
            self._count += 1
            if self._count == self._parties:
                try:
                    if self._action:
                        self._action()
                except BaseException:
                    self._break()
                    raise
                self._count = 0
                self._generation += 1
                self._cond.notify_all()
                return index
            while generation == self._generation and not self._broken:
                if not self._cond.wait(timeout):
                    self._break()
                    raise BrokenBarrierError
            if self._broken:
                raise BrokenBarrierError
            return index

    def _break(self):
        self._broken = True
        self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    def reset(self):
        with self._cond:
            self._broken = False
            self._count = 0
            self._generation += 1
            self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count

    @property
    def broken(self):
        return self._broken


def _excepthook_print(name, exc):
    _pg.print_thread_exception(name, exc)


class Thread:
    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        if name is None:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    name += " (%s)" % target.__name__
                except AttributeError:
                    pass
        else:
            name = str(name)
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs if kwargs is not None else {}
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._started = Event()
        self._is_stopped = False
        self._initialized = True

    def start(self):
        if not getattr(self, "_initialized", False):
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set() or self._ident is not None:
            raise RuntimeError("threads can only be started once")
        self._ident = _pg.start_thread(self._bootstrap, self._name, self._daemonic)
        _active[self._ident] = self
        # As CPython does: start() returns once the new thread runs.
        self._started.wait()

    def _bootstrap(self):
        self._started.set()
        try:
            self.run()
        except SystemExit:
            pass
        except BaseException as exc:
            _excepthook_print(self._name, exc)
        finally:
            self._is_stopped = True
            _active.pop(self._ident, None)

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            self._target = None
            self._args = None
            self._kwargs = None

    def join(self, timeout=None):
        if not getattr(self, "_initialized", False):
            raise RuntimeError("Thread.__init__() not called")
        if self._ident is None:
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        _pg.join_thread(self._ident, timeout)

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = str(name)
        if self._ident is not None:
            _pg.set_thread_name(self._ident, self._name)

    @property
    def ident(self):
        return self._ident

    @property
    def native_id(self):
        return self._ident

    def is_alive(self):
        if self._ident is None or self._is_stopped:
            return False
        return _pg.thread_alive(self._ident)

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if self._ident is not None:
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        return self._daemonic

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self._name

    def setName(self, name):
        self.name = name

    def __repr__(self):
        status = "initial"
        if self._ident is not None:
            status = "started"
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)


class _MainThread(Thread):
    def __init__(self):
        self._target = None
        self._name = "MainThread"
        self._args = ()
        self._kwargs = {}
        self._daemonic = False
        self._ident = get_ident()
        self._started = Event()
        self._started._flag = True
        self._is_stopped = False
        self._initialized = True

    def is_alive(self):
        return True


class _DummyThread(Thread):
    def __init__(self, ident):
        self._target = None
        self._name = _pg.thread_name()
        self._args = ()
        self._kwargs = {}
        self._daemonic = True
        self._ident = ident
        self._started = Event()
        self._started._flag = True
        self._is_stopped = False
        self._initialized = True


class Timer(Thread):
    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


_local_lock = _thread.allocate_lock("threading.local (internal lock)")


class local:
    def _local__dict(self):
        ident = get_ident()
        try:
            d = object.__getattribute__(self, "_local__dicts").get(ident)
            if d is not None:
                return d
        except AttributeError:
            pass
        # First touch from this thread: without a GIL, two threads can get here at once, so
        # the table and this thread's entry are made under a lock (else one's is lost).
        with _local_lock:
            try:
                dicts = object.__getattribute__(self, "_local__dicts")
            except AttributeError:
                dicts = {}
                object.__setattr__(self, "_local__dicts", dicts)
            d = dicts.setdefault(ident, {})
            others = len(dicts) > 1
        # A subclass's __init__ runs again in each thread that first touches the object.
        if others and type(self).__init__ is not object.__init__:
            type(self).__init__(self)
        return d

    def __getattr__(self, name):
        d = local._local__dict(self)
        if name in d:
            return d[name]
        raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))

    def __setattr__(self, name, value):
        local._local__dict(self)[name] = value

    def __delattr__(self, name):
        del local._local__dict(self)[name]


_main_thread = _MainThread()
_active[_main_thread._ident] = _main_thread


def current_thread():
    ident = get_ident()
    t = _active.get(ident)
    if t is None:
        t = _DummyThread(ident)
    return t


currentThread = current_thread


def main_thread():
    return _main_thread


def enumerate():
    alive = _pg.thread_ids()
    return [t for i, t in list(_active.items()) if i in alive]


def active_count():
    return len(enumerate())


activeCount = active_count


def settrace(func):
    pass


def setprofile(func):
    pass


def excepthook(args):
    pass


def stack_size(size=0):
    return 0


# Called when the main module ends, before waiting for the non-daemon threads (as CPython's
# threading._shutdown does): concurrent.futures uses it to let idle pool workers exit.
_exit_hooks = []


def _register_atexit(func, *arg, **kwargs):
    _exit_hooks.append((func, arg, kwargs))


def _run_exit_hooks():
    while _exit_hooks:
        func, arg, kwargs = _exit_hooks.pop()
        func(*arg, **kwargs)
