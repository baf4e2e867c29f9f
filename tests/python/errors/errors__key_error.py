# Uncaught KeyError from a dict lookup at module level, after some output.
stock = {"apples": 3, "pears": 0}

def restock(name, amount):
    stock[name] = stock.get(name, 0) + amount
    return stock[name]

print("pears", restock("pears", 5))
for fruit in ["apples", "pears"]:
    print(fruit, stock[fruit])
print("total", sum(stock.values()))
print("bananas", stock["bananas"])
