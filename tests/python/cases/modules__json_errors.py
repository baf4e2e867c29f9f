# What json refuses, caught: JSONDecodeError (a ValueError) with CPython's message, line,
# column and position; what dumps cannot serialise (TypeError) and its ValueErrors.
import json
bad_documents = ["", " ", "{", "[", "[1 2]", "[1,]", '{"a" 1}', '{"a": 1,}', "{1: 2}", '{"a":', '"abc',
                 '"a\\qb"', '"\\u12"', "1 2", "01", "-", "nul", "tru", '"a\nb"', "[1,\n 2,\n x]", "\ufeff[]", '["\\',
                 '{"a": [1, {"b": }]}']
for doc in bad_documents:
    try:
        json.loads(doc)
    except json.JSONDecodeError as e:
        print(doc.encode(), "->", e, "|", e.msg, e.lineno, e.colno, e.pos, isinstance(e, ValueError))
try:
    json.loads("[1, 2")
except ValueError as e:
    print(type(e).__name__, type(e).__module__, e.doc == "[1, 2", e.args)
for value, kwargs in [({1, 2}, {}), (b"raw", {}), ({(1, 2): 3}, {}), (float("nan"), {"allow_nan": False}), ({"b": 1, 2: 3}, {"sort_keys": True}), (object, {})]:
    try:
        json.dumps(value, **kwargs)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
cyclic = [1]
cyclic.append(cyclic)
try:
    json.dumps(cyclic)
except ValueError as e:
    print("ValueError:", e)
try:
    json.loads(42)
except TypeError as e:
    print("TypeError:", e)
