# A Manager started by an unguarded main program under spawn: the server process runs the
# program again, fails at set_start_method, and the parent's Manager() gets an EOFError.
import multiprocessing
from multiprocessing import Manager
multiprocessing.set_start_method("spawn")
m = Manager()
d = m.dict(a=1)
print(d)
m.shutdown()
