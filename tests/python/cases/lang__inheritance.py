# Inheritance, super(), class attributes, isinstance/issubclass, method resolution.
class Animal:
    kingdom = "animalia"
    count = 0

    def __init__(self, name):
        self.name = name
        Animal.count += 1

    def speak(self):
        return "..."

    def describe(self):
        return f"{self.name} says {self.speak()}"

class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed

    def speak(self):
        return "Woof"

class Puppy(Dog):
    def speak(self):
        return super().speak() + " (squeaky)"

a = Animal("generic")
d = Dog("Rex", "lab")
p = Puppy("Bit", "pug")
for x in (a, d, p):
    print(x.describe())
print(Animal.count, d.kingdom, Puppy.kingdom)
d.kingdom = "own"
print(d.kingdom, Animal.kingdom, p.kingdom)
print(isinstance(p, Animal), isinstance(a, Dog), issubclass(Puppy, Dog), issubclass(Dog, Puppy))
print(isinstance(3, (str, int)), issubclass(bool, int), issubclass(Dog, object))
print([c.__name__ for c in Puppy.__mro__])
print(type(p) is Puppy, type(p) == Dog)

class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()

print(D().who(), [k.__name__ for k in D.__mro__])
print(hasattr(d, "breed"), hasattr(a, "breed"), getattr(a, "breed", "none"))
setattr(a, "breed", "mutt")
print(a.breed, vars(p))
