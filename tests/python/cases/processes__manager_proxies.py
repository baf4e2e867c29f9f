# Proxies of a Manager: dict views come back as lists, iteration, Namespace attributes,
# a managed queue and event, a list's errors, and the classic gotcha (a list inside a
# managed dict is a copy: appending to it changes nothing); a proxy stored in another.
from multiprocessing import Manager
if __name__ == '__main__':
    with Manager() as m:
        d = m.dict({'a': 1, 'b': 2})
        print(type(d.items()), type(d.keys()), d.items())
        it = iter(d); print(type(it).__name__, list(it))
        l = m.list([3, 1, 2]); l.sort(); print(l, list(l))
        print(str(l), repr(l)[:20])
        ns = m.Namespace(a=1); print(ns, ns.a)
        try: ns.zzz
        except AttributeError as e: print('AttributeError', e)
        q = m.Queue(); q.put(1); print(q.get(), q.qsize(), q.empty())
        e = m.Event(); e.set(); print(e.is_set())
        v = m.Value('d', 1.5); v.value = 2.5; print(v.value, v.get() if hasattr(v, 'get') else '')
        try:
            l[10]
        except IndexError as e: print('IndexError', e)
        d2 = m.dict(); d2['x'] = [1]; d2['x'].append(2); print(d2)   # the classic gotcha
        print(m.address is not None)
        l2 = m.list(); d['l'] = l2; l2.append(5); print(d['l'], type(d['l']).__name__)
        print(m.dict(a=[1, 2])._getvalue(), l._getvalue(), type(l._getvalue()).__name__, m.Namespace(k=3)._getvalue())
