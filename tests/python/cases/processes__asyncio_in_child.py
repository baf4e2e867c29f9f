# A child process runs its own asyncio event loop (and a ThreadPoolExecutor) and sends what
# they computed back on a Queue.
import asyncio
import concurrent.futures
import multiprocessing


async def fetch(i):
    await asyncio.sleep(0.01 * (3 - i))
    return i * i


async def gather_all():
    return await asyncio.gather(*(fetch(i) for i in range(3)))


def child(q):
    q.put(("asyncio", asyncio.run(gather_all())))
    with concurrent.futures.ThreadPoolExecutor(2) as ex:
        q.put(("threads", list(ex.map(abs, [-1, -2, -3]))))


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=child, args=(q,))
    p.start()
    print(*q.get())
    print(*q.get())
    p.join()
    print("exitcode:", p.exitcode)
