# Uncaught TypeError: calling a function with the wrong number of arguments.
def area(width, height):
    return width * height

print(area(3, 4))
print(area(5))
