# create_task schedules concurrently; tasks start at the next await; names, done(), result().
import asyncio

async def worker(name, delay):
    print(f"{name} started")
    await asyncio.sleep(delay)
    print(f"{name} finished")
    return delay

async def main():
    t1 = asyncio.create_task(worker("t1", 0.1), name="first")
    t2 = asyncio.create_task(worker("t2", 0.01), name="second")
    print("tasks created, not started yet")
    print(t1.get_name(), t2.get_name(), t1.done())
    await asyncio.sleep(0)
    print("after one yield")
    r2 = await t2
    print("t2 result", r2, "t1 done?", t1.done())
    r1 = await t1
    print("t1 result", r1, t1.done(), t1.result())
    current = asyncio.current_task()
    print(current.get_name() if current else None)
    print(type(t1).__name__, isinstance(t1, asyncio.Future))

asyncio.run(main(), debug=False)
