export const python = (p) => `from multiprocessing import Process, Queue

counter = 0                       # every process gets its own copy

def square(lo, hi, out):
    global counter
    total = sum(i * i for i in range(lo, hi))
    counter += hi - lo            # only this process sees it
    out.put((total, counter))

if __name__ == "__main__":
    n, parts, out = ${p.n}, ${p.processes}, Queue()
    procs = [Process(target=square, args=(n * k // parts, n * (k + 1) // parts, out))
             for k in range(parts)]
    for pr in procs: pr.start()
    print([out.get() for _ in procs])    # each counter: its own share only
    for pr in procs: pr.join()`;
