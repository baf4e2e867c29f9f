# json.loads: every kind of value, whitespace, escapes and \u (surrogate pairs), numbers
# (ints of any size, floats, exponents, NaN and Infinity), bytes input, round trips, and the
# decoder hooks (object_hook, object_pairs_hook, parse_float, parse_int, parse_constant).
import json
print(json.loads('{"a": 1, "b": [true, false, null], "c": {"d": "e"}}'))
print(json.loads(' \n [ 1 , 2.5 , -3 , 1e3 , 1E-2 , -0.0 , 0 ] \t'))
print(json.loads('"esc \\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\u20ac \\ud83d\\ude00"'))
print(json.loads("12345678901234567890123"), json.loads("1e400"), json.loads("-1e400"), json.loads("[NaN, Infinity, -Infinity]"))
print(json.loads('"h\u00e9llo"'), json.loads('{"k": "v", "k": "last"}'), json.loads("[]"), json.loads("{}"), json.loads('""'))
print(json.loads(b'{"from": "bytes"}'), json.loads('{"x": 1}'.encode()), json.loads(b'\xef\xbb\xbf[1]'))
doc = {"users": [{"id": 1, "name": "Ada", "tags": ["a", "b"], "score": 9.5}, {"id": 2, "name": "Linus", "tags": [], "score": None}], "count": 2, "unicode": "€ ü 😀"}
for kwargs in [{}, {"indent": 2}, {"ensure_ascii": False}, {"sort_keys": True, "separators": (",", ":")}]:
    text = json.dumps(doc, **kwargs)
    print(json.loads(text) == doc, len(text))
print(json.loads(json.dumps([1.1, 0.1 + 0.2, 1e-300, 123456789.123456789])))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"z": 1, "a": 2}', object_pairs_hook=list))
print(json.loads("[1.5, 2]", parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads("[NaN, -Infinity]", parse_constant=lambda name: "<" + name + ">"))
decoder = json.JSONDecoder()
print(decoder.decode(' {"k": [1]} '), decoder.raw_decode('[1, 2] trailing'), decoder.raw_decode('xx"s"yy', 2))
print(json.loads('"a\tb"', strict=False) == "a\tb")
