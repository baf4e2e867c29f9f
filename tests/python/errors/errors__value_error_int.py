# Uncaught ValueError from int() on a non-numeric string.
def parse_all(tokens):
    return [int(t) for t in tokens]

print(parse_all(["1", "22", "333"]))
print(parse_all(["4", "x", "6"]))
