# A coroutine that calls time.sleep blocks the whole loop: the others wait for it.
import asyncio
import time

order = []

async def polite(name):
    for i in range(3):
        order.append(f"{name}{i}")
        await asyncio.sleep(0.01)

async def rude():
    order.append("rude-start")
    time.sleep(0.05)
    order.append("rude-end")

async def main():
    start = time.perf_counter()
    await asyncio.gather(polite("p"), rude(), polite("q"))
    print(order)
    print("took at least 0.05 s:", time.perf_counter() - start >= 0.05)

asyncio.run(main())

order.clear()
async def cpu_bound():
    order.append("cpu start")
    total = sum(i * i for i in range(20000))
    order.append("cpu end")
    return total

async def main2():
    r = await asyncio.gather(polite("a"), cpu_bound())
    print(order, r[1])

asyncio.run(main2())
