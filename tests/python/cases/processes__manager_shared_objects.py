# A Manager's dict, list, Namespace, Value, Queue and Lock, changed by a child process and
# read back by the parent: the multiprocessing documentation's example, grown.
from multiprocessing import Process, Manager, current_process, active_children

def f(d, l, ns, v, q, lock):
    d[1] = '1'
    d['2'] = 2
    d[0.25] = None
    l.reverse()
    ns.x = ns.x + 1
    with lock:
        v.value += 10
    q.put(current_process().name)

if __name__ == '__main__':
    with Manager() as manager:
        print(type(manager).__name__)
        print([p.name for p in active_children()])
        d = manager.dict()
        l = manager.list(range(10))
        ns = manager.Namespace()
        ns.x = 1
        v = manager.Value('i', 5)
        q = manager.Queue()
        lock = manager.Lock()
        p = Process(target=f, args=(d, l, ns, v, q, lock))
        p.start()
        p.join()
        print(d)
        print(l)
        print(ns.x, v.value, q.get())
        print(len(d), 1 in d, d.get('2'), sorted(d.keys(), key=str), list(d.items())[:1])
        print(type(d).__name__, type(l).__name__, type(ns).__name__, type(v).__name__, type(q).__name__, type(lock).__name__)
        print(repr(d)[:28])
        print(str(ns))
        print(l[2], l[-1], l[1:3], len(l), list(l) == list(range(9, -1, -1)))
        l.append(42); print(l[-1]); l += [1, 2]; print(len(l))
        print(dict(d) == {1: '1', '2': 2, 0.25: None}, d.copy())
        for k in d: print('key', k)
        try:
            d['missing']
        except KeyError as e:
            print('KeyError', e)
        print(v)
        print(manager.list([1, 2]) == [1, 2])
    print([p.name for p in active_children()])
