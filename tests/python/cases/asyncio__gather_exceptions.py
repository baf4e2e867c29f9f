# gather with return_exceptions=True collects exceptions; without it the first one propagates.
import asyncio

async def ok(v, delay):
    await asyncio.sleep(delay)
    return v

async def bad(msg, delay):
    await asyncio.sleep(delay)
    raise ValueError(msg)

async def main():
    res = await asyncio.gather(ok(1, 0.01), bad("x", 0.02), ok(3, 0.0), bad("y", 0.0),
                               return_exceptions=True)
    for r in res:
        print(type(r).__name__, repr(r))
    try:
        await asyncio.gather(ok(1, 0.01), bad("first failure", 0.005))
    except ValueError as e:
        print("propagated:", e)
    await asyncio.sleep(0.02)
    print("done")

asyncio.run(main())
