# String literals: escapes, raw strings, triple quotes, implicit concatenation, unicode.
print("tab:\t|", "newline:\\n", 'single \'quote\'', "double \"quote\"")
print(r"raw \n stays", len(r"\n"), len("\n"))
print("\x41\u00e9\u20ac\u03b1", "\101", "\0" == chr(0), "\U0001F600" == chr(0x1F600))
multi = """line one
  line two
line three"""
print(multi)
print(multi.splitlines(), len(multi))
joined = ("implicit " "concatenation "
          "across lines")
print(joined)
s = "héllo wörld ☃"
print(len(s), s.upper(), s[1], s[-1], [ord(ch) for ch in s[:3]])
print("☃" in s, s.find("ö"), s[::-1])
print("a" "b" == "ab", "abc" * 0 == "", "-" * 10)
print(str(3) + "3", "3" * 3, int("3" * 3) + 1)
print(f"""{'nested'} "quotes" in f""", f'{"x"!r}', f"{'{'}braces{'}'}")
print("%s|%5s|%-5s|" % ("é", "ab", "cd"))
print("Ünïcödé".lower(), "straße".upper(), "ǅ".lower())
print("a\tb".expandtabs(4), repr("a\tb".expandtabs(4)))
print(sorted(["b", "A", "a", "B", "é", "e"]))
