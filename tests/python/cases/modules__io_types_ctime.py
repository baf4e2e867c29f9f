# time.ctime/asctime; types.SimpleNamespace and the function, generator, method and builtin
# types; io.StringIO as a text file in memory (print(file=...), read, readline, iteration,
# seek and tell, closing).
import io
import time
import types

print(time.ctime(0), "|", time.asctime(time.gmtime(86400 * 400 + 3661)), "|", time.ctime(1e9), "|", len(time.ctime()))
ns = types.SimpleNamespace(a=1, b="x")
ns.c = [1]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b="x", c=[1]), repr(types.SimpleNamespace()))
try:
    types.SimpleNamespace({"k": 2})
except TypeError as e:
    print("TypeError", e)
del ns.a
print(ns, vars(ns))
s = io.StringIO()
s.write("hello\n")
print("x", 2, file=s)
print(repr(s.getvalue()), s.tell())
s.seek(0)
print(repr(s.read()), repr(s.read()))
s = io.StringIO("a\nb\nc")
print(s.readline(), s.readlines(), list(io.StringIO("1\n2\n")), io.StringIO("abcdef").read(2))
with io.StringIO() as f:
    f.write("z")
    print(f.closed)
print(f.closed)
try:
    f.getvalue()
except ValueError as e:
    print("ValueError", e)
s = io.StringIO("0123456789")
s.seek(4)
s.write("ab")
print(s.getvalue(), s.tell(), s.truncate(), s.getvalue())
class K:
    def m(self):
        pass


print(isinstance(lambda: 0, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance((i for i in []), types.GeneratorType))
print(types.FunctionType is types.LambdaType, isinstance(K().m, types.MethodType), isinstance(time, types.ModuleType))
