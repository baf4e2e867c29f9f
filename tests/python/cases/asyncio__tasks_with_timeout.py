# Several downloads under one deadline: which finished, which timed out (the example).
import asyncio

async def download(name, seconds):
    await asyncio.sleep(seconds)
    return f"{name}: {int(seconds * 1000)} ms"

async def with_deadline(name, seconds, limit):
    try:
        return await asyncio.wait_for(download(name, seconds), timeout=limit)
    except asyncio.TimeoutError:
        return f"{name}: timed out"

async def main():
    jobs = [("small", 0.01), ("medium", 0.04), ("huge", 0.5), ("tiny", 0.0)]
    results = await asyncio.gather(*(with_deadline(n, s, 0.1) for n, s in jobs))
    for line in results:
        print(line)
    finished = [r for r in results if not r.endswith("timed out")]
    print(len(finished), "of", len(jobs), "finished")

asyncio.run(main())
