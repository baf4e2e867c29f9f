# Uncaught ValueError from int() on a non-numeric string, raised inside a list comprehension.
def parse_all(tokens):
    return [int(t) for t in tokens]

def total(line):
    numbers = parse_all(line.split(","))
    return sum(numbers)

print(total("1,22,333"))
print(total(" 4 , 5 "))
print(total("4,x,6"))
