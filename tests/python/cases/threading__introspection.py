# current_thread, main_thread, active_count, enumerate, is_alive, daemon, ident.
import threading
import time

main = threading.main_thread()
print(main.name, main is threading.current_thread(), main.daemon)
print("active at start:", threading.active_count())
print([t.name for t in threading.enumerate()])

stop = threading.Event()
def idle():
    stop.wait()

workers = [threading.Thread(target=idle, name=f"idle-{i}") for i in range(3)]
for w in workers:
    w.start()
print("active with 3 idle:", threading.active_count())
print(sorted(t.name for t in threading.enumerate()))
print([w.is_alive() for w in workers])
print(all(isinstance(w.ident, int) for w in workers), len({w.ident for w in workers}))
stop.set()
for w in workers:
    w.join()
print("active after join:", threading.active_count(), [w.is_alive() for w in workers])

d = threading.Thread(target=lambda: None, daemon=True)
print("daemon flag:", d.daemon, threading.Thread(target=lambda: None).daemon)
d2 = threading.Thread(target=lambda: None)
d2.daemon = True
print(d2.daemon)
t = threading.Thread(target=time.sleep, args=(0.1,), name="sleeper")
t.start()
t.join(timeout=0.01)
print("still alive after join timeout:", t.is_alive())
t.join()
print("alive after full join:", t.is_alive())
print(threading.get_ident() == main.ident)
