# traceback: format_exc/format_exception/format_exception_only (limit, chain, notes) give CPython's text for the program's own frames.
import sys
import threading
import traceback


def clean(text):
    # CPython names the script by its absolute path: keep the file name only.
    out = []
    for line in text.splitlines(True):
        if line.startswith('  File "'):
            path, rest = line[len('  File "'):].split('"', 1)
            line = '  File "%s"%s' % (path.rsplit("/", 1)[-1], rest)
        out.append(line)
    return "".join(out)


def parse(text):
    if not text.isdigit():
        raise ValueError("not a number: %r" % text)
    return int(text)


def load(items):
    total = 0
    for item in items:
        parse(item)
        total += int(item)
    return total


# === format_exc in the handler ===
def handled():
    try:
        load(["1", "2", "x"])
    except ValueError:
        text = traceback.format_exc()
        print(clean(text), end="")
        print(clean(traceback.format_exc(limit=1)), end="")
        print(clean(traceback.format_exc(limit=-1)), end="")
        print(clean(traceback.format_exc(limit=0)), end="")

handled()
print(repr(traceback.format_exc()))

# === Chains ===
def fetch(key):
    raise KeyError(key)

try:
    try:
        fetch("token")
    except KeyError as e:
        raise RuntimeError("lookup failed") from e
except RuntimeError as e:
    parts = traceback.format_exception(e)
    print(len(parts), [clean(p) for p in parts])
    print(clean("".join(traceback.format_exception(e, chain=False))), end="")
    print(clean("".join(traceback.format_exception(type(e), e, e.__traceback__, limit=1))), end="")
    print(traceback.format_exception_only(e), traceback.format_exception_only(type(e), e))

try:
    try:
        fetch("a")
    except KeyError:
        parse("b")
except ValueError:
    print(clean(traceback.format_exc()), end="")
    print(clean(traceback.format_exc(chain=False)), end="")

# === Without a traceback, notes, errors ===
print(traceback.format_exception(ValueError("never raised")), traceback.format_exception_only(None))
err = ValueError("with notes")
err.add_note("first note")
err.add_note("second note")
print(traceback.format_exception_only(err))
try:
    traceback.format_exception(ValueError, ValueError("v"))
except ValueError as e:
    print("ValueError:", e)
try:
    traceback.format_exception("oops")
except TypeError as e:
    print("TypeError:", e)

# === In a thread ===
lines = []

def worker():
    try:
        parse("thread")
    except ValueError:
        lines.append(clean(traceback.format_exc()))

t = threading.Thread(target=worker)
t.start()
t.join()
print(lines[0], end="")
