# urllib.error: URLError (the request failed: no network, refused, blocked by the browser)
# and HTTPError (the server answered with a 4xx or 5xx status; also a response whose body
# can be read), worded as CPython's.


class URLError(OSError):
    def __init__(self, reason, filename=None):
        OSError.__init__(self, reason)
        self.args = (reason,)
        self.reason = reason
        if filename is not None:
            self.filename = filename

    def __str__(self):
        return "<urlopen error %s>" % (self.reason,)


class HTTPError(URLError):
    def __init__(self, url, code, msg, hdrs, fp):
        URLError.__init__(self, msg)
        self.args = (url, code, msg, hdrs, fp)
        self.url = self.filename = url
        self.code = self.status = code
        self.msg = msg
        self.hdrs = self.headers = hdrs
        self.fp = fp

    @property
    def reason(self):
        return self.msg

    @reason.setter
    def reason(self, value):
        pass

    def __str__(self):
        return "HTTP Error %s: %s" % (self.code, self.msg)

    def __repr__(self):
        return "<HTTPError %s: %r>" % (self.code, self.msg)

    def getcode(self):
        return self.code

    def geturl(self):
        return self.url

    def info(self):
        return self.hdrs

    def read(self, amt=None):
        return self.fp.read(amt) if self.fp is not None else b""

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *args):
        return False


class ContentTooShortError(URLError):
    def __init__(self, message, content):
        URLError.__init__(self, message)
        self.content = content
