# Instances of classes defined in the main module cross to a child and back (pickled by class
# name and attributes); the child's copies are new objects, changes there stay there; an object
# referred to twice in what is sent arrives as one object referred to twice.
import multiprocessing


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)


def move(q, points):
    q.put([Point(p.x + 1, p.y * 2) for p in points])
    points[0].x = 99
    q.put({"nested": [points[1], (points[1],)]})


if __name__ == "__main__":
    ctx = multiprocessing.get_context("spawn")
    q = ctx.Queue()
    pts = [Point(1, 2), Point(3, 4)]
    p = ctx.Process(target=move, args=(q, pts))
    p.start()
    moved = q.get()
    nested = q.get()
    p.join()
    print("moved:", moved)
    print("types:", type(moved[0]) is Point, moved[0] == Point(2, 4))
    print("parent's points:", pts)
    print("nested:", nested, nested["nested"][0] is nested["nested"][1][0])
