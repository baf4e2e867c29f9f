# operator: the operator functions, itemgetter/attrgetter (dotted)/methodcaller with their reprs, in-place forms, and the common errors.
import functools
import operator

# === Functions for the operators ===
print(operator.add(2, 3), operator.sub(2, 3), operator.mul("ab", 3), operator.truediv(7, 2), operator.floordiv(-7, 2))
print(operator.mod(-7, 3), operator.pow(2, 10), operator.neg(5), operator.pos(-5), operator.abs(-2.5), operator.abs(-0.0))
print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.inv(5), operator.invert(0), operator.lshift(1, 8), operator.rshift(256, 4))
print(operator.eq(1, 1.0), operator.ne(1, 2), operator.lt("a", "b"), operator.le(2, 2), operator.gt(3, 2), operator.ge(1, 2))
print(operator.not_([]), operator.truth([0]), operator.truth(""), operator.is_(None, None), operator.is_not(1, None))
print(operator.index(7), operator.index(True), operator.concat([1], [2]), operator.concat("ab", "cd"), operator.contains({1: 2}, 1))
print(operator.countOf([1, 2, 1, 1.0], 1), operator.indexOf("abc", "c"), operator.call(max, 3, 9, 4))
print(functools.reduce(operator.add, range(101)), functools.reduce(operator.mul, range(1, 11)))
print(list(map(operator.mul, [1, 2, 3], [4, 5, 6])), sorted({"b": 2, "a": 3, "c": 1}.items(), key=operator.itemgetter(1)))

# === Items ===
d = {"x": 1}
operator.setitem(d, "y", 2)
print(operator.getitem(d, "y"), d)
operator.delitem(d, "x")
print(d, operator.getitem([1, 2, 3, 4], slice(1, 3)))
nums = [1, 2, 3]
same = operator.iadd(nums, [4])
print(same is nums, nums, operator.iadd(1, 2), operator.imul("ab", 2), operator.isub(10, 4), operator.ipow(3, 2))
print(operator.iconcat([0], (1,)), operator.itruediv(1, 4), operator.ifloordiv(9, 4), operator.imod(9, 4), operator.ior(1, 2), operator.iand(3, 6), operator.ixor(3, 6))

# === itemgetter, attrgetter, methodcaller ===
rows = [("alice", 30, "x"), ("bob", 25, "y"), ("carol", 35, "z")]
print(sorted(rows, key=operator.itemgetter(1)), list(map(operator.itemgetter(0, 2), rows)))
print(operator.itemgetter(slice(None, 2))("abcdef"), operator.itemgetter("a", "b")({"a": 1, "b": 2}))
print(repr(operator.itemgetter(1)), repr(operator.itemgetter(1, "a", (1, 2))))

class Point:
    def __init__(self, x, y, inner=None):
        self.x = x
        self.y = y
        self.inner = inner

    def scaled(self, k, offset=0):
        return (self.x * k + offset, self.y * k + offset)

p = Point(1, 2, Point(3, 4))
print(operator.attrgetter("x")(p), operator.attrgetter("x", "y")(p), operator.attrgetter("inner.y")(p), operator.attrgetter("inner.x", "y")(p))
print(repr(operator.attrgetter("inner.x")), repr(operator.attrgetter("a", "b.c")))
points = [Point(3, 1), Point(1, 2), Point(2, 0)]
print([(q.x, q.y) for q in sorted(points, key=operator.attrgetter("y"))], max(points, key=operator.attrgetter("x")).x)
print(operator.methodcaller("scaled", 10)(p), operator.methodcaller("scaled", 2, offset=1)(p), operator.methodcaller("upper")("hi"))
print(list(map(operator.methodcaller("split", ","), ["a,b", "c"])))
print(repr(operator.methodcaller("scaled", 2, offset=1)), repr(operator.methodcaller("strip")))
print(type(operator.itemgetter(1)).__name__, type(operator.attrgetter("x")).__name__, type(operator.methodcaller("m")).__name__)

# === Errors ===
def error(f, *args):
    try:
        f(*args)
    except Exception as e:
        print(type(e).__name__ + ":", e)

error(operator.add, 1, "a")
error(operator.truediv, 1, 0)
error(operator.neg, "a")
error(operator.lt, 1, "a")
error(operator.index, 2.5)
error(operator.concat, 1, 2)
error(operator.concat, [1], (2,))
error(operator.indexOf, [1, 2], 3)
error(operator.itemgetter)
error(operator.attrgetter)
error(operator.attrgetter, 1)
error(operator.methodcaller)
error(operator.methodcaller, 1)
error(operator.itemgetter(5), [1, 2])
error(operator.itemgetter("k"), {})
error(operator.attrgetter("inner.z"), p)
error(operator.attrgetter("x.y"), 5)
error(operator.methodcaller("nope"), 5)
error(operator.getitem, 5, 0)
