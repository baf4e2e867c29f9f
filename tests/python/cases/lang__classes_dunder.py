# Classes with __init__, __repr__, __str__, __eq__, __lt__, __hash__; reflected comparisons.
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
print(Version(1, 5) == Version(1, 5), Version(1, 5) is Version(1, 5), Version(1, 5) != Version(1, 6))
print("reflected:", Version(2, 0) > Version(1, 9), Version(1, 0) > Version(1, 9))
try:
    Version(2, 0) >= Version(1, 9)
except TypeError as e:
    print("TypeError:", e)
print(max(vs), min(vs), len({Version(1, 1), Version(1, 1)}))
