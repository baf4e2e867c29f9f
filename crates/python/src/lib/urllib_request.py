# urllib.request: urlopen(url, timeout=...) and Request, the part small programs use. The
# GET is the browser's (a blocking XMLHttpRequest on this thread's Worker, as requests.get
# makes it), with the GIL released, so urlopen from several threads overlaps. A relative URL
# such as "/sim/page/3?latency_ms=200" is the playground's own simulated page (CPython
# would refuse it: "unknown url type"). The response reads as bytes; a failure is a
# urllib.error.URLError, a 4xx/5xx answer an HTTPError.
import _pg
from urllib.error import URLError, HTTPError
from _httpstatus import REASONS as _REASONS


class _Headers:
    """What the host reports of a response's headers: only its length."""

    def __init__(self, items):
        self._items = list(items)

    def get(self, name, default=None):
        for k, v in self._items:
            if k.lower() == name.lower():
                return v
        return default

    def __getitem__(self, name):
        return self.get(name)

    def __contains__(self, name):
        return self.get(name) is not None

    def items(self):
        return list(self._items)

    def keys(self):
        return [k for k, _ in self._items]

    def values(self):
        return [v for _, v in self._items]

    def get_content_type(self):
        return "text/plain"

    def get_content_charset(self, failobj=None):
        return failobj

    def __iter__(self):
        return iter(self.keys())

    def __len__(self):
        return len(self._items)

    def __str__(self):
        return "".join("%s: %s\n" % kv for kv in self._items) + "\n"


class Request:
    def __init__(self, url, data=None, headers={}, origin_req_host=None, unverifiable=False, method=None):
        self.full_url = url
        self.data = data
        self.headers = dict(headers)
        self.method = method

    def get_method(self):
        if self.method is not None:
            return self.method
        return "POST" if self.data is not None else "GET"

    def get_full_url(self):
        return self.full_url

    def add_header(self, key, val):
        self.headers[key.capitalize()] = val

    def has_header(self, name):
        return name in self.headers

    def get_header(self, name, default=None):
        return self.headers.get(name, default)


class _Body:
    def __init__(self, data):
        self._data = data
        self._pos = 0

    def read(self, amt=None):
        if amt is None or amt < 0:
            chunk = self._data[self._pos:]
        else:
            chunk = self._data[self._pos:self._pos + amt]
        self._pos += len(chunk)
        return chunk

    def readline(self, limit=-1):
        end = self._data.find(b"\n", self._pos)
        end = len(self._data) if end < 0 else end + 1
        if limit is not None and limit >= 0:
            end = min(end, self._pos + limit)
        chunk = self._data[self._pos:end]
        self._pos = end
        return chunk


class HTTPResponse:
    """An answer: read() gives its body as bytes (once: a second read() gives b"")."""

    def __init__(self, url, status, data):
        self.url = url
        self.status = self.code = status
        self.reason = self.msg = _REASONS.get(status, "")
        self.headers = _Headers([("Content-Length", str(len(data)))])
        self._body = _Body(data)
        self.closed = False
        self.will_close = True

    def read(self, amt=None):
        if self.closed:
            return b""
        return self._body.read(amt)

    def readline(self, limit=-1):
        return self._body.readline(limit)

    def readlines(self, hint=-1):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)

    def __iter__(self):
        return iter(self.readlines())

    def getcode(self):
        return self.status

    def geturl(self):
        return self.url

    def info(self):
        return self.headers

    def getheader(self, name, default=None):
        return self.headers.get(name, default)

    def getheaders(self):
        return self.headers.items()

    def close(self):
        self.closed = True

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()
        return False

    def __repr__(self):
        return "<http.client.HTTPResponse object>"


def urlopen(url, data=None, timeout=None, *, context=None):
    if isinstance(url, Request):
        req = url
        if data is None:
            data = req.data
        method = req.get_method()
        url = req.full_url
    else:
        method = "POST" if data is not None else "GET"
    if not isinstance(url, str):
        raise AttributeError("'%s' object has no attribute 'timeout'" % type(url).__name__)
    if timeout is not None and not isinstance(timeout, (int, float)):
        raise TypeError("timeout must be a number, not %s" % type(timeout).__name__)
    if method != "GET":
        raise URLError("this playground's urlopen can only GET (a %s with data is not available)" % method)
    if ":" not in url.split("/", 1)[0] and not url.startswith("/"):
        raise ValueError("unknown url type: %r" % url)
    try:
        status, final_url, text = _pg.http_get(url, "urlopen " + url)
    except OSError as e:
        raise URLError(e.args[0] if e.args else str(e)) from None
    body = text.encode("utf-8")
    if status >= 400:
        raise HTTPError(final_url or url, status, _REASONS.get(status, ""), _Headers([("Content-Length", str(len(body)))]), _Body(body))
    return HTTPResponse(final_url or url, status, body)


def build_opener(*handlers):
    raise NotImplementedError("urllib.request.build_opener is not available in this playground: use urlopen")
