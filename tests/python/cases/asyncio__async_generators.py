# async def generators, async for, async comprehensions, async with custom context manager.
import asyncio

async def ticks(n):
    for i in range(n):
        await asyncio.sleep(0.001)
        yield i

class Resource:
    async def __aenter__(self):
        print("acquire")
        await asyncio.sleep(0)
        return self
    async def __aexit__(self, *exc):
        print("release")
        return False

async def main():
    async for t in ticks(3):
        print("tick", t)
    squares = [t * t async for t in ticks(5)]
    print(squares)
    async with Resource() as r:
        print("using", type(r).__name__)

asyncio.run(main())
