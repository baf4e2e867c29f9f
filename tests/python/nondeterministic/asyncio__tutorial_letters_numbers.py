# The tutorial's program: numbers and letters printed by two coroutines with gather.
import asyncio
import time

async def print_numbers():
    for i in range(1, 6):
        print(i)
        await asyncio.sleep(0.02)

async def print_letters():
    await asyncio.sleep(0.01)
    for ch in "abcde":
        print(ch)
        await asyncio.sleep(0.02)

async def main():
    start = time.perf_counter()
    await asyncio.gather(print_numbers(), print_letters())
    elapsed = time.perf_counter() - start
    print("concurrent (< 0.2 s):", elapsed < 0.2)

if __name__ == "__main__":
    asyncio.run(main())
