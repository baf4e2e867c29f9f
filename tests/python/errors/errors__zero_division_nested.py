# Uncaught ZeroDivisionError three calls deep: the traceback lists every frame.
def ratio(a, b):
    return a / b

def average(values):
    return ratio(sum(values), len(values))

def report(groups):
    for name, values in groups:
        print(name, average(values))

report([("first", [1, 2, 3]), ("second", [4]), ("empty", [])])
print("not reached")
