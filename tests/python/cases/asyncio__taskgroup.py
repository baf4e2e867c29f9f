# TaskGroup (3.11): waits for all tasks; a failure cancels the siblings and raises ExceptionGroup.
import asyncio

async def work(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise
    if fail:
        raise ValueError(f"{name} failed")
    print(f"{name} done")
    return name

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(work("a", 0.02))
        t2 = tg.create_task(work("b", 0.01))
    print("results:", t1.result(), t2.result())

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work("ok", 0.01))
            tg.create_task(work("bad", 0.02, fail=True))
            tg.create_task(work("slow", 0.2))
    except* ValueError as eg:
        print("caught group:", [str(e) for e in eg.exceptions])
    print("after group")

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work("x", 0.01, fail=True))
    except ExceptionGroup as eg:
        print(type(eg).__name__, len(eg.exceptions), type(eg.exceptions[0]).__name__)

asyncio.run(main())
