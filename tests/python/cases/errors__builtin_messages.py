# Messages of common builtin exceptions, caught and printed.
cases = [
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 5 % 0,
    lambda: [1][5],
    lambda: (1,)[2],
    lambda: "ab"[9],
    lambda: {}["k"],
    lambda: int("x"),
    lambda: int("3.5"),
    lambda: float("abc"),
    lambda: "a" + 1,
    lambda: 1 + "a",
    lambda: [] + (),
    lambda: len(5),
    lambda: None.foo,
    lambda: (3).real2,
    lambda: undefined_name,
    lambda: [].pop(),
    lambda: {}.popitem(),
    lambda: [1, 2].index(5),
    lambda: "abc".index("z"),
    lambda: next(iter([])),
    lambda: abs("s"),
    lambda: (lambda: None)()(),
    lambda: 2 ** -1 + [][0],
    lambda: "x" * "y",
    lambda: {[]: 1},
    lambda: chr(-1),
    lambda: sum(["a"]),
]
for i, fn in enumerate(cases):
    try:
        fn()
        print(i, "no error")
    except Exception as e:
        print(i, type(e).__name__, str(e))
