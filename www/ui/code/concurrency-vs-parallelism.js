export const python = (p) => `import asyncio
from concurrent.futures import ProcessPoolExecutor

def work(n):                      # ~${p.work_ms} ms of computing
    return sum(i * i for i in range(n))

async def interleaved(n):         # concurrency: one loop, tasks take turns
    for _ in range(${Math.max(1, Math.round(p.work_ms / p.slice_ms))}):        # slices of ~${p.slice_ms} ms
        work(n // ${Math.max(1, Math.round(p.work_ms / p.slice_ms))})
        await asyncio.sleep(0)    # let the others run

N = 2_000_000
results = [work(N) for _ in range(${p.tasks})]                   # sequential
async def concurrently():
    await asyncio.gather(*(interleaved(N) for _ in range(${p.tasks})))
asyncio.run(concurrently())
with ProcessPoolExecutor(${p.threads}) as pool:                  # parallelism
    results = list(pool.map(work, [N] * ${p.tasks}))`;
