# engine: free-threaded
# A Condition hands work between threads in a fixed order (each waits for its turn), so the
# printed order is the same with threads running in parallel.
import threading

turn = 0
cond = threading.Condition()
log = []


def player(me, rounds, players):
    global turn
    for r in range(rounds):
        with cond:
            cond.wait_for(lambda: turn % players == me)
            log.append("p%d r%d" % (me, r))
            turn += 1
            cond.notify_all()


threads = [threading.Thread(target=player, args=(i, 3, 3)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(" ".join(log))
print("turns:", turn)
