# asyncio.Queue producer/consumer with task_done/join and a bounded queue.
import asyncio

async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print("put", i)
    await q.put(None)

async def consumer(q, out):
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            break
        await asyncio.sleep(0.005)
        out.append(item * 2)
        print("got", item)
        q.task_done()

async def main():
    q = asyncio.Queue(maxsize=2)
    out = []
    await asyncio.gather(producer(q, 5), consumer(q, out))
    print(out)

    jq = asyncio.Queue()
    for i in range(6):
        jq.put_nowait(i)
    seen = []
    async def worker():
        while True:
            v = await jq.get()
            seen.append(v)
            jq.task_done()
    workers = [asyncio.create_task(worker()) for _ in range(2)]
    await jq.join()
    print("joined:", sorted(seen), jq.empty(), jq.qsize())
    for w in workers:
        w.cancel()
    try:
        jq.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    small = asyncio.Queue(maxsize=1)
    small.put_nowait("x")
    try:
        small.put_nowait("y")
    except asyncio.QueueFull:
        print("QueueFull")

asyncio.run(main())
