# Task.cancel delivers CancelledError at the await; awaiting the task raises it; cleanup runs.
import asyncio

async def long_job():
    try:
        print("job: working")
        await asyncio.sleep(1)
        print("job: not reached")
    except asyncio.CancelledError:
        print("job: got CancelledError, cleaning up")
        raise
    finally:
        print("job: finally")

async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("stubborn: swallowing cancel")
    return "stubborn result"

async def main():
    t = asyncio.create_task(long_job())
    await asyncio.sleep(0.01)
    print("cancel returns", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("main: awaiting cancelled task raised CancelledError")
    print("cancelled():", t.cancelled(), "done():", t.done())

    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0.01)
    s.cancel()
    print(await s, s.cancelled())

    u = asyncio.create_task(asyncio.sleep(1))
    u.cancel()
    await asyncio.sleep(0)
    print("cancelled before start:", u.cancelled())
    print(issubclass(asyncio.CancelledError, Exception), issubclass(asyncio.CancelledError, BaseException))
    print("cancel done task:", t.cancel())

asyncio.run(main())
