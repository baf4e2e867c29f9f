# String methods.
s = "  Hello, World!  "

# === strip / case ===
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
t = s.strip()
print(t.upper(), t.lower(), t.swapcase(), t.title())
print("hello world".capitalize())

# === split / join ===
print("a,b,,c".split(","))
print("  many   spaces here ".split())
print("a-b-c-d".split("-", 2), "a-b-c-d".rsplit("-", 1))
print("line1\nline2\nline3".splitlines())
print("-".join(["x", "y", "z"]), "".join(reversed("abc")))

# === find / replace / count ===
print(t.find("o"), t.rfind("o"), t.find("zz"), t.index("W"))
print(t.replace("l", "L"), t.replace("l", "L", 1))
print(t.count("l"), "banana".count("an"))

# === predicates ===
print(t.startswith("Hello"), t.endswith("!"), t.startswith(("x", "He")))
print("abc".isalpha(), "123".isdigit(), "abc1".isalnum(), "   ".isspace(), "Abc".isupper())

# === padding / misc ===
print(repr("7".zfill(3)), repr("ab".center(6, "*")), repr("ab".ljust(5)), repr("ab".rjust(5, ".")))
print("abc" * 3, "x" in "xyz", len("héllo"))
print("a b c".partition(" "), "key=value=x".partition("="))
print("Hello {} and {}".format("A", "B"), "{1}{0}".format("x", "y"), "{name}!".format(name="Bo"))
print(ord("A"), chr(97), chr(0x263A), ord("€"))
print("abc" < "abd", "Z" < "a", sorted("hello"))
