# An uncaught UnicodeDecodeError from bytes.decode: CPython's wording of the bad byte and
# its position.
payload = "naïve".encode("utf-8")
print(payload, payload.decode())
latin = "naïve".encode("latin-1")
print(latin)
print(latin.decode("utf-8"))
