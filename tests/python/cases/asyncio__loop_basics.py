# get_running_loop, call_soon, call_later, futures set by callbacks, loop.time comparisons.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    log = []
    loop.call_soon(log.append, "soon-1")
    loop.call_later(0.02, log.append, "later-20ms")
    loop.call_later(0.01, log.append, "later-10ms")
    loop.call_soon(log.append, "soon-2")
    await asyncio.sleep(0)
    print(log)
    await asyncio.sleep(0.04)
    print(log)

    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, "future value")
    print(fut.done())
    print(await fut, fut.done())
    t0 = loop.time()
    await asyncio.sleep(0.02)
    print("loop time advanced:", loop.time() - t0 >= 0.015)

    fut2 = loop.create_future()
    fut2.set_exception(KeyError("kf"))
    try:
        await fut2
    except KeyError as e:
        print("future exception:", e)

asyncio.run(main())
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
