export const python = (p) => `# CPython${p.gil ? '' : ' 3.13+ free-threaded (python3.13t): no GIL'}
import sys, threading, time
sys.setswitchinterval(${p.switch_interval_ms / 1000})   # ${p.switch_interval_ms} ms

def cpu():                        # ~${p.work_ms} ms of computing
    total = 0
    for i in range(3_000_000):
        total += i * i

def io():                         # ${p.work_ms} ms of waiting, GIL released
    for _ in range(10):
        time.sleep(${p.work_ms / 10000})

jobs = ${p.workload === 'cpu' ? `[cpu] * ${p.threads}` : p.workload === 'io' ? `[io] * ${p.threads}` : `[io] + [cpu] * ${p.threads - 1}`}
threads = [threading.Thread(target=job) for job in jobs]
for t in threads: t.start()
for t in threads: t.join()`;
