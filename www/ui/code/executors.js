export const python = (p) => `import time
from concurrent.futures import ${p.kind === 'thread' ? 'ThreadPoolExecutor' : 'ProcessPoolExecutor'}, as_completed

def task(i):
    time.sleep([1.0, 0.3, 0.7, 1.3, 0.5][i % 5] * ${p.delay_ms / 1000})
    return i * i

with ${p.kind === 'thread' ? 'ThreadPoolExecutor' : 'ProcessPoolExecutor'}(max_workers=${p.max_workers}) as pool:
    futures = [pool.submit(task, i) for i in range(${p.tasks})]
    print([f.result() for f in as_completed(futures)])   # finishing order
    print(list(pool.map(task, range(${p.tasks}))))         # input order`;

export const rust = (p) => `// src/demos/executors.rs
${p.kind === 'thread' ? `run_queue(${p.max_workers}, ${p.tasks}, |worker, i| {
    cancel.sleep_blocking(duration_ms(i, ${p.delay_ms}.0))?;   // one task per thread at a time
    Ok(i * i)
})
.await?                                  // results in input order` : `let pool = start_pool(&rec, &lanes /* ${p.max_workers} processes */).await?;
map_on_pool(&rec, &pool, &lanes, &jobs).await?   // each process takes the next job;
                                                 // results come back in input order`}`;
