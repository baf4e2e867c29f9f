# A bounded buffer built from a Condition: producer blocks when full, consumer when empty.
import threading

class BoundedBuffer:
    def __init__(self, capacity):
        self.items = []
        self.capacity = capacity
        self.cond = threading.Condition()
        self.max_seen = 0

    def put(self, item):
        with self.cond:
            self.cond.wait_for(lambda: len(self.items) < self.capacity)
            self.items.append(item)
            self.max_seen = max(self.max_seen, len(self.items))
            self.cond.notify_all()

    def get(self):
        with self.cond:
            self.cond.wait_for(lambda: self.items)
            item = self.items.pop(0)
            self.cond.notify_all()
            return item

buf = BoundedBuffer(3)
received = []

def producer():
    for i in range(20):
        buf.put(i)
    buf.put(None)

def consumer():
    while (item := buf.get()) is not None:
        received.append(item)

threads = [threading.Thread(target=producer), threading.Thread(target=consumer)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(received)
print("in order:", received == list(range(20)))
print("never over capacity:", buf.max_seen <= 3)
