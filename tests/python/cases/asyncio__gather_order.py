# gather returns results in argument order regardless of completion order.
import asyncio

async def work(name, delay):
    print(f"{name} start")
    await asyncio.sleep(delay)
    print(f"{name} end")
    return name.upper()

async def main():
    results = await asyncio.gather(work("a", 0.03), work("b", 0.01), work("c", 0.02))
    print(results)
    empty = await asyncio.gather()
    print(empty)
    values = await asyncio.gather(*(work(f"n{i}", 0.01 * (3 - i)) for i in range(3)))
    print(values)

asyncio.run(main())
