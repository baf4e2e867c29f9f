# Classes with __init__, __repr__, __str__, __eq__, __lt__, __len__, __iter__, __getitem__.
import functools

@functools.total_ordering
class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor

    def __repr__(self):
        return f"Version({self.major}, {self.minor})"

    def __str__(self):
        return f"v{self.major}.{self.minor}"

    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)

    def __hash__(self):
        return hash((self.major, self.minor))

vs = [Version(2, 0), Version(1, 5), Version(1, 10)]
print(vs)
print(sorted(vs))
print(str(vs[0]), repr(vs[0]), f"{vs[1]}", f"{vs[1]!r}")
print(Version(1, 5) == Version(1, 5), Version(1, 5) is Version(1, 5), Version(2, 0) >= Version(1, 9))
print(max(vs), min(vs), len({Version(1, 1), Version(1, 1)}))

class Deck:
    def __init__(self, cards):
        self._cards = list(cards)

    def __len__(self):
        return len(self._cards)

    def __getitem__(self, i):
        return self._cards[i]

    def __iter__(self):
        return iter(self._cards)

    def __contains__(self, x):
        return x in self._cards

    def __bool__(self):
        return bool(self._cards)

d = Deck("AKQJ")
print(len(d), d[0], d[-1], d[1:3], list(d), "Q" in d, "2" in d, bool(d), bool(Deck([])))
for card in d:
    print(card, end=" ")
print()

class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

print(Vec(1, 2) + Vec(3, 4), Vec(1, 2) * 3)
class Plain:
    pass
p = Plain()
print(type(p).__name__, p == Plain(), p == p)
