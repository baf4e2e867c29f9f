# Between bytes and the other types: str(b, encoding), int.to_bytes / int.from_bytes (both
# byte orders, signed), the utf-8-sig codec, and what each refuses.
print(str(b"abc", "utf-8"), str(b"caf\xc3\xa9", encoding="utf-8"), str(b"\xe9t\xe9", "latin-1"), str(b"a\xffb", "utf-8", "replace"))
print(str(b"x"), str(b"y", errors="strict"))
print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"), (-2).to_bytes(2, "big", signed=True), (0).to_bytes(0, "big"), (7).to_bytes())
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"), int.from_bytes(b"\xfe\xff", "little", signed=True), int.from_bytes(b"", "big"))
print(int.from_bytes([1, 0], byteorder="big"), int.from_bytes(bytes(8), "big") == 0)
n = 2 ** 100 + 12345
print(int.from_bytes(n.to_bytes(13, "big"), "big") == n, len((2 ** 64 - 1).to_bytes(8, "little")))
header = (3).to_bytes(2, "big") + (513).to_bytes(2, "little") + b"body"
print(header, int.from_bytes(header[:2], "big"), int.from_bytes(header[2:4], "little"), header[4:].decode())
print("\ufeffhi".encode("utf-8-sig"), "hi".encode("utf-8-sig"), b"\xef\xbb\xbfhi".decode("utf-8-sig"), b"hi".decode("utf-8-sig"))
for f in [lambda: (256).to_bytes(1, "big"), lambda: (-1).to_bytes(1, "big"), lambda: (1).to_bytes(1, "middle"),
          lambda: (128).to_bytes(1, "big", signed=True), lambda: int.from_bytes("ab", "big"), lambda: (1).to_bytes(-1, "big"),
          lambda: str("abc", "utf-8"), lambda: str(5, "utf-8"), lambda: str(b"\xff", "ascii")]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
