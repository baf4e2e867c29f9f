# asyncio.to_thread runs blocking code in a thread while the loop keeps going.
import asyncio
import threading
import time

span = {}
ticks = []

def blocking_io(name, delay):
    span["start"] = time.perf_counter()
    time.sleep(delay)
    span["end"] = time.perf_counter()
    return f"{name} ran in {'main' if threading.current_thread() is threading.main_thread() else 'worker'}"

async def ticker(n):
    for i in range(n):
        print("tick", i)
        ticks.append(time.perf_counter())
        await asyncio.sleep(0.03)

async def main():
    result, _ = await asyncio.gather(asyncio.to_thread(blocking_io, "io", 0.12), ticker(3))
    print(result)
    during = [t for t in ticks if span["start"] < t < span["end"]]
    print("the loop ticked while the thread slept:", len(during) >= 1)
    print(await asyncio.to_thread(sum, [1, 2, 3]))
    try:
        await asyncio.to_thread(int, "nope")
    except ValueError as e:
        print("ValueError from thread:", e)

asyncio.run(main())
