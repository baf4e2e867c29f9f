# @property (getter/setter), @staticmethod, @classmethod.
class Temperature:
    scale = "C"
    def __init__(self, celsius):
        self._c = celsius
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @staticmethod
    def c_to_k(c):
        return c + 273.15
    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)
    @classmethod
    def describe(cls):
        return f"{cls.__name__} in {cls.scale}"

t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError")
print(Temperature.c_to_k(0), t.c_to_k(10))
t2 = Temperature.from_fahrenheit(212)
print(type(t2).__name__, t2.celsius)

class Kelvin(Temperature):
    scale = "K"

print(Temperature.describe(), Kelvin.describe(), type(Kelvin.from_fahrenheit(32)).__name__)

class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.id = Counter.instances
    @classmethod
    def reset(cls):
        cls.instances = 0

a, b, c = Counter(), Counter(), Counter()
print(a.id, b.id, c.id, Counter.instances)
Counter.reset()
print(Counter.instances, Counter().id)
