# Without a lock, an await between read and write loses updates even on one event loop.
import asyncio

counter = 0

async def unsafe():
    global counter
    v = counter
    await asyncio.sleep(0.001)
    counter = v + 1

async def safe_no_await():
    global counter
    v = counter
    counter = v + 1

async def main():
    await asyncio.gather(*(unsafe() for _ in range(10)))
    print("with await between read and write:", counter)
    await asyncio.gather(*(safe_no_await() for _ in range(10)))
    print("no await in between:", counter)

asyncio.run(main())
