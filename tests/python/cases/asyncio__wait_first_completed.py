# asyncio.wait with FIRST_COMPLETED, ALL_COMPLETED and timeout.
import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    return name

async def main():
    tasks = {asyncio.create_task(job(n, d), name=n) for n, d in [("slow", 0.2), ("fast", 0.01), ("mid", 0.07)]}
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("done:", sorted(t.result() for t in done), "pending:", sorted(t.get_name() for t in pending))
    done, pending = await asyncio.wait(pending, timeout=0.1)
    print("done:", sorted(t.result() for t in done), "pending:", sorted(t.get_name() for t in pending))
    done, pending = await asyncio.wait(pending, return_when=asyncio.ALL_COMPLETED)
    print("done:", sorted(t.result() for t in done), "pending:", len(pending))

    async def boom():
        await asyncio.sleep(0.01)
        raise RuntimeError("boom")
    t_err = asyncio.create_task(boom())
    t_ok = asyncio.create_task(job("ok", 0.06))
    done, pending = await asyncio.wait([t_err, t_ok], return_when=asyncio.FIRST_EXCEPTION)
    print("first exception:", [repr(t.exception()) for t in done], len(pending))
    for t in pending:
        t.cancel()
    await asyncio.sleep(0)

asyncio.run(main())
