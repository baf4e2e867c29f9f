# datetime: timedelta's normalisation, repr, str and arithmetic; date and datetime reprs,
# str, isoformat, strftime (with %f), ordinals and weekdays, differences across a leap
# day, timezone.utc and fixed offsets, timestamps, comparisons and errors; now() is only
# checked for its type and its year.
import datetime as d
from datetime import date, datetime, time, timedelta, timezone

print(repr(timedelta(seconds=5)), repr(timedelta(days=1, seconds=3600)), repr(timedelta(microseconds=-1)), repr(timedelta()))
print(str(timedelta(days=-1, seconds=5)), str(timedelta(seconds=5.0001)), str(timedelta(days=2, hours=3)), str(timedelta(weeks=1, milliseconds=1)))
print(repr(datetime(2026, 11, 30, 12, 0)), repr(datetime(2026, 11, 30)), repr(datetime(2026, 11, 30, 1, 2, 3, 4)))
print(datetime(2026, 11, 30, 1, 2, 3, 4), datetime(2026, 11, 30, 1, 2, 3).isoformat(), date(2026, 1, 2), repr(date(2026, 1, 2)))
print(datetime(2026, 11, 30, tzinfo=timezone.utc), repr(timezone.utc), timezone.utc, repr(datetime(2026, 1, 1, tzinfo=timezone.utc)))
print(repr(time(1, 2)), time(1, 2, 3, 400), time(23, 59).isoformat(timespec="minutes"))
print(timedelta(hours=1) / timedelta(minutes=7), timedelta(hours=1) // timedelta(minutes=7), timedelta(hours=1) * 1.5, timedelta(hours=1) / 3)
print(datetime(2026, 3, 1) - datetime(2026, 2, 1), date(2024, 3, 1) - timedelta(days=1), date(2024, 3, 1) - date(2023, 3, 1))
print(datetime(2026, 11, 30, 23, 59, 59).strftime("%Y-%m-%d %H:%M:%S.%f %a %j"), f"{date(2026, 11, 30):%d/%m/%Y}")
print(timedelta(days=1).total_seconds(), date(2026, 11, 30).weekday(), date(2026, 11, 30).isoweekday(), date(2026, 11, 30).toordinal(), date.fromordinal(739950))
print(datetime.fromtimestamp(0, timezone.utc), datetime(1970, 1, 2, tzinfo=timezone.utc).timestamp(), datetime.fromtimestamp(1.5, timezone.utc))
print(datetime(2026, 12, 31, 23, 59, 59, 999999) + timedelta(microseconds=1), datetime(2024, 2, 28, 12) + timedelta(days=1, hours=12))
print(sorted([date(2026, 1, 2), date(2025, 12, 31), date(2026, 1, 1)]), max(timedelta(1), timedelta(hours=30)), -timedelta(hours=1), abs(timedelta(hours=-1)))
print(divmod(timedelta(hours=5), timedelta(hours=2)), timedelta(hours=5) % timedelta(hours=2), timedelta(0) == timedelta(), bool(timedelta(0)))
tz = timezone(timedelta(hours=5, minutes=30))
print(repr(tz), tz, datetime(2026, 1, 1, 12, tzinfo=tz).isoformat(), datetime(2026, 1, 1, 12, tzinfo=tz).astimezone(timezone.utc))
print(datetime(2026, 1, 1, 12, tzinfo=tz) == datetime(2026, 1, 1, 6, 30, tzinfo=timezone.utc), datetime(2026, 1, 1, 12, tzinfo=tz).strftime("%H:%M %z %Z"))
print(datetime.fromisoformat("2026-11-30T12:34:56.5"), date.fromisoformat("2026-02-03"), datetime(2026, 5, 6, 7, 8).replace(hour=9, minute=0))
print(datetime.combine(date(2026, 1, 1), time(10, 30)), datetime(2026, 1, 1, 10, 30).date(), datetime(2026, 1, 1, 10, 30).time())
print({date(2026, 1, 1): "a"}[date(2026, 1, 1)], hash(timedelta(seconds=1)) == hash(timedelta(milliseconds=1000)))
for bad in [lambda: date(2026, 2, 29), lambda: datetime(2026, 13, 1), lambda: time(24), lambda: datetime(2026, 1, 1) - datetime(2026, 1, 1, tzinfo=timezone.utc)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
now = datetime.now()
print(type(now).__name__, now.year >= 2026, type(date.today()).__name__, isinstance(datetime.now(timezone.utc).tzinfo, timezone))
print(d.MINYEAR, d.MAXYEAR, date.max, datetime.min, timedelta.resolution)
x = datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=timezone.utc)
print(x.hour, x.minute, x.second, x.microsecond, x.tzinfo, time(7, 8, 9, 10).hour, time(7, 8, 9, 10).microsecond, x.year, x.day)
