# A daemon thread that never finishes does not keep the program alive.
import threading
import time

def forever():
    while True:
        time.sleep(0.01)

d = threading.Thread(target=forever, daemon=True, name="bg")
d.start()
time.sleep(0.03)
print("daemon alive:", d.is_alive(), d.daemon)

def short():
    time.sleep(0.05)
    print("non-daemon finished")

t = threading.Thread(target=short)
t.start()
print("main body done (non-daemon still running)")
