# asyncio.run, await, sleep, return values, coroutine objects.
import asyncio
import time

async def add(a, b):
    await asyncio.sleep(0.01)
    return a + b

async def main():
    print("main start")
    r = await add(2, 3)
    print("add ->", r)
    coro = add(10, 20)
    print(type(coro).__name__)
    print("awaited later ->", await coro)
    start = time.perf_counter()
    await asyncio.sleep(0.05)
    print("slept enough:", time.perf_counter() - start >= 0.05)
    v = await asyncio.sleep(0, result="sleep result")
    print(v)
    return "main result"

print(asyncio.run(main()))

async def nested(depth):
    if depth == 0:
        return ["bottom"]
    return [depth] + await nested(depth - 1)

print(asyncio.run(nested(3)))
print(asyncio.iscoroutinefunction(add), asyncio.iscoroutinefunction(print))
