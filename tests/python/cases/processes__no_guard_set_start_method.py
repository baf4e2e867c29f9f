# The tutorial's program without the __main__ guard, set_start_method at module level: the child
# re-runs it, and its own set_start_method("spawn") raises RuntimeError ("context has already
# been set"), so the child exits with 1 before reaching the target; the parent exits 0.
import multiprocessing


def greet(name):
    print("hello", name)


print("importing as", __name__)
multiprocessing.set_start_method("spawn")
p = multiprocessing.Process(target=greet, args=("world",))
p.start()
p.join()
print("exitcode:", p.exitcode)
