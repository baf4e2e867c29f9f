# loop.run_in_executor with the default executor and an explicit ThreadPoolExecutor.
import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

def blocking(n):
    time.sleep(0.06)
    return n * 100, threading.current_thread() is threading.main_thread()

async def main():
    loop = asyncio.get_running_loop()
    r = await loop.run_in_executor(None, blocking, 1)
    print("default executor:", r)
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = await asyncio.gather(*(loop.run_in_executor(pool, blocking, i) for i in range(3)))
    print(results)
    print("ran in parallel:", time.perf_counter() - start < 0.15)
    fut = asyncio.wrap_future(ThreadPoolExecutor(1).submit(pow, 2, 20))
    print(await fut)

asyncio.run(main())
