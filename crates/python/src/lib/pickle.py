# pickle's exceptions: what crosses between processes is pickled by the engine itself
# (crates/python/src/process.rs), which raises these as CPython's _pickle does.


class PickleError(Exception):
    pass


class PicklingError(PickleError):
    pass


class UnpicklingError(PickleError):
    pass


HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4


def dumps(obj, protocol=None):
    raise NotImplementedError("pickle.dumps is not available in this playground: objects are pickled when they cross to another process")


def loads(data):
    raise NotImplementedError("pickle.loads is not available in this playground: objects are pickled when they cross to another process")
