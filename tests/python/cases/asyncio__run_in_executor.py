# loop.run_in_executor with the default executor and an explicit ThreadPoolExecutor.
import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

spans = []

def blocking(n):
    start = time.perf_counter()
    time.sleep(0.2)
    spans.append((start, time.perf_counter()))
    return n * 100, threading.current_thread() is threading.main_thread()

async def main():
    loop = asyncio.get_running_loop()
    r = await loop.run_in_executor(None, blocking, 1)
    print("default executor:", r)
    spans.clear()
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = await asyncio.gather(*(loop.run_in_executor(pool, blocking, i) for i in range(3)))
    print(results)
    print("the three calls overlapped:", max(s for s, _ in spans) < min(e for _, e in spans))
    fut = asyncio.wrap_future(ThreadPoolExecutor(1).submit(pow, 2, 20))
    print(await fut)

asyncio.run(main())
