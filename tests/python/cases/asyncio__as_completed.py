# asyncio.as_completed yields results in completion order.
import asyncio

async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name} ({delay})"

async def main():
    coros = [fetch("a", 0.2), fetch("b", 0.05), fetch("c", 0.15), fetch("d", 0.1)]
    results = []
    for fut in asyncio.as_completed(coros):
        r = await fut
        print("completed", r)
        results.append(r)
    print(sorted(results))
    try:
        for fut in asyncio.as_completed([fetch("late", 1)], timeout=0.02):
            await fut
    except asyncio.TimeoutError:
        print("as_completed timed out")

asyncio.run(main())
