# Coroutines with equal sleeps resume in the order they started (gather order).
import asyncio

async def step(name):
    for i in range(3):
        print(name, i)
        await asyncio.sleep(0.01)
    return name

async def main():
    print(await asyncio.gather(step("x"), step("y"), step("z")))
    order = []
    async def mark(i):
        await asyncio.sleep(0)
        order.append(i)
        await asyncio.sleep(0)
        order.append(i + 10)
    await asyncio.gather(*(mark(i) for i in range(4)))
    print(order)

asyncio.run(main())
