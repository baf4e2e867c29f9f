# Async generators: `async def` with `yield`. The function's frame runs as a plain generator
# whose `yield v` hands up an _AGValue(v); every other value it hands up comes from an
# `await` and goes on up to the event loop. __anext__ drives it until the next _AGValue.


class _AGValue:
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


def _drive(ag, send, throw):
    g = ag._gen
    if ag._done:
        if throw is not None:
            raise throw
        raise StopAsyncIteration
    while True:
        try:
            if throw is not None:
                e, throw = throw, None
                y = g.throw(e)
            else:
                y = g.send(send)
        except StopIteration:
            ag._done = True
            raise StopAsyncIteration from None
        except BaseException:
            ag._done = True
            raise
        if type(y) is _AGValue:
            return y.value
        try:
            send = yield y
        except BaseException as e:
            send = None
            throw = e


class _ANext:
    def __init__(self, ag, send, throw):
        self._ag, self._send, self._throw = ag, send, throw

    def __await__(self):
        return _drive(self._ag, self._send, self._throw)


class async_generator:
    def __init__(self, gen):
        self._gen = gen
        self._done = False
        self.__name__ = gen.__name__

    def __aiter__(self):
        return self

    def __anext__(self):
        return _ANext(self, None, None)

    def asend(self, value):
        return _ANext(self, value, None)

    def athrow(self, typ, val=None, tb=None):
        if val is None:
            val = typ() if isinstance(typ, type) else typ
        return _ANext(self, None, val)

    async def aclose(self):
        if self._done:
            return
        try:
            await _ANext(self, None, GeneratorExit())
        except (GeneratorExit, StopAsyncIteration):
            self._done = True
            return
        raise RuntimeError("async generator ignored GeneratorExit")

    def __repr__(self):
        return "<async_generator object %s>" % self.__name__
