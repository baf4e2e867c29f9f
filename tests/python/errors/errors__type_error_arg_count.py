# Uncaught TypeError: calling a function with the wrong number of arguments.
def area(width, height):
    return width * height

class Shape:
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return area(self.w, self.h)

print(area(3, 4))
print(Shape(2, 5).area())
print(area(5))
