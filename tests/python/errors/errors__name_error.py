# Uncaught NameError for a misspelled variable inside a function (3.11 adds a "Did you mean" hint).
def total(prices):
    result = 0
    for p in prices:
        result += p
    return reslt

def report(orders):
    print("orders:", len(orders))
    return total(orders)

print("computing")
print(report([1, 2, 3]))
