# A Process subclass that overrides run(): its attributes are pickled to the child, which
# calls run() there; results come back on a Queue.
import multiprocessing


class Squarer(multiprocessing.Process):
    def __init__(self, numbers, q):
        super().__init__()
        self.numbers = numbers
        self.q = q

    def run(self):
        self.q.put([n * n for n in self.numbers])
        self.numbers.append("changed in child")


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    q = multiprocessing.Queue()
    p = Squarer([1, 2, 3], q)
    print("name:", p.name)
    p.start()
    print("squares:", q.get())
    p.join()
    print("exitcode:", p.exitcode)
    print("parent's numbers:", p.numbers)
