// A whole program: CPython prints the lines the demo prints.
export const runnable = true;

export const python = (p) => `import asyncio, time

async def worker(n):
    for step in range(${p.steps}):
        print(f"task {n} step {step + 1}")
        await asyncio.sleep(${p.delay_ms / 1000})    # ${p.delay_ms} ms, others run meanwhile
${p.blocking_ms > 0 ? `        if n == 1 and step == 0:       # right after its first await:
            time.sleep(${p.blocking_ms / 1000})          # ${p.blocking_ms} ms without awaiting blocks the loop
` : ''}

async def main():
    await asyncio.gather(*(worker(n) for n in range(1, ${p.tasks + 1})))

asyncio.run(main())`;
