# Container protocol: __len__, __getitem__ (with slices), __iter__, __contains__, __bool__;
# arithmetic operators __add__ and __mul__; default equality is identity.
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
