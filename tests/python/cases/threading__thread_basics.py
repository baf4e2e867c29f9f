# Thread with target/args/kwargs/name, start/join, results via shared list.
import threading

results = []

def work(label, n, *, scale=1):
    name = threading.current_thread().name
    results.append((label, n * scale, name))

t1 = threading.Thread(target=work, args=("a", 2), kwargs={"scale": 10}, name="worker-1")
t2 = threading.Thread(target=work, args=("b", 3), name="worker-2")
print(t1.name, t2.name, t1.is_alive())
t1.start()
t1.join()
t2.start()
t2.join()
print(results)
print(t1.is_alive(), t2.is_alive())
print(threading.current_thread().name, threading.current_thread() is threading.main_thread())

t3 = threading.Thread(target=lambda: results.append("lambda ran"))
t3.start()
t3.join()
print(results[-1])
print(t3.name.startswith("Thread-"))

def ret_value():
    return 42
t4 = threading.Thread(target=ret_value)
t4.start()
print(t4.join())
try:
    t4.start()
except RuntimeError as e:
    print("RuntimeError:", e)
t5 = threading.Thread(target=print, args=("print as target",))
t5.start()
t5.join()
t6 = threading.Thread(target=print, args=("one", "two"), kwargs={"sep": "+"})
t6.start()
t6.join()
