# Two coroutines interleave through sleeps alone, each sleeping until its own deadlines on the
# loop clock (A at 0, 80, 160 ms; B at 40, 120, 200 ms), so a late wake-up cannot reorder them.
import asyncio

STEP = 0.08

async def sleep_until(loop, t):
    await asyncio.sleep(max(0.0, t - loop.time()))

async def numbers(loop, start):
    for k in range(3):
        await sleep_until(loop, start + k * STEP)
        print("num", k + 1)
    return "numbers done"

async def letters(loop, start):
    for k, ch in enumerate("abc"):
        await sleep_until(loop, start + STEP / 2 + k * STEP)
        print("let", ch)
    return "letters done"

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print(await asyncio.gather(numbers(loop, start), letters(loop, start)))
    print("took at least 0.15 s:", loop.time() - start >= 0.15)

asyncio.run(main())
