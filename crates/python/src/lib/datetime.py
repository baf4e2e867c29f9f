# datetime: timedelta, date, time, datetime and timezone (UTC and fixed offsets), with
# CPython's reprs, str, arithmetic, comparisons, isoformat and strftime (through
# time.strftime, plus %f). The calendar is the proleptic Gregorian one, as CPython's. Local
# time is UTC here (a Worker has no time zone database): now() and fromtimestamp() give UTC
# wall-clock time. Not here: strptime, fromisoformat's rarer forms, zoneinfo, DST.
import time as _time

MINYEAR = 1
MAXYEAR = 9999

_DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _ymd2ord(year, month, day):
    return _days_before_year(year) + _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year)) + day


def _ord2ymd(n):
    # Day 1 is 0001-01-01. Count whole 400-, 100-, 4- and 1-year cycles, then months.
    n -= 1
    n400, n = divmod(n, 146097)
    year = n400 * 400 + 1
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    month = 1
    while True:
        length = _days_in_month(year, month)
        if n < length:
            return year, month, n + 1
        n -= length
        month += 1


def _check_int(name, value):
    if not isinstance(value, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)
    return value


def _check_date(year, month, day):
    _check_int("year", year)
    _check_int("month", month)
    _check_int("day", day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("year %d is out of range" % year)
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError("day is out of range for month")


def _check_time(hour, minute, second, microsecond):
    for name, value in (("hour", hour), ("minute", minute), ("second", second), ("microsecond", microsecond)):
        _check_int(name, value)
    if not 0 <= hour <= 23:
        raise ValueError("hour must be in 0..23")
    if not 0 <= minute <= 59:
        raise ValueError("minute must be in 0..59")
    if not 0 <= second <= 59:
        raise ValueError("second must be in 0..59")
    if not 0 <= microsecond <= 999999:
        raise ValueError("microsecond must be in 0..999999")


def _cmp(a, b):
    return 0 if a == b else (1 if a > b else -1)


class timedelta:
    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        # Everything in microseconds, exactly when all are ints; rounded half to even otherwise.
        parts = (days * 86400000000, seconds * 1000000, microseconds, milliseconds * 1000, minutes * 60000000, hours * 3600000000, weeks * 604800000000)
        if all(isinstance(p, int) for p in parts):
            total = sum(parts)
        else:
            total = round(sum(parts))
        self._set(total)

    def _set(self, total):
        days, rest = divmod(total, 86400000000)
        seconds, micro = divmod(rest, 1000000)
        if abs(days) > 999999999:
            raise OverflowError("days=%d; must have magnitude <= 999999999" % days)
        self._days = days
        self._seconds = seconds
        self._microseconds = micro

    @staticmethod
    def _of(total):
        return timedelta(microseconds=total)

    days = property(lambda self: self._days)
    seconds = property(lambda self: self._seconds)
    microseconds = property(lambda self: self._microseconds)

    def _total(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    def total_seconds(self):
        return self._total() / 10 ** 6

    def __repr__(self):
        args = []
        if self._days:
            args.append("days=%d" % self._days)
        if self._seconds:
            args.append("seconds=%d" % self._seconds)
        if self._microseconds:
            args.append("microseconds=%d" % self._microseconds)
        if not args:
            args.append("0")
        return "datetime.timedelta(%s)" % ", ".join(args)

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = "%d:%02d:%02d" % (hh, mm, ss)
        if self._days:
            s = "%d day%s, " % (self._days, "" if abs(self._days) == 1 else "s") + s
        if self._microseconds:
            s = s + ".%06d" % self._microseconds
        return s

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._of(self._total() + other._total())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._of(self._total() - other._total())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return -self + other
        return NotImplemented

    def __neg__(self):
        return timedelta._of(-self._total())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._of(self._total() * other)
        if isinstance(other, float):
            return timedelta._of(round(self._total() * other))
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._total() / other._total()
        if isinstance(other, int):
            return timedelta._of(_round_half_even(self._total(), other))
        if isinstance(other, float):
            return timedelta._of(round(self._total() / other))
        return NotImplemented

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._total() // other._total()
        if isinstance(other, int):
            return timedelta._of(self._total() // other)
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._of(self._total() % other._total())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._total(), other._total())
            return q, timedelta._of(r)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._total() == other._total()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._total() < other._total()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._total() <= other._total()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._total() > other._total()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._total() >= other._total()
        return NotImplemented

    def __hash__(self):
        return hash(self._total())

    def __bool__(self):
        return self._total() != 0


def _round_half_even(a, b):
    q, r = divmod(a, b)
    r2 = 2 * r
    if r2 > b or (r2 == b and q % 2 == 1):
        q += 1
    return q


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59, microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


class tzinfo:
    def utcoffset(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement utcoffset()")

    def tzname(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement tzname()")

    def dst(self, dt):
        return None


class timezone(tzinfo):
    def __init__(self, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError("offset must be a timedelta")
        if not -timedelta(hours=24) < offset < timedelta(hours=24):
            raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not %r." % offset)
        self._offset = offset
        self._name = name

    def utcoffset(self, dt):
        return self._offset

    def dst(self, dt):
        return None

    def tzname(self, dt):
        if self._name is not None:
            return self._name
        if not self._offset:
            return "UTC"
        return "UTC" + _format_offset(self._offset)

    def __repr__(self):
        if self is timezone.utc:
            return "datetime.timezone.utc"
        if self._name is None:
            return "datetime.timezone(%r)" % (self._offset,)
        return "datetime.timezone(%r, %r)" % (self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)


def _format_offset(off, sep=":"):
    sign = "+"
    if off._total() < 0:
        sign = "-"
        off = -off
    hh, rest = divmod(off._total(), 3600000000)
    mm, rest = divmod(rest, 60000000)
    ss, us = divmod(rest, 1000000)
    s = "%s%02d%s%02d" % (sign, hh, sep, mm)
    if ss or us:
        s += "%s%02d" % (sep, ss)
        if us:
            s += ".%06d" % us
    return s


timezone.utc = timezone(timedelta(0))
UTC = timezone.utc


def _strftime(fmt, fields, microsecond, offset, tzname):
    # %f, %z and %Z here; the rest by time.strftime.
    out = []
    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c == "%" and i + 1 < len(fmt):
            d = fmt[i + 1]
            if d == "f":
                out.append("%06d" % microsecond)
            elif d == "z":
                out.append("" if offset is None else _format_offset(offset, ""))
            elif d == "Z":
                out.append("" if tzname is None else tzname)
            else:
                out.append(_time.strftime("%" + d, fields))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


class date:
    def __init__(self, year, month, day):
        _check_date(year, month, day)
        self._year = year
        self._month = month
        self._day = day

    year = property(lambda self: self._year)
    month = property(lambda self: self._month)
    day = property(lambda self: self._day)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromtimestamp(cls, t):
        y, m, d = _time.gmtime(t)[:3]
        return cls(y, m, d)

    @classmethod
    def fromordinal(cls, n):
        return cls(*_ord2ymd(n))

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            y, m, d = s.split("-")
            return cls(int(y), int(m), int(d))
        except Exception:
            raise ValueError("Invalid isoformat string: %r" % s)

    def toordinal(self):
        return _ymd2ord(self._year, self._month, self._day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def timetuple(self):
        yday = self.toordinal() - _ymd2ord(self._year, 1, 1) + 1
        return (self._year, self._month, self._day, 0, 0, 0, self.weekday(), yday, -1)

    def isoformat(self):
        return "%04d-%02d-%02d" % (self._year, self._month, self._day)

    __str__ = isoformat

    def strftime(self, fmt):
        return _strftime(fmt, self.timetuple(), 0, None, None)

    def __format__(self, fmt):
        return self.strftime(fmt) if fmt else str(self)

    def __repr__(self):
        return "datetime.date(%d, %d, %d)" % (self._year, self._month, self._day)

    def replace(self, year=None, month=None, day=None):
        return date(self._year if year is None else year, self._month if month is None else month, self._day if day is None else day)

    def __add__(self, other):
        if isinstance(other, timedelta):
            return type(self).fromordinal(self.toordinal() + other.days)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def _key(self):
        return (self._year, self._month, self._day)

    def __eq__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._key() == other._key()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._key() >= other._key()
        return NotImplemented

    def __hash__(self):
        return hash(self._key())


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


def _time_str(hour, minute, second, microsecond, timespec="auto"):
    if timespec == "auto":
        timespec = "microseconds" if microsecond else "seconds"
    if timespec == "hours":
        return "%02d" % hour
    if timespec == "minutes":
        return "%02d:%02d" % (hour, minute)
    if timespec == "seconds":
        return "%02d:%02d:%02d" % (hour, minute, second)
    if timespec == "milliseconds":
        return "%02d:%02d:%02d.%03d" % (hour, minute, second, microsecond // 1000)
    if timespec == "microseconds":
        return "%02d:%02d:%02d.%06d" % (hour, minute, second, microsecond)
    raise ValueError("Unknown timespec value")


def _fields_repr(values):
    # CPython leaves trailing zero seconds and microseconds out of the repr.
    values = list(values)
    while len(values) > 2 and values[-1] == 0:
        values.pop()
    return ", ".join("%d" % v for v in values)


class _ClockFields:
    # The read-only fields time and datetime share.
    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)


class time(_ClockFields):
    def __init__(self, hour=0, minute=0, second=0, microsecond=0, tzinfo=None):
        _check_time(hour, minute, second, microsecond)
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo

    def isoformat(self, timespec="auto"):
        s = _time_str(self._hour, self._minute, self._second, self._microsecond, timespec)
        if self._tzinfo is not None:
            s += _format_offset(self._tzinfo.utcoffset(None))
        return s

    __str__ = isoformat

    def strftime(self, fmt):
        return _strftime(fmt, (1900, 1, 1, self._hour, self._minute, self._second, 0, 1, -1), self._microsecond, None, None)

    def __format__(self, fmt):
        return self.strftime(fmt) if fmt else str(self)

    def __repr__(self):
        s = "datetime.time(%s)" % _fields_repr((self._hour, self._minute, self._second, self._microsecond))
        if self._tzinfo is not None:
            s = s[:-1] + ", tzinfo=%r)" % self._tzinfo
        return s

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True):
        return time(self._hour if hour is None else hour, self._minute if minute is None else minute,
                    self._second if second is None else second, self._microsecond if microsecond is None else microsecond,
                    self._tzinfo if tzinfo is True else tzinfo)

    def _key(self):
        return (self._hour, self._minute, self._second, self._microsecond)

    def __eq__(self, other):
        return self._key() == other._key() if isinstance(other, time) else NotImplemented

    def __lt__(self, other):
        return self._key() < other._key() if isinstance(other, time) else NotImplemented

    def __le__(self, other):
        return self._key() <= other._key() if isinstance(other, time) else NotImplemented

    def __gt__(self, other):
        return self._key() > other._key() if isinstance(other, time) else NotImplemented

    def __ge__(self, other):
        return self._key() >= other._key() if isinstance(other, time) else NotImplemented

    def __hash__(self):
        return hash(self._key())

    def __bool__(self):
        return True


class datetime(date, _ClockFields):
    def __init__(self, year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None):
        _check_date(year, month, day)
        _check_time(hour, minute, second, microsecond)
        if tzinfo is not None and not isinstance(tzinfo, tzinfo_class):
            raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'" % type(tzinfo).__name__)
        self._year = year
        self._month = month
        self._day = day
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        total = round(t * 1000000)
        secs, us = divmod(total, 1000000)
        y, m, d, hh, mm, ss = _time.gmtime(secs)[:6]
        dt = cls(y, m, d, hh, mm, ss, us, tz)
        if tz is not None:
            dt = dt + tz.utcoffset(dt)
        return dt

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls.fromtimestamp(t)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def today(cls):
        return cls.now()

    @classmethod
    def combine(cls, d, t, tzinfo=True):
        return cls(d.year, d.month, d.day, t.hour, t.minute, t.second, t.microsecond, t.tzinfo if tzinfo is True else tzinfo)

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            day, _, rest = s.replace(" ", "T", 1).partition("T")
            d = date.fromisoformat(day)
            hh = mm = ss = us = 0
            if rest:
                clock, _, frac = rest.partition(".")
                parts = [int(p) for p in clock.split(":")]
                hh, mm, ss = (parts + [0, 0, 0])[:3]
                if frac:
                    us = int((frac + "000000")[:6])
            return cls(d.year, d.month, d.day, hh, mm, ss, us)
        except Exception:
            raise ValueError("Invalid isoformat string: %r" % s)

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond, self._tzinfo)

    def utcoffset(self):
        return None if self._tzinfo is None else self._tzinfo.utcoffset(self)

    def tzname(self):
        return None if self._tzinfo is None else self._tzinfo.tzname(self)

    def timestamp(self):
        off = self.utcoffset() or timedelta(0)
        return (self - off)._naive_micros() / 10 ** 6

    def _naive_micros(self):
        days = self.toordinal() - _ymd2ord(1970, 1, 1)
        return ((days * 24 + self._hour) * 60 + self._minute) * 60000000 + self._second * 1000000 + self._microsecond

    def astimezone(self, tz=None):
        tz = timezone.utc if tz is None else tz
        utc = self - (self.utcoffset() or timedelta(0))
        return (utc + tz.utcoffset(None)).replace(tzinfo=tz)

    def timetuple(self):
        yday = self.toordinal() - _ymd2ord(self._year, 1, 1) + 1
        return (self._year, self._month, self._day, self._hour, self._minute, self._second, self.weekday(), yday, -1)

    def isoformat(self, sep="T", timespec="auto"):
        s = "%04d-%02d-%02d%s%s" % (self._year, self._month, self._day, sep, _time_str(self._hour, self._minute, self._second, self._microsecond, timespec))
        off = self.utcoffset()
        if off is not None:
            s += _format_offset(off)
        return s

    def __str__(self):
        return self.isoformat(sep=" ")

    def strftime(self, fmt):
        return _strftime(fmt, self.timetuple(), self._microsecond, self.utcoffset(), self.tzname())

    def __repr__(self):
        s = "datetime.datetime(%d, %d, %d, %s)" % (self._year, self._month, self._day, _fields_repr((self._hour, self._minute, self._second, self._microsecond)))
        if self._tzinfo is not None:
            s = s[:-1] + ", tzinfo=%r)" % self._tzinfo
        return s

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None, microsecond=None, tzinfo=True):
        return datetime(self._year if year is None else year, self._month if month is None else month,
                        self._day if day is None else day, self._hour if hour is None else hour,
                        self._minute if minute is None else minute, self._second if second is None else second,
                        self._microsecond if microsecond is None else microsecond,
                        self._tzinfo if tzinfo is True else tzinfo)

    def _micros(self):
        return (self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60 + self._second) * 1000000 + self._microsecond

    @classmethod
    def _from_micros(cls, total, tz):
        days, rest = divmod(total, 86400000000)
        if not 1 <= days <= 3652059:
            raise OverflowError("date value out of range")
        y, m, d = _ord2ymd(days)
        hh, rest = divmod(rest, 3600000000)
        mm, rest = divmod(rest, 60000000)
        ss, us = divmod(rest, 1000000)
        return cls(y, m, d, hh, mm, ss, us, tz)

    def __add__(self, other):
        if isinstance(other, timedelta):
            return type(self)._from_micros(self._micros() + other._total(), self._tzinfo)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return type(self)._from_micros(self._micros() - other._total(), self._tzinfo)
        if isinstance(other, datetime):
            if (self._tzinfo is None) != (other._tzinfo is None):
                raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            a = self._micros() - (self.utcoffset() or timedelta(0))._total()
            b = other._micros() - (other.utcoffset() or timedelta(0))._total()
            return timedelta._of(a - b)
        return NotImplemented

    def _cmpkey(self, other):
        if (self._tzinfo is None) != (other._tzinfo is None):
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        a = self._micros() - (self.utcoffset() or timedelta(0))._total()
        b = other._micros() - (other.utcoffset() or timedelta(0))._total()
        return a, b

    def __eq__(self, other):
        if isinstance(other, datetime):
            if (self._tzinfo is None) != (other._tzinfo is None):
                return False
            a, b = self._cmpkey(other)
            return a == b
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, datetime):
            a, b = self._cmpkey(other)
            return a < b
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, datetime):
            a, b = self._cmpkey(other)
            return a <= b
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, datetime):
            a, b = self._cmpkey(other)
            return a > b
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, datetime):
            a, b = self._cmpkey(other)
            return a >= b
        return NotImplemented

    def __hash__(self):
        return hash(self._micros() - (self.utcoffset() or timedelta(0))._total())


tzinfo_class = tzinfo
datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)
