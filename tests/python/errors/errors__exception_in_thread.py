# A thread dies with an exception ("Exception in thread NAME:" on stderr) while main goes on;
# then main ends with its own uncaught exception.
import threading

def worker():
    print("worker running")
    items = {"a": 1}
    return items["b"]

t = threading.Thread(target=worker, name="Fetcher")
t.start()
t.join()
print("main continues after the thread died")
print("alive:", t.is_alive())
raise ValueError("main gives up too")
