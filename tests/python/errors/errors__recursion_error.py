# Uncaught RecursionError from unbounded recursion: CPython folds the repeated frames
# into "[Previous line repeated N more times]".
def countdown(n):
    if n == -10 ** 9:
        return "never"
    return countdown(n - 1)

def start():
    print("about to recurse")
    return countdown(10)

start()
