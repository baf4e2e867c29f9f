# A seeded simulation: dice rolls, coin flips, shuffled deck; checks Mersenne Twister use.
import random

def roll_dice(rng, n):
    return [rng.randint(1, 6) for _ in range(n)]

random.seed(7)
rolls = roll_dice(random, 20)
print(rolls)
counts = {face: rolls.count(face) for face in range(1, 7)}
print(counts)

flips = "".join(random.choice("HT") for _ in range(30))
print(flips)

deck = [r + s for s in "SHDC" for r in "A23456789TJQK"]
random.shuffle(deck)
print(deck[:8])

rng = random.Random(123)
print([rng.randint(0, 9) for _ in range(12)])
print(rng.random())
rng2 = random.Random(123)
print(rng2.randint(0, 9), "matches first of previous list")

random.seed(0)
walk = 0
path = []
for _ in range(15):
    walk += random.choice([-1, 1])
    path.append(walk)
print(path)
random.seed(99)
print([random.randint(1, 2 ** 40) for _ in range(3)])
