# asyncio.Lock, Event and Semaphore.
import asyncio

async def main():
    lock = asyncio.Lock()
    shared = {"value": 0}

    async def incr(name):
        async with lock:
            v = shared["value"]
            await asyncio.sleep(0.001)
            shared["value"] = v + 1

    await asyncio.gather(*(incr(i) for i in range(10)))
    print("with lock:", shared["value"], lock.locked())

    event = asyncio.Event()
    async def waiter(i):
        await event.wait()
        print("waiter", i, "released")
    tasks = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0.01)
    print("setting event; set before:", event.is_set())
    event.set()
    await asyncio.gather(*tasks)

    sem = asyncio.Semaphore(2)
    active = 0
    peak = 0
    async def limited(i):
        nonlocal active, peak
        async with sem:
            active += 1
            peak = max(peak, active)
            await asyncio.sleep(0.01)
            active -= 1
    await asyncio.gather(*(limited(i) for i in range(6)))
    print("semaphore peak:", peak)
    bs = asyncio.BoundedSemaphore(1)
    await bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
