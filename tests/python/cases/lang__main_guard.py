# if __name__ == "__main__": and module-level globals.
import sys

VALUE = 10

def helper(x):
    return x * VALUE

def main():
    print("name is", __name__)
    print(helper(4))
    print(type(sys.argv).__name__)
    return 0

print("module body runs first")

if __name__ == "__main__":
    rc = main()
    print("main returned", rc)
else:
    print("imported")
print("end of module")
