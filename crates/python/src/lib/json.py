# json: dumps/loads, and dump/load on any object with write()/read(), with CPython's output
# and messages: the separators (", " and ": ", or "," with indent), indent as a number or a
# string, sort_keys, ensure_ascii (on by default), allow_nan, skipkeys, default and cls for
# what JSON cannot hold ("Object of type X is not JSON serializable"), and the decoder's
# hooks. Floats are written as repr() writes them. A malformed document raises
# JSONDecodeError (a ValueError) saying what was expected, with its line, column and char.
# The parser and the escaping of strings are Rust (_json); the encoder's walk is here.
import _json

__all__ = ["dump", "dumps", "load", "loads", "JSONDecoder", "JSONDecodeError", "JSONEncoder"]


class JSONDecodeError(ValueError):
    __module__ = "json.decoder"

    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        ValueError.__init__(self, "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


def _float_str(o, allow_nan):
    if o != o:
        text = "NaN"
    elif o == float("inf"):
        text = "Infinity"
    elif o == -float("inf"):
        text = "-Infinity"
    else:
        return repr(o)
    if not allow_nan:
        raise ValueError("Out of range float values are not JSON compliant")
    return text


def _builtin_like(o):
    t = type(o)
    if getattr(t, "__module__", None) == "collections" and t.__name__ in ("defaultdict", "Counter", "OrderedDict"):
        return dict(o.items())
    if hasattr(t, "_fields") and hasattr(t, "_asdict") and hasattr(t, "_replace"):
        return list(o)
    return None


class JSONEncoder:
    __module__ = "json.encoder"
    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
                 sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError("Object of type %s is not JSON serializable" % type(o).__name__)

    def encode(self, o):
        if isinstance(o, str):
            return _json.encode_str(o, self.ensure_ascii)
        chunks = []
        self._encode(o, chunks, 0, {} if self.check_circular else None)
        return "".join(chunks)

    def iterencode(self, o, _one_shot=False):
        return iter([self.encode(o)])

    def _key(self, key):
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return _float_str(key, self.allow_nan)
        if key is True:
            return "true"
        if key is False:
            return "false"
        if key is None:
            return "null"
        if isinstance(key, int):
            return repr(key)
        if self.skipkeys:
            return None
        raise TypeError("keys must be str, int, float, bool or None, not %s" % type(key).__name__)

    def _encode(self, o, out, level, markers):
        if o is None:
            out.append("null")
        elif o is True:
            out.append("true")
        elif o is False:
            out.append("false")
        elif isinstance(o, str):
            out.append(_json.encode_str(o, self.ensure_ascii))
        elif isinstance(o, int):
            out.append(repr(o))
        elif isinstance(o, float):
            out.append(_float_str(o, self.allow_nan))
        elif isinstance(o, (list, tuple, dict)):
            if markers is not None:
                marker = id(o)
                if marker in markers:
                    raise ValueError("Circular reference detected")
                markers[marker] = o
            if isinstance(o, dict):
                self._encode_dict(o, out, level, markers)
            else:
                self._encode_list(o, out, level, markers)
            if markers is not None:
                del markers[marker]
        elif _builtin_like(o) is not None:
            # collections' dict and tuple types are classes of their own here, not
            # subclasses of dict and tuple: written as CPython writes those.
            self._encode(_builtin_like(o), out, level, markers)
        else:
            if markers is not None:
                marker = id(o)
                if marker in markers:
                    raise ValueError("Circular reference detected")
                markers[marker] = o
            self._encode(self.default(o), out, level, markers)
            if markers is not None:
                del markers[marker]

    def _layout(self, level):
        # A container's nesting level inside it, and what goes after its opening bracket,
        # between its items and before its closing bracket.
        if self.indent is None:
            return level, "", self.item_separator, ""
        newline = "\n" + self.indent * (level + 1)
        return level + 1, newline, self.item_separator + newline, "\n" + self.indent * level

    def _encode_list(self, lst, out, level, markers):
        if not lst:
            out.append("[]")
            return
        level, newline, separator, closing = self._layout(level)
        out.append("[" + newline)
        first = True
        for value in lst:
            if not first:
                out.append(separator)
            first = False
            self._encode(value, out, level, markers)
        out.append(closing + "]")

    def _encode_dict(self, dct, out, level, markers):
        if not dct:
            out.append("{}")
            return
        level, newline, separator, closing = self._layout(level)
        out.append("{" + newline)
        items = sorted(dct.items()) if self.sort_keys else dct.items()
        first = True
        for key, value in items:
            key = self._key(key)
            if key is None:
                continue
            if not first:
                out.append(separator)
            first = False
            out.append(_json.encode_str(key, self.ensure_ascii))
            out.append(self.key_separator)
            self._encode(value, out, level, markers)
        out.append(closing + "}")


class JSONDecoder:
    __module__ = "json.decoder"

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
                 strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float
        self.parse_int = parse_int
        self.parse_constant = parse_constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def _hooks(self):
        return (self.object_hook, self.object_pairs_hook, self.parse_float, self.parse_int, self.parse_constant)

    def decode(self, s):
        return _json.decode(s, 0, True, self.strict, *self._hooks())

    def raw_decode(self, s, idx=0):
        return _json.decode(s, idx, False, self.strict, *self._hooks())


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
          indent=None, separators=None, default=None, sort_keys=False, **kw):
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
          object_pairs_hook=None, **kw):
    if isinstance(s, str):
        if s.startswith("\ufeff"):
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    elif isinstance(s, bytes):
        if s.startswith(b"\xef\xbb\xbf"):
            s = s[3:]
        s = s.decode("utf-8")
    else:
        raise TypeError("the JSON object must be str, bytes or bytearray, not %s" % type(s).__name__)
    if cls is None:
        cls = JSONDecoder
    return cls(object_hook=object_hook, parse_float=parse_float, parse_int=parse_int,
               parse_constant=parse_constant, object_pairs_hook=object_pairs_hook, **kw).decode(s)


def load(fp, **kw):
    return loads(fp.read(), **kw)
