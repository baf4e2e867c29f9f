# random with a fixed seed: Mersenne Twister output must match CPython exactly.
import random

random.seed(42)
print([random.randint(1, 100) for _ in range(10)])
print([round(random.random(), 12) for _ in range(3)])
print(random.random())
print(random.choice(["red", "green", "blue", "yellow"]))
items = list(range(10))
random.shuffle(items)
print(items)

random.seed(42)
print(random.randint(1, 100), "(same as the first after reseeding)")

random.seed(2024)
print(random.randrange(0, 1000, 7), random.randrange(50), random.uniform(1, 2))
print(random.sample(range(100), 5))
print(random.getrandbits(64))
print(random.choices("abc", k=6))
