# repr of nested containers, quotes, escapes, recursive lists, empty containers.
print([1, "two", 3.0, None, True, (4,), {"k": [5]}, {6}])
print(("a",), (), [], {}, set(), [[]], [()], {"": ""})
print(["it's", 'say "hi"', "both ' and \"", "tab\t", "nl\n", "back\\"])
print({"nested": {"deeper": {"deepest": [1, [2, [3]]]}}})
print(str("plain"), repr("plain"), str(["x"]), repr(["x"]))
a = [1, 2]
a.append(a)
print(a)
d = {"self": None}
d["self"] = d
print(d)
print({1: "int", 1.5: "float", (1, 2): "tuple", None: "none", True: "bool collides with 1"})
print([0.1, 1e-10, 1e16, 123.0, -0.0, float("inf")])
print(list(range(3)), range(3), tuple(range(2)), dict.fromkeys([1, 2]))
print([[1, 2], [3, 4]] == [[1, 2], [3, 4]], [1, [2]] < [1, [3]])
print(str(None), repr(None), [None], f"{None}", "%s %r" % (None, None))
print(len(str([1, 2, 3])), str((1,)), str((1, 2)))
