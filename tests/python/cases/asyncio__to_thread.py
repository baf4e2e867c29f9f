# asyncio.to_thread runs blocking code in a thread while the loop keeps going.
import asyncio
import threading
import time

def blocking_io(name, delay):
    time.sleep(delay)
    return f"{name} ran in {'main' if threading.current_thread() is threading.main_thread() else 'worker'}"

async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0.03)

async def main():
    start = time.perf_counter()
    result, _ = await asyncio.gather(asyncio.to_thread(blocking_io, "io", 0.08), ticker(3))
    print(result)
    elapsed = time.perf_counter() - start
    print("overlapped (< 0.14 s):", elapsed < 0.14)
    print(await asyncio.to_thread(sum, [1, 2, 3]))
    try:
        await asyncio.to_thread(int, "nope")
    except ValueError as e:
        print("ValueError from thread:", e)

asyncio.run(main())
