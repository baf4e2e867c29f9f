# sys and os: switch interval, version, pid (type and sign only).
import sys
import os

print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
sys.setswitchinterval(0.005)
print(sys.getswitchinterval())
print(sys.version_info.major, sys.version_info[0], sys.version_info >= (3, 8))
pid = os.getpid()
print(type(pid).__name__, pid > 0, os.getpid() == pid)
print(type(sys.maxsize).__name__, sys.maxsize == 2 ** 63 - 1 or sys.maxsize == 2 ** 31 - 1)
print(sys.getrecursionlimit())
print(type(sys.argv).__name__, type(sys.path).__name__)
sys.stdout.write("via sys.stdout\n")
sys.stderr.write("this goes to stderr\n")
print(callable(sys.exit))
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print("ValueError:", e)
try:
    sys.exit(0)
except SystemExit as e:
    print("SystemExit caught, code", e.code)
