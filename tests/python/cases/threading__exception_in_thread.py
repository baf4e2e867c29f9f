# An exception in a thread prints "Exception in thread NAME:" and a traceback to stderr;
# the main thread goes on and stdout is unaffected.
import threading

def boom():
    print("worker starting")
    raise ValueError("worker failed")

t = threading.Thread(target=boom, name="Crasher")
t.start()
t.join()
print("main continues; worker alive:", t.is_alive())

def fine():
    print("second worker ok")

t2 = threading.Thread(target=fine)
t2.start()
t2.join()
print("end")
