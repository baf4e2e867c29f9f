export const python = (p) => `import asyncio, time
from concurrent.futures import ThreadPoolExecutor, ProcessPoolExecutor

async def atask(i): ...         # the same task, awaiting its wait

def task(i):                      # ${p.workload}: ${p.workload === 'io' ? `wait ${p.work_ms} ms` : p.workload === 'cpu' ? `compute ~${p.work_ms} ms` : `compute ~${p.work_ms / 2} ms, wait ${p.work_ms / 2} ms`}
    ...

for i in range(${p.tasks}): task(i)                              # sequential
async def with_async():          # coroutines: only the waiting overlaps
    await asyncio.gather(*(atask(i) for i in range(${p.tasks})))
asyncio.run(with_async())
with ThreadPoolExecutor(${p.workers}) as pool: list(pool.map(task, range(${p.tasks})))   # GIL or not
with ProcessPoolExecutor(${p.workers}) as pool: list(pool.map(task, range(${p.tasks})))`;
