# Uncaught AttributeError on an instance missing the attribute.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

def norm(p):
    return (p.x ** 2 + p.y ** 2 + p.z ** 2) ** 0.5

pt = Point(3, 4)
print(pt.x, pt.y)
print(norm(pt))
