# The lesson: read, sleep, write loses updates; the same code under a Lock does not.
import threading
import time

class Account:
    def __init__(self):
        self.balance = 0
        self.lock = threading.Lock()

    def deposit_unsafe(self, amount):
        current = self.balance
        time.sleep(0.001)
        self.balance = current + amount

    def deposit_safe(self, amount):
        with self.lock:
            current = self.balance
            time.sleep(0.001)
            self.balance = current + amount

def run(method, threads=4, deposits=10):
    def work():
        for _ in range(deposits):
            method(10)
    ts = [threading.Thread(target=work) for _ in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return threads * deposits * 10

a = Account()
expected = run(a.deposit_unsafe)
print("unsafe: lost money:", a.balance < expected)
b = Account()
expected = run(b.deposit_safe)
print("safe:", b.balance, "expected", expected, b.balance == expected)
