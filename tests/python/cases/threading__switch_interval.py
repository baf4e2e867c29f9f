# sys.setswitchinterval changes how often a waiting thread gets the GIL; results stay exact.
import sys
import threading

print("default:", sys.getswitchinterval())
sys.setswitchinterval(0.0001)
print("now:", sys.getswitchinterval())

totals = [0, 0]
def crunch(slot):
    s = 0
    for i in range(50000):
        s += i
    totals[slot] = s

ts = [threading.Thread(target=crunch, args=(k,)) for k in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(totals, totals[0] == sum(range(50000)))
sys.setswitchinterval(0.005)
print("restored:", sys.getswitchinterval())
