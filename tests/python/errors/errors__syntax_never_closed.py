# A bracket that is never closed: CPython points at the bracket, not at the end of the file.
print("this line never runs, the program does not compile")
total = sum([1, 2, 3]
print(total)
