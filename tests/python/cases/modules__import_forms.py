# import forms: import x, import x as y, from x import a, b, import inside a function;
# missing module and missing name errors.
import math as m
from math import floor, ceil
import threading, queue
from concurrent.futures import ThreadPoolExecutor
import concurrent.futures
from time import sleep as nap

print(m.sqrt(9), floor(2.5), ceil(2.5), m.pi == __import__("math").pi)
print(threading.Lock is not None, queue.Queue.__name__, ThreadPoolExecutor.__name__)
print(concurrent.futures.ThreadPoolExecutor is ThreadPoolExecutor)
nap(0)
def late():
    import random
    random.seed(1)
    return random.randint(1, 6)
print(late(), "random" in dir())
import math
print(math is m, m.__name__)

try:
    import numpy_does_not_exist
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    from math import no_such_name
except ImportError as e:
    print("ImportError:", type(e).__name__)
print(isinstance(ModuleNotFoundError(), ImportError))
