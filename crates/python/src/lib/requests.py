# requests, the part small programs use: get (and a Session's get), a Response with
# status_code, text, content (bytes), json(), url, ok, raise_for_status, and the exceptions. The request itself is
# the browser's (a blocking XMLHttpRequest on this thread's Worker), made with the GIL
# released, so requests from several threads overlap. A relative URL such as
# "/sim/page/3?latency_ms=200" is the playground's own simulated page.
import _pg
import json as _json
from _httpstatus import REASONS as _REASONS


class RequestException(OSError):
    def __init__(self, *args, response=None, request=None):
        OSError.__init__(self, *args)
        self.response = response
        self.request = request


class ConnectionError(RequestException):
    pass


class HTTPError(RequestException):
    pass


class Timeout(RequestException):
    pass


class InvalidURL(RequestException, ValueError):
    pass


class InvalidJSONError(RequestException):
    pass


class JSONDecodeError(InvalidJSONError, _json.JSONDecodeError):
    """Response.json() on a body that is not JSON: also a json.JSONDecodeError."""

    def __init__(self, *args, **kwargs):
        _json.JSONDecodeError.__init__(self, *args)
        self.response = kwargs.get("response")
        self.request = None


class _Exceptions:
    RequestException = RequestException
    ConnectionError = ConnectionError
    HTTPError = HTTPError
    Timeout = Timeout
    InvalidURL = InvalidURL
    InvalidJSONError = InvalidJSONError
    JSONDecodeError = JSONDecodeError


exceptions = _Exceptions()


class Response:
    def __init__(self, status_code, url, text):
        self.status_code = status_code
        self.url = url
        self.text = text
        self.reason = _REASONS.get(status_code, "")
        self.encoding = "utf-8"

    @property
    def ok(self):
        return self.status_code < 400

    def raise_for_status(self):
        kind = "Client" if 400 <= self.status_code < 500 else "Server" if self.status_code >= 500 else None
        if kind:
            raise HTTPError("%d %s Error: %s for url: %s" % (self.status_code, kind, self.reason, self.url), response=self)

    @property
    def content(self):
        return self.text.encode(self.encoding or "utf-8")

    def json(self, **kwargs):
        try:
            return _json.loads(self.text, **kwargs)
        except _json.JSONDecodeError as e:
            raise JSONDecodeError(e.msg, e.doc, e.pos, response=self) from None

    def __repr__(self):
        return "<Response [%d]>" % self.status_code

    def __bool__(self):
        return self.ok

    def __enter__(self):
        return self

    def __exit__(self, *args):
        return False

    def close(self):
        pass


def _quote(s):
    safe = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~"
    out = []
    for ch in str(s):
        if ch in safe:
            out.append(ch)
        elif ch == " ":
            out.append("+")
        else:
            for b in ch.encode() if hasattr(ch, "encode") else [ord(ch)]:
                out.append("%%%02X" % b)
    return "".join(out)


def _with_params(url, params):
    if not params:
        return url
    items = params.items() if hasattr(params, "items") else params
    query = "&".join("%s=%s" % (_quote(k), _quote(v)) for k, v in items)
    return url + ("&" if "?" in url else "?") + query


def get(url, params=None, **kwargs):
    if not isinstance(url, str) or not url:
        raise InvalidURL("Invalid URL %r: No scheme supplied." % (url,))
    url = _with_params(url, params)
    try:
        status, final_url, text = _pg.http_get(url, "requests.get " + url)
    except OSError as e:
        raise ConnectionError("%s: %s" % (url, e.args[0] if e.args else e)) from None
    return Response(status, final_url or url, text)


def head(url, **kwargs):
    return get(url, **kwargs)


class Session:
    def get(self, url, params=None, **kwargs):
        return get(url, params=params, **kwargs)

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *args):
        return False
