# bytes methods: find/rfind/index/count, startswith/endswith, split/rsplit/splitlines,
# strip, join, replace, partition, upper/lower, is*, hex and bytes.fromhex.
b = b"one two  three two"
print(b.find(b"two"), b.rfind(b"two"), b.find(b"x"), b.find(116), b.index(b"three"), b.rindex(b"o"))
print(b.find(b"two", 5), b.find(b"", 3), b.find(b"", 100), b.count(b"o"), b.count(b"two"), b.count(b""))
print(b.startswith(b"one"), b.startswith((b"x", b"on")), b.endswith(b"two"), b.startswith(b"two", 4))
print(b.split(), b.split(b" "), b.split(b"two"), b.split(None, 1), b.split(b" ", 2))
print(b.rsplit(None, 1), b.rsplit(b" ", 1), b"a,b,,c".split(b","), b"".split(), b"".split(b","))
print(b"  line1\nline2\r\nline3\n".splitlines(), b"x\ny\n".splitlines(True))
print(b"  pad  ".strip(), b"  pad  ".lstrip(), b"  pad  ".rstrip(), b"xxhixx".strip(b"x"), b"\t\n z \x0b".strip())
print(b", ".join([b"a", b"b", b"c"]), b"".join([]), b"-".join(x for x in [b"p", b"q"]))
print(b"banana".replace(b"an", b"AN"), b"banana".replace(b"a", b"", 2), b"ab".replace(b"", b"."))
print(b"key=value=x".partition(b"="), b"key=value=x".rpartition(b"="), b"nokey".partition(b"="))
print(b"MiXeD 123".upper(), b"MiXeD 123".lower(), b"prefix-rest".removeprefix(b"prefix-"), b"f.py".removesuffix(b".py"))
print(b"abc".isalpha(), b"a1".isalnum(), b"123".isdigit(), b"".isdigit(), b" \t".isspace(), b"AB1".isupper(), b"ab".islower(), b"\x80".isascii())
print(b"\x00\x0f\xf0\xff".hex(), b"".hex(), b"abcdef".hex(":"), b"abcdef".hex("-", 2), b"abcde".hex(" ", -2))
print(bytes.fromhex("00 0f f0 ff"), bytes.fromhex(""), b"".fromhex("4142"), bytes.fromhex(b"hi".hex()) == b"hi")
packet = b"GET /index.html HTTP/1.1\r\nHost: example.com\r\n\r\n"
request_line, _, rest = packet.partition(b"\r\n")
method, path, version = request_line.split()
print(method, path, version, [h.split(b": ") for h in rest.split(b"\r\n") if h])
