# The tutorial's first program: two threads print 1-5 and a-e, sleeping between lines.
# Numbers print at 0, 50, 100, 150, 200 ms and letters at 25, 75, 125, 175, 225 ms.
import threading
import time

def print_numbers():
    for i in range(1, 6):
        print(i)
        time.sleep(0.05)

def print_letters():
    time.sleep(0.025)
    for letter in "abcde":
        print(letter)
        time.sleep(0.05)

start = time.perf_counter()
t1 = threading.Thread(target=print_numbers)
t2 = threading.Thread(target=print_letters)
t1.start()
t2.start()
t1.join()
t2.join()
elapsed = time.perf_counter() - start
print("Done")
print("ran concurrently (< 0.45 s):", elapsed < 0.45)
