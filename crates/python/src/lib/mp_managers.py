# multiprocessing.managers as CPython's SyncManager makes it: a server process holds the
# shared objects (a dict, a list, a Namespace, a queue.Queue, a threading.Lock...) and every
# other process reaches them through proxies, whose method calls travel to the server and
# their results back, pickled. Here a connection is a pair of the engine's queues between
# processes (_pg channels); the server serves each connection on a thread of its own, as
# CPython's does, so a proxy blocked in `queue.get()` or `lock.acquire()` holds up no one
# else. A proxy pickles as its address, so it can be passed to a process or stored in
# another shared object, and connects again wherever it is used.
import threading
import queue as _queue
import _pg

__all__ = ["BaseManager", "SyncManager", "BaseProxy", "Namespace"]


def _get(channel, server=None):
    # With `server` (its pid): an EOFError if the server process dies first, as CPython's
    # connection to a manager that is gone raises.
    r = _pg.channel_get(channel, True, None, None if server is None else [server])
    if r is True:
        r = _pg.channel_received()
    if isinstance(r, int):
        raise EOFError
    return r[0]


class _Slice:
    # A slice on its way to the server (the engine pickles no slice objects).
    def __init__(self, s):
        self.args = (s.start, s.stop, s.step)


def _out(args):
    return tuple(_Slice(a) if isinstance(a, slice) else a for a in args)


def _in(args):
    return tuple(slice(*a.args) if isinstance(a, _Slice) else a for a in args)


# ----- what the server holds -----

class Namespace:
    def __init__(self, **kwds):
        for name, value in kwds.items():
            setattr(self, name, value)

    def __repr__(self):
        items = list(self.__dict__.items())
        temp = []
        for name, value in items:
            if not name.startswith("_"):
                temp.append("%s=%r" % (name, value))
        temp.sort()
        return "%s(%s)" % (self.__class__.__name__, ", ".join(temp))


class Value:
    def __init__(self, typecode, value, lock=True):
        self._typecode = typecode
        self._value = value

    def get(self):
        return self._value

    def set(self, value):
        self._value = value

    def __repr__(self):
        return "%s(%r, %r)" % (type(self).__name__, self._typecode, self._value)

    value = property(get, set)


def _array(typecode, sequence, lock=True):
    raise NotImplementedError("Manager().Array is not available in this playground (it needs the array module): use Manager().list")


def _dict(*args, **kwds):
    return dict(*args, **kwds)


def _list(*args):
    return list(*args)


_registry = {
    "dict": _dict, "list": _list, "Namespace": Namespace, "Value": Value, "Array": _array,
    "Queue": _queue.Queue, "JoinableQueue": _queue.Queue, "Lock": threading.Lock,
    "RLock": threading.RLock, "Semaphore": threading.Semaphore,
    "BoundedSemaphore": threading.BoundedSemaphore, "Condition": threading.Condition,
    "Event": threading.Event, "Barrier": threading.Barrier,
}

# Methods whose result the server keeps and sends back as a proxy.
_iterator_methods = {"__iter__"}


class _Iterator:
    # What DictProxy.__iter__ gives on the server: iterated there, one item per call.
    def __init__(self, it):
        self._it = it

    def __next__(self):
        return next(self._it)


def _setitem(o, k, v):
    o[k] = v


def _delitem(o, k):
    del o[k]


def _imul(o, n):
    o *= n
    return o


# The special methods a proxy calls, as operations: the engine's built-in types answer the
# operations, not always a lookup of the method by name.
_SPECIAL = {
    "__getitem__": lambda o, k: o[k],
    "__setitem__": _setitem,
    "__delitem__": _delitem,
    "__contains__": lambda o, k: k in o,
    "__len__": lambda o: len(o),
    "__iter__": lambda o: iter(o),
    "__next__": lambda o: next(o),
    "__reversed__": lambda o: list(reversed(o)),
    "__repr__": lambda o: repr(o),
    "__str__": lambda o: str(o),
    "__add__": lambda o, x: o + x,
    "__mul__": lambda o, n: o * n,
    "__rmul__": lambda o, n: n * o,
    "__imul__": _imul,
    "__getattribute__": lambda o, name: getattr(o, name),
    "__setattr__": lambda o, name, v: setattr(o, name, v),
    "__delattr__": lambda o, name: delattr(o, name),
}


def _run_server(listener, ready, initializer=None, initargs=()):
    if initializer is not None:
        initializer(*initargs)
    _pg.channel_put(ready, True)
    objects = {}
    while True:
        msg = _get(listener)
        if msg[0] == "connect":
            threading.Thread(target=_serve_connection, args=(objects, msg[1], msg[2]), daemon=True).start()
        elif msg[0] == "shutdown":
            _pg.channel_put(msg[1], True)
            return


def _serve_connection(objects, requests, replies):
    while True:
        msg = _get(requests)
        op = msg[0]
        try:
            if op == "create":
                typeid, args, kwds = msg[1], msg[2], msg[3]
                obj = _registry[typeid](*args, **kwds)
                objects[id(obj)] = obj
                result = id(obj)
            elif op == "call":
                oid, name, args, kwds = msg[1], msg[2], msg[3], msg[4]
                obj = objects[oid]
                special = _SPECIAL.get(name)
                if special is not None:
                    result = special(obj, *_in(args), **kwds)
                else:
                    result = getattr(obj, name)(*_in(args), **kwds)
                if name in _iterator_methods:
                    it = _Iterator(result)
                    objects[id(it)] = it
                    result = ("proxy", id(it))
                elif isinstance(obj, dict) and name in ("keys", "values", "items"):
                    result = list(result)
            elif op == "getvalue":
                result = objects[msg[1]]
            else:
                result = None
            try:
                _pg.channel_put(replies, (True, result))
            except Exception as e:
                _pg.channel_put(replies, (False, e))
        except BaseException as e:
            _pg.channel_put(replies, (False, e))


# ----- the client side -----

# This process's connections: (listener, thread) -> (requests, replies). A proxy carries only
# its address, so a connection is made by the first call from each thread of each process.
_connections = {}


def _connection(listener):
    key = (listener, threading.get_ident())
    conn = _connections.get(key)
    if conn is None:
        conn = (_pg.channel_new(), _pg.channel_new())
        _pg.channel_put(listener, ("connect", conn[0], conn[1]))
        _connections[key] = conn
    return conn


def _request(listener, server, msg):
    requests, replies = _connection(listener)
    _pg.channel_put(requests, msg)
    ok, result = _get(replies, server)
    if not ok:
        raise result
    return result


class BaseProxy:
    _exposed_ = ()

    def __init__(self, typeid, listener, server, oid):
        object.__setattr__(self, "_typeid", typeid)
        object.__setattr__(self, "_listener", listener)
        object.__setattr__(self, "_server", server)
        object.__setattr__(self, "_oid", oid)

    def _callmethod(self, methodname, args=(), kwds={}):
        result = _request(self._listener, self._server, ("call", self._oid, methodname, _out(args), dict(kwds)))
        if methodname in _iterator_methods and isinstance(result, tuple) and result[:1] == ("proxy",):
            return IteratorProxy("Iterator", self._listener, self._server, result[1])
        return result

    def _getvalue(self):
        # A copy of the object the server holds, as CPython's (pickled: a lock cannot come).
        return _request(self._listener, self._server, ("getvalue", self._oid))

    def __repr__(self):
        return "<%s object, typeid %r at %#x>" % (type(self).__name__, self._typeid, id(self))

    def __str__(self):
        try:
            return self._callmethod("__repr__")
        except Exception:
            return repr(self)[:-1] + "; '__str__()' failed>"


def _proxy_method(name):
    def method(self, *args, **kwds):
        return self._callmethod(name, args, kwds)
    method.__name__ = name
    return method


def _make_proxy_type(name, exposed, qualname=None):
    namespace = {"_exposed_": tuple(exposed), "__module__": __name__, "__qualname__": qualname or name}
    for meth in exposed:
        namespace[meth] = _proxy_method(meth)
    return type(name, (BaseProxy,), namespace)


class IteratorProxy(BaseProxy):
    _exposed_ = ("__next__",)

    def __iter__(self):
        return self

    def __next__(self):
        return self._callmethod("__next__")


class AcquirerProxy(BaseProxy):
    _exposed_ = ("acquire", "release")

    def acquire(self, blocking=True, timeout=None):
        args = (blocking,) if timeout is None else (blocking, timeout)
        return self._callmethod("acquire", args)

    def release(self):
        return self._callmethod("release")

    def __enter__(self):
        return self._callmethod("acquire")

    def __exit__(self, exc_type, exc_val, exc_tb):
        return self._callmethod("release")


class ConditionProxy(AcquirerProxy):
    _exposed_ = ("acquire", "release", "wait", "notify", "notify_all")

    def wait(self, timeout=None):
        return self._callmethod("wait", (timeout,))

    def notify(self, n=1):
        return self._callmethod("notify", (n,))

    def notify_all(self):
        return self._callmethod("notify_all")

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        import time
        endtime = None if timeout is None else time.monotonic() + timeout
        waittime = None
        while not result:
            if endtime is not None:
                waittime = endtime - time.monotonic()
                if waittime <= 0:
                    break
            self.wait(waittime)
            result = predicate()
        return result


class EventProxy(BaseProxy):
    _exposed_ = ("is_set", "set", "clear", "wait")

    def is_set(self):
        return self._callmethod("is_set")

    def set(self):
        return self._callmethod("set")

    def clear(self):
        return self._callmethod("clear")

    def wait(self, timeout=None):
        return self._callmethod("wait", (timeout,))


class BarrierProxy(BaseProxy):
    _exposed_ = ("__getattribute__", "wait", "abort", "reset")

    def wait(self, timeout=None):
        return self._callmethod("wait", (timeout,))

    def abort(self):
        return self._callmethod("abort")

    def reset(self):
        return self._callmethod("reset")

    @property
    def parties(self):
        return self._callmethod("__getattribute__", ("parties",))

    @property
    def n_waiting(self):
        return self._callmethod("__getattribute__", ("n_waiting",))

    @property
    def broken(self):
        return self._callmethod("__getattribute__", ("broken",))


class NamespaceProxy(BaseProxy):
    _exposed_ = ("__getattribute__", "__setattr__", "__delattr__")

    def __getattr__(self, key):
        if key[0] == "_":
            return object.__getattribute__(self, key)
        return self._callmethod("__getattribute__", (key,))

    def __setattr__(self, key, value):
        if key[0] == "_":
            return object.__setattr__(self, key, value)
        return self._callmethod("__setattr__", (key, value))

    def __delattr__(self, key):
        if key[0] == "_":
            return object.__delattr__(self, key)
        return self._callmethod("__delattr__", (key,))


class ValueProxy(BaseProxy):
    _exposed_ = ("get", "set")

    def get(self):
        return self._callmethod("get")

    def set(self, value):
        return self._callmethod("set", (value,))

    value = property(get, set)


BaseListProxy = _make_proxy_type("BaseListProxy", (
    "__add__", "__contains__", "__delitem__", "__getitem__", "__len__", "__mul__",
    "__reversed__", "__rmul__", "__setitem__", "append", "count", "extend", "index", "insert",
    "pop", "remove", "reverse", "sort", "__imul__",
))


class ListProxy(BaseListProxy):
    def __iadd__(self, value):
        self._callmethod("extend", (value,))
        return self

    def __imul__(self, value):
        self._callmethod("__imul__", (value,))
        return self


DictProxy = _make_proxy_type("DictProxy", (
    "__contains__", "__delitem__", "__getitem__", "__iter__", "__len__", "__setitem__",
    "clear", "copy", "get", "items", "keys", "pop", "popitem", "setdefault", "update", "values",
))


def _auto_proxy(typename, qualname, exposed):
    # Named as CPython names it; found by `qualname`, a name of this module, when unpickled.
    return _make_proxy_type("AutoProxy[%s]" % typename, exposed, qualname)


_QUEUE_METHODS = ("empty", "full", "get", "get_nowait", "join", "put", "put_nowait", "qsize", "task_done")
_QueueProxy = _auto_proxy("Queue", "_QueueProxy", _QUEUE_METHODS)
_JoinableQueueProxy = _auto_proxy("JoinableQueue", "_JoinableQueueProxy", _QUEUE_METHODS)

_proxy_types = {
    "dict": DictProxy, "list": ListProxy, "Namespace": NamespaceProxy, "Value": ValueProxy,
    "Array": ListProxy, "Queue": _QueueProxy, "JoinableQueue": _JoinableQueueProxy,
    "Lock": AcquirerProxy, "RLock": AcquirerProxy, "Semaphore": AcquirerProxy,
    "BoundedSemaphore": AcquirerProxy, "Condition": ConditionProxy, "Event": EventProxy,
    "Barrier": BarrierProxy,
}


class BaseManager:
    def __init__(self, address=None, authkey=None, serializer="pickle", ctx=None, *, shutdown_timeout=1.0):
        self._listener = None
        self._process = None
        self._state = "initial"

    @property
    def address(self):
        return None if self._listener is None else ("engine", self._listener)

    def start(self, initializer=None, initargs=()):
        import multiprocessing
        if self._state == "started":
            raise multiprocessing.ProcessError("Already started server")
        if self._state == "shutdown":
            raise multiprocessing.ProcessError("Manager has shut down")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._listener = _pg.channel_new()
        ready = _pg.channel_new()
        self._process = multiprocessing.Process(target=_run_server, args=(self._listener, ready, initializer, initargs))
        self._process.name = type(self).__name__ + "-" + ":".join(str(i) for i in self._process._identity)
        self._process.start()
        # A server that fails to start (an unguarded main program starting processes again,
        # a failing initializer) is an EOFError here, as CPython's.
        _get(ready, self._process.pid)
        self._state = "started"
        threading._register_atexit(self.shutdown)

    def _create(self, typeid, *args, **kwds):
        if self._state != "started":
            # CPython's message, after a shutdown as well.
            raise AssertionError("server not yet started")
        oid = _request(self._listener, self._process.pid, ("create", typeid, args, kwds))
        return _proxy_types[typeid](typeid, self._listener, self._process.pid, oid)

    def join(self, timeout=None):
        if self._process is not None:
            self._process.join(timeout)

    def shutdown(self):
        if self._state != "started":
            return
        self._state = "shutdown"
        done = _pg.channel_new()
        _pg.channel_put(self._listener, ("shutdown", done))
        try:
            _get(done, self._process.pid)
        except EOFError:
            pass
        self._process.join(1.0)
        if self._process.exitcode is None:
            self._process.terminate()
            self._process.join()

    def __enter__(self):
        if self._state == "initial":
            self.start()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown()


class SyncManager(BaseManager):
    def dict(self, *args, **kwds):
        return self._create("dict", *args, **kwds)

    def list(self, *args):
        return self._create("list", *args)

    def Namespace(self, **kwds):
        return self._create("Namespace", **kwds)

    def Value(self, typecode, value, lock=True):
        return self._create("Value", typecode, value)

    def Array(self, typecode, sequence, lock=True):
        return self._create("Array", typecode, sequence)

    def Queue(self, maxsize=0):
        return self._create("Queue", maxsize)

    def JoinableQueue(self, maxsize=0):
        return self._create("JoinableQueue", maxsize)

    def Lock(self):
        return self._create("Lock")

    def RLock(self):
        return self._create("RLock")

    def Semaphore(self, value=1):
        return self._create("Semaphore", value)

    def BoundedSemaphore(self, value=1):
        return self._create("BoundedSemaphore", value)

    def Condition(self, lock=None):
        return self._create("Condition")

    def Event(self):
        return self._create("Event")

    def Barrier(self, parties, action=None, timeout=None):
        return self._create("Barrier", parties, action, timeout)
