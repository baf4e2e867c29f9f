# printf-style % formatting.
name = "Ada"
age = 36
pi = 3.14159265

print("%s is %d years old" % (name, age))
print("%5d|%-5d|%05d" % (age, age, age))
print("%.2f %8.3f %e" % (pi, pi, pi))
print("%x %X %o %#x" % (255, 255, 8, 255))
print("%r %s" % ("q", "q"))
print("%c%c" % (72, "i"))
print("100%%", "100%%" % ())
print("%(a)s-%(b)s" % {"a": 1, "b": 2})
print("%s" % [1, 2])
print("%s" % (None,))
print("%+d %+d" % (5, -5))
print("%10s|%-10s|" % ("right", "left"))
print("%.3s" % "abcdef")
print("%i" % 3.9)
try:
    print("%d %d" % (1,))
except TypeError as e:
    print("TypeError:", e)
