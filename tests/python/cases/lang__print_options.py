# print: sep, end, flush, multiple args, empty print, sys.stdout.write.
import sys

print("a", "b", "c")
print("a", "b", "c", sep="-")
print("no newline", end="")
print(" continued")
print("x", "y", sep="", end="!\n")
print()
print(1, 2.0, None, True, [1], (2,), {"k": 3}, sep=" | ")
print("flushed", flush=True)
sys.stdout.write("written directly\n")
n = sys.stdout.write("abc\n")
print(n)
print(*range(5), sep=",")
print("tab\tsep", "quote'\"", "back\\slash")
print(repr("tab\tnew\nline"))
print("multi\nline")
print("", end="")
print("unicode: é ß 日本 🙂")
print(sep="x")
for i in range(3):
    print(i, end=" " if i < 2 else "\n")
