# traceback: print and format an exception with its traceback, as the engine prints an
# uncaught one (which is CPython's format): print_exc, format_exc, print_exception,
# format_exception, format_exception_only. Differences from CPython: the frames of the
# library's own modules (lib/*.py) are not shown, a file is "main.py" rather than its
# absolute path, there are no ~~~^^^ lines under the source lines, and there are no
# traceback objects (exc.__traceback__ is None; a tb argument is ignored: the exception's own
# traceback is used). No extract_*/format_stack/print_stack, StackSummary or
# TracebackException.

import sys
import _pg

_CAUSE = "\nThe above exception was the direct cause of the following exception:\n\n"
_CONTEXT = "\nDuring handling of the above exception, another exception occurred:\n\n"
_HEADER = "Traceback (most recent call last):\n"


class _Sentinel:
    def __repr__(self):
        return "<implicit>"


_sentinel = _Sentinel()


def _value_of(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is _sentinel:
        if exc is None or isinstance(exc, BaseException):
            return exc
        raise TypeError("Exception expected for value, %s found" % type(exc).__name__)
    return value


def _sections(text):
    # The engine's text of a chain, split into [separator, body] pairs, oldest first (the
    # first separator is ""); a separator is the string CPython yields between the two.
    out = []
    sep = ""
    while True:
        cut, which = -1, None
        for marker in (_CAUSE, _CONTEXT):
            at = text.find(marker)
            if at >= 0 and (cut < 0 or at < cut):
                cut, which = at, marker
        if cut < 0:
            out.append([sep, text])
            return out
        out.append([sep, text[:cut]])
        sep = which
        text = text[cut + len(which):]


def _split_body(body):
    # (frames, tail): each frame one string ("  File ..." and its source line), as CPython
    # yields them; the tail is the exception's line (and notes).
    lines = body.splitlines(True)
    i = 0
    if lines and lines[0] == _HEADER:
        i = 1
    frames = []
    while i < len(lines):
        line = lines[i]
        if line.startswith("  File "):
            frames.append(line)
        elif line.startswith("    ") and frames:
            frames[-1] += line
        elif line.startswith("  [Previous line repeated ") and frames:
            frames.append(line)
        else:
            break
        i += 1
    return frames, "".join(lines[i:])


def _limited(frames, limit):
    if limit is None:
        return frames
    if limit >= 0:
        return frames[:limit]
    return frames[len(frames) + limit:] if -limit < len(frames) else frames


def _tail_parts(tail, exc):
    # The exception's line, then each of its notes, as separate strings (as CPython's).
    notes = getattr(exc, "__notes__", None)
    if not isinstance(notes, list) or not notes:
        return [tail]
    parts = [str(note) + "\n" for note in notes]
    rest = "".join(parts)
    if not tail.endswith(rest):
        return [tail]
    return [tail[:len(tail) - len(rest)]] + parts


def _chain(exc):
    # The exceptions of a chain, oldest first, as the engine prints them.
    out = []
    while exc is not None and all(exc is not seen for seen in out):
        out.append(exc)
        nxt = getattr(exc, "__cause__", None)
        if nxt is None and not getattr(exc, "__suppress_context__", False):
            nxt = getattr(exc, "__context__", None)
        exc = nxt
    out.reverse()
    return out


def format_exception_only(exc, /, value=_sentinel):
    if value is _sentinel:
        value = exc
    if value is None:
        return ["NoneType: None\n"]
    text = _pg.format_exception(value)
    return _tail_parts(_split_body(_sections(text)[-1][1])[1], value)


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    value = _value_of(exc, value, tb)
    if value is None:
        return ["NoneType: None\n"]
    sections = _sections(_pg.format_exception(value))
    excs = _chain(value)
    if len(excs) != len(sections):
        excs = [None] * len(sections)
    if not chain:
        sections = [["", sections[-1][1]]]
        excs = [value]
    out = []
    for (sep, body), one in zip(sections, excs):
        if sep:
            out.append(sep)
        frames, tail = _split_body(body)
        frames = _limited(frames, limit)
        if frames:
            out.append(_HEADER)
            out.extend(frames)
        out.extend(_tail_parts(tail, one))
    return out


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for part in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(part, file=file, end="")


def format_exc(limit=None, chain=True):
    return "".join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)
