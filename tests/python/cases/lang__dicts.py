# dict operations, methods and insertion ordering.
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), list(d), list(d.keys()), list(d.values()), list(d.items()))
d["b"] = 20
print(d)
del d["b"]
d["b"] = 200
print(d)

# === methods ===
print(d.get("a"), d.get("zz"), d.get("zz", 0))
print(d.setdefault("e", 5), d.setdefault("a", 99), d)
print(d.pop("e"), d.pop("nope", "dflt"), d)
print(d.popitem(), d)
d.update({"x": 1}, y=2)
print(d)
print("a" in d, 1 in d, "x" in d.keys(), 1 in d.values())
print(dict.fromkeys("abc", 0))
print(dict([("k", 1), ("j", 2)]), dict(a=1, b=2), dict(zip("xy", [1, 2])))

# === iteration ===
for k, v in sorted({"z": 1, "m": 2, "a": 3}.items()):
    print(k, v)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(sorted(counts, key=counts.get, reverse=True))
print({1: "a"} == {1: "a"}, {1: 1, 2: 2} == {2: 2, 1: 1})
print(d | {"z": 0})
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e)
nested = {"outer": {"inner": [1, 2]}}
print(nested["outer"]["inner"][1])
