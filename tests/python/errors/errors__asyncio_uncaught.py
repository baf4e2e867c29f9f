# An exception escaping asyncio.run: the traceback goes through asyncio's own frames.
import asyncio

async def fetch(n):
    await asyncio.sleep(0.01)
    if n == 2:
        raise LookupError(f"item {n} not found")
    return n

async def main():
    for n in range(4):
        print("got", await fetch(n))

asyncio.run(main())
