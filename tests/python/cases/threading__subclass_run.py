# Subclassing Thread and overriding run; storing results on the instance.
import threading

class Squarer(threading.Thread):
    def __init__(self, numbers, name):
        super().__init__(name=name)
        self.numbers = numbers
        self.result = None

    def run(self):
        self.result = [n * n for n in self.numbers]
        self.who = threading.current_thread().name

workers = [Squarer(range(i, i + 3), name=f"sq-{i}") for i in range(3)]
for w in workers:
    w.start()
for w in workers:
    w.join()
for w in workers:
    print(w.name, w.who, w.result)

class Countdown(threading.Thread):
    def run(self):
        for i in range(3, 0, -1):
            print(f"{self.name}: {i}")
        print(f"{self.name}: liftoff")

c = Countdown(name="rocket")
c.start()
c.join()
print("is Thread:", isinstance(c, threading.Thread), c.is_alive())

class WithTarget(threading.Thread):
    def run(self):
        print("run overridden; target ignored")

w = WithTarget(target=lambda: print("target ran"))
w.start()
w.join()
print(repr(threading.current_thread().name))
