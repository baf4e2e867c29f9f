# str.encode and bytes.decode: UTF-8 by default, ASCII and Latin-1, the errors handlers
# (strict, ignore, replace, backslashreplace) and UnicodeDecodeError/UnicodeEncodeError
# caught, with CPython's messages and attributes.
text = "héllo wörld €"
data = text.encode()
print(data, len(text), len(data), data.decode() == text, data.decode("utf-8"), data.decode("UTF8"))
print("abc".encode("ascii"), "é".encode("latin-1"), "é".encode("iso-8859-1"), b"\xe9".decode("latin1"))
print(text.encode("ascii", "ignore"), text.encode("ascii", "replace"), text.encode("ascii", errors="backslashreplace"))
print(b"ok\xffok".decode("utf-8", "replace"), b"ok\xffok".decode(errors="ignore"), b"ok\xff".decode("utf-8", "backslashreplace"))
print(b"\xe2\x82".decode("utf-8", "replace"), b"abc\xe9".decode("ascii", "replace"))
for bad in [b"\xff", b"ab\xe2\x82", b"\xe2\x82\x28", b"\xc3", b"x\xc0\xaf"]:
    try:
        bad.decode()
    except UnicodeDecodeError as e:
        print(type(e).__name__, e, e.encoding, e.start, e.end, e.reason, e.object == bad)
try:
    b"caf\xe9".decode("ascii")
except UnicodeError as e:
    print(isinstance(e, ValueError), e)
for s in ["é", "aéé", "€", "x\U0001f600"]:
    try:
        s.encode("ascii")
    except UnicodeEncodeError as e:
        print(type(e).__name__, e, e.start, e.end, e.reason)
try:
    "€".encode("latin-1")
except UnicodeEncodeError as e:
    print(e)
for call in [lambda: b"a".decode("rot-13x"), lambda: "a".encode("nope"), lambda: b"\xff".decode("utf-8", "bogus")]:
    try:
        call()
    except LookupError as e:
        print(type(e).__name__, e)
print(b"\xff".decode("utf-8", "bogus") if False else "unknown handlers only matter on an error:", b"x".decode("utf-8", "bogus"))
