# bytes as a sequence: len, indexing gives an int, slicing gives bytes, iteration, in (an int
# or bytes), + and *, comparison and sorting, hashing (usable as dict keys and in sets).
b = b"hello world"
print(len(b), b[0], b[-1], b[1:5], b[::-1], b[::2], b[100:], b[-3:])
print(list(b"abc"), tuple(b"\x00\xff"), [x for x in b"hi"], sum(b"\x01\x02\x03"), max(b"azb"))
for i, x in enumerate(b"AB"):
    print(i, x, chr(x))
print(104 in b, 0 in b, b"wor" in b, b"" in b, b"xyz" in b, True in b"\x01")
print(b"ab" + b"cd", b"ab" * 3, 2 * b"xy", b"ab" * 0, b"ab" * -2, b"" + b"")
acc = b""
for part in [b"a", b"b", b"c"]:
    acc += part
print(acc)
print(b"a" < b"b", b"a" < b"ab", b"b" > b"abc", b"abc" <= b"abc", b"\xff" > b"\x00")
print(sorted([b"pear", b"apple", b"fig", b"Apple"]), min(b"zz", b"za"))
d = {b"key": 1, "key": 2, b"key" + b"": 3}
print(len(d), d[b"key"], d["key"])
print(hash(b"abc") == hash(b"a" + b"bc"), hash(b"abc") == hash("abc"), hash(b"") == hash(""))
print(sorted({b"x", b"y", b"x"}), b"q" in {b"q"}, {b"one": 1}.get(b"one"))
print(bytes(3), bytes([72, 105]), bytes(range(65, 70)), bytes((1, 2)), bytes(b"copy"), bytes())
print(bytes(x * 2 for x in [10, 20]), bytes("héllo", "utf-8"), bytes("abc", encoding="ascii"))
print(int(b"42"), int(b" -7 "), ord(b"a"), list(reversed(b"abc")), type(iter(b"")).__name__)
