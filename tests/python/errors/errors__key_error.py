# Uncaught KeyError from a dict lookup at module level, after some output.
stock = {"apples": 3, "pears": 0}
for fruit in ["apples", "pears"]:
    print(fruit, stock[fruit])
print("bananas", stock["bananas"])
