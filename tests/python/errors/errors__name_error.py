# Uncaught NameError for a misspelled variable inside a function.
def total(prices):
    result = 0
    for p in prices:
        result += p
    return reslt

print("computing")
print(total([1, 2, 3]))
