# json.dumps: scalars, nested containers, float repr, ensure_ascii, indent (a number or a
# string), separators, sort_keys, non-str keys, allow_nan, default= and a JSONEncoder subclass.
import json
print(json.dumps(None), json.dumps(True), json.dumps(False), json.dumps(42), json.dumps(-0.0), json.dumps(3.14))
print(json.dumps([1e400, -1e400, float("nan"), 1e22, 1e16, 0.1, 1 / 3, 2.5e-7, 10 ** 30]))
print(json.dumps("plain"), json.dumps('quote " backslash \\ slash /'), json.dumps("tab\tnl\ncr\r\x00\x1f\x7f"))
print(json.dumps("héllo € \U0001f600"), json.dumps("héllo € \U0001f600", ensure_ascii=False))
data = {"name": "Ada", "langs": ["py", "rs"], "age": 36, "ok": True, "none": None, "nested": {"a": [], "b": {}, "c": [1, [2, (3,)]]}}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, indent="\t", sort_keys=True))
print(json.dumps([1, [2, {}]], indent=0))
print(json.dumps(data["nested"], separators=(",", ":")), json.dumps([1, 2], indent=1, separators=(", ", " = ")))
print(json.dumps({1: "int", 2.5: "float", True: "bool", None: "none", "s": "str"}))
print(json.dumps({"b": 1, "a": 2, "c": {"z": 0, "y": 1}}, sort_keys=True))
print(json.dumps((1, 2)), json.dumps([]), json.dumps({}), json.dumps(""), json.dumps([[]], indent=4))
print(json.dumps({(1, 2): "skipped", "kept": 1}, skipkeys=True))
print(json.dumps({"when": {1, 2}}, default=sorted))

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {"x": o.x, "y": o.y}
        return super().default(o)

print(json.dumps([Point(1, 2), Point(3, 4)], cls=PointEncoder))
print(json.dumps({"p": Point(0, 1)}, default=lambda o: vars(o), sort_keys=True, indent=1))
print(json.JSONEncoder(indent=2).encode({"k": [1]}), json.JSONEncoder().encode("s"))
