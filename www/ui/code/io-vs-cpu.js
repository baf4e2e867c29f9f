// A whole program: CPython prints the lines the demo prints.
export const runnable = true;

export const python = (p) => `import asyncio, time
from concurrent.futures import ThreadPoolExecutor

async def request():              # I/O-bound: ${p.io_ms} ms waiting
    await asyncio.sleep(${p.io_ms / 1000})

def compute():                    # CPU-bound: ~${p.cpu_ms} ms computing
    return sum(i * i for i in range(2_000_000))

async def main():
    for _ in range(${p.tasks}): await request()                     # I/O, sequential
    await asyncio.gather(*(request() for _ in range(${p.tasks})))   # I/O, async
asyncio.run(main())

results = [compute() for _ in range(${p.tasks})]                    # CPU, sequential
# CPU with threads only helps without the GIL (or with processes):
with ThreadPoolExecutor(${p.workers}) as pool:
    results = list(pool.map(lambda _: compute(), range(${p.tasks})))`;
