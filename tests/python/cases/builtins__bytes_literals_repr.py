# bytes literals (escapes, raw, implicit concatenation), repr with CPython's quote choice and
# \x escapes, str() and f-strings of bytes, type(), isinstance, truth and equality with str.
print(b"plain", b'single', b"it's", b'say "hi"', b'both \' and "')
print(b"\x00\x01\x1f\x7f\x80\xfe\xff")
print(b"\t\n\r\\ \a\b\f\v", b"\101\102", rb"\x00\n", br"\\")
print(b"abc" b"def", len(b"abc" b"def"))
b = b"data"
print(repr(b), str(b), str(b"x") == "b'x'", f"{b!r}|{b}|{b!s:>10}|")
print(type(b).__name__, type(b"") is bytes, isinstance(b, bytes), isinstance("s", bytes), isinstance(b, str))
print(bool(b""), bool(b"\x00"), b"a" == "a", b"a" != "a", b"" == b"", b"ab" == b"a" + b"b")
print([b"x", (b"y", None)], {b"k": b"v"})
print("%s and %r" % (b"s", b"r"), "{} {!r}".format(b"f", b"g"))
print(bytes, repr(b"\\'"), repr(b"'\""))
