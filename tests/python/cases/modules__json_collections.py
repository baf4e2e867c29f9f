# json.dumps of collections' types as CPython writes them: defaultdict, Counter and
# OrderedDict as objects, a namedtuple as an array; a deque is not serialisable.
import json
from collections import Counter, OrderedDict, defaultdict, deque, namedtuple

groups = defaultdict(list)
for word in ["apple", "avocado", "banana"]:
    groups[word[0]].append(word)
Point = namedtuple("Point", "x y")
doc = {"groups": groups, "letters": Counter("banana"), "ordered": OrderedDict([("z", 1), ("a", 2)]), "point": Point(1, 2)}
print(json.dumps(doc))
print(json.dumps(doc, sort_keys=True, indent=1))
print(json.loads(json.dumps([Point(3, 4)])))
try:
    json.dumps({"queue": deque([1, 2])})
except TypeError as e:
    print("TypeError:", e)
