# statistics: averages, medians, modes, spread and quantiles of int and float data.
# As CPython's, mean, variance and stdev are computed exactly (on integer numerators and
# denominators: every float is a fraction with a power of two below it) and rounded once at
# the end, so they give CPython's floats, and mean/variance of ints give an int when exact.
# There is no Fraction or Decimal here, nor NormalDist, geometric_mean, harmonic_mean,
# median_grouped, covariance, correlation or linear_regression.

import math


class StatisticsError(ValueError):
    pass


# === Exact arithmetic on (numerator, denominator) pairs, denominator > 0 ===

def _float_ratio(x):
    # A finite float as an exact (numerator, denominator), in lowest terms.
    if x.is_integer():
        return int(x), 1
    shift = 0
    while not x.is_integer():
        # Exact: x has a fractional part, so |x| < 2**53 and x * 2**52 cannot overflow.
        x *= 4503599627370496.0
        shift += 52
    n = int(x)
    low = abs(n)
    zeros = (low & -low).bit_length() - 1
    if zeros > shift:
        zeros = shift
    return n >> zeros, 1 << (shift - zeros)


def _ratio(x):
    # (numerator, denominator) of x, or (x, None) for a float NaN or infinity.
    t = type(x)
    if t is int or t is bool:
        return int(x), 1
    if isinstance(x, float):
        if x != x or x in (math.inf, -math.inf):
            return x, None
        return _float_ratio(float(x))
    if isinstance(x, int):
        return int(x), 1
    try:
        return x.as_integer_ratio()
    except AttributeError:
        pass
    try:
        return x.numerator, x.denominator
    except AttributeError:
        raise TypeError("can't convert type '%s' to numerator/denominator" % type(x).__name__)


def _reduced(n, d):
    if d < 0:
        n, d = -n, -d
    g = math.gcd(n, d)
    if g > 1:
        return n // g, d // g
    return n, d


def _frac_sum(pairs):
    # The exact sum of (n, d) pairs, reduced.
    tn, td = 0, 1
    for n, d in pairs:
        if d == td:
            tn += n
        else:
            tn, td = tn * d + n * td, td * d
        g = math.gcd(tn, td)
        if g > 1:
            tn, td = tn // g, td // g
    return tn, td


_TWO_1000 = float(1 << 1000)


def _to_float(n, d):
    # n / d correctly rounded to the nearest float (ties to even), as int / int is in CPython.
    if n == 0:
        return 0.0
    if d < 0:
        n, d = -n, -d
    negative = n < 0
    if negative:
        n = -n
    # e: the exponent with 2**e <= n/d < 2**(e+1).
    e = n.bit_length() - d.bit_length()
    if e >= 0:
        if n < (d << e):
            e -= 1
    elif (n << -e) < d:
        e -= 1
    # Keep 53 significant bits (fewer for a subnormal result): the quotient n/d * 2**s.
    s = 52 - (e if e > -1022 else -1022)
    if s >= 0:
        q, r = divmod(n << s, d)
        twice, whole = r << 1, d
    else:
        whole = d << -s
        q, r = divmod(n, whole)
        twice = r << 1
    if twice > whole or (twice == whole and q & 1):
        q += 1
    if s > 1000:
        # Two exact steps: 2**s is not a float.
        x = float(q) / _TWO_1000 / float(1 << (s - 1000))
    elif s > 0:
        x = float(q) / float(1 << s)
    elif s < 0:
        x = math.inf if -s > 1023 else float(q) * float(1 << -s)
        if x == math.inf:
            raise OverflowError("integer division result too large for a float")
    else:
        x = float(q)
    return -x if negative else x


def _sqrt_to_float(n, d):
    # sqrt(n / d) correctly rounded: an integer square root with 60-odd bits, its last bit
    # set when inexact (round to odd), then rounded once to 53 bits by _to_float.
    if n <= 0:
        return 0.0
    k = (124 - (n.bit_length() - d.bit_length())) // 2
    if k >= 0:
        big, den = n << (2 * k), d
    else:
        big, den = n, d << (-2 * k)
    r = math.isqrt(big // den)
    if r * r * den != big:
        r |= 1
    if k >= 0:
        return _to_float(r, 1 << k)
    return _to_float(r << -k, 1)


# === Summing data exactly ===

def _coerce(T, S):
    # The type a result over values of types T and S takes, as CPython decides it.
    if T is S:
        return T
    if S is int or S is bool:
        return T
    if T is int:
        return S
    if issubclass(S, T):
        return S
    if issubclass(T, S):
        return T
    if issubclass(T, int):
        return S
    if issubclass(S, int):
        return T
    raise TypeError("don't know how to coerce %s and %s" % (T.__name__, S.__name__))


def _result_type(types):
    T = int
    for S in types:
        T = _coerce(T, S)
    return T


def _sum(data):
    # (T, total, count): total an exact (n, d), or a float NaN/infinity.
    count = 0
    types = []
    partials = {}
    special = None
    for x in data:
        t = type(x)
        if t not in types:
            types.append(t)
        n, d = _ratio(x)
        count += 1
        if d is None:
            special = n if special is None else special + n
        else:
            partials[d] = partials.get(d, 0) + n
    T = _result_type(types)
    if special is not None:
        return T, special, count
    return T, _frac_sum((n, d) for d, n in partials.items()), count


def _ss(data, c=None):
    # (T, sum of squared deviations, count); the sum exact (n, d) or a float NaN/infinity.
    if c is not None:
        T, total, count = _sum((x - c) * (x - c) for x in data)
        return T, total, count
    count = 0
    types = []
    sx = {}
    sxx = {}
    special = None
    for x in data:
        t = type(x)
        if t not in types:
            types.append(t)
        n, d = _ratio(x)
        count += 1
        if d is None:
            special = n if special is None else special + n
        else:
            sx[d] = sx.get(d, 0) + n
            sxx[d] = sxx.get(d, 0) + n * n
    T = _result_type(types)
    if special is not None:
        return T, special, count
    if not count:
        return T, (0, 1), 0
    an, ad = _frac_sum((n, d) for d, n in sx.items())
    bn, bd = _frac_sum((n, d * d) for d, n in sxx.items())
    # (count * sxx - sx * sx) / count, exactly.
    num = count * bn * ad * ad - an * an * bd
    return T, _reduced(num, bd * ad * ad * count), count


def _divide(value, k):
    # An exact (n, d) divided by the int k; a float NaN/infinity divided as a float.
    if isinstance(value, float):
        return value / k
    return _reduced(value[0], value[1] * k)


def _convert(value, T):
    if isinstance(value, float):
        return value
    n, d = value
    if issubclass(T, int) and d == 1:
        return n if T is int or T is bool else T(n)
    x = _to_float(n, d)
    if T is float or issubclass(T, int) or not issubclass(T, float):
        return x
    return T(x)


def _true_div(x, k):
    # x / k, with an int x beyond 2**53 divided exactly and rounded once, as CPython does.
    if type(x) is int and (x > 9007199254740992 or x < -9007199254740992):
        return _to_float(x, k)
    return x / k


def _sqrt(value):
    if isinstance(value, float):
        # CPython reads .numerator of the float here.
        raise AttributeError("'float' object has no attribute 'numerator'")
    return _sqrt_to_float(value[0], value[1])


# === Averages ===

def mean(data):
    T, total, n = _sum(data)
    if n < 1:
        raise StatisticsError("mean requires at least one data point")
    return _convert(_divide(total, n), T)


# fmean's sums are math.fsum's, done here: exact, rounded once (what CPython's fsum gives).
# Every finite float is a whole multiple of 2**-1074: the sum is kept as that multiple.
_FSUM_LIMIT = ((1 << 1024) - (1 << 970)) << 1074


def _fsum_float(x):
    t = type(x)
    if t is float:
        return x
    if t is int or t is bool or isinstance(x, int):
        x = int(x)
        if -9007199254740992 <= x <= 9007199254740992:
            return float(x)
        try:
            return _to_float(x, 1)
        except OverflowError:
            pass
        raise OverflowError("int too large to convert to float")
    if isinstance(x, float) or hasattr(type(x), "__float__"):
        return float(x)
    raise TypeError("must be real number, not %s" % type(x).__name__)


def _fsum(values):
    total = 0
    special = 0.0
    infs = 0.0
    for item in values:
        x = _fsum_float(item)
        if x - x == 0.0:
            if x:
                n, d = _float_ratio(x)
                total += n << (1074 - d.bit_length() + 1)
                if total >= _FSUM_LIMIT or -total >= _FSUM_LIMIT:
                    raise OverflowError("intermediate overflow in fsum")
        else:
            special += x
            if x != x:
                continue
            infs += x
    if special:
        if infs != infs:
            raise ValueError("-inf + inf in fsum")
        return special
    return _to_float(total, 1 << 1074)


def fmean(data, weights=None):
    try:
        n = len(data)
    except TypeError:
        data = list(data)
        n = len(data)
    if weights is None:
        total = _fsum(data)
        if not n:
            raise StatisticsError("fmean requires at least one data point")
        return total / n
    try:
        num_weights = len(weights)
    except TypeError:
        weights = list(weights)
        num_weights = len(weights)
    num = _fsum([x * w for x, w in zip(data, weights)])
    if n != num_weights:
        raise StatisticsError("data and weights must be the same length")
    den = _fsum(weights)
    if not den:
        raise StatisticsError("sum of weights must be non-zero")
    return num / den


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    return _true_div(data[n // 2 - 1] + data[n // 2], 2)


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def _counts(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    return counts


def mode(data):
    best = None
    top = 0
    for value, c in _counts(data).items():
        if c > top:
            best, top = value, c
    if top:
        return best
    try:
        best = [][0]
    except IndexError:
        # As CPython's, the error has an IndexError as its (suppressed) context.
        raise StatisticsError("no mode for empty data") from None


def multimode(data):
    counts = _counts(data)
    if not counts:
        return []
    top = max(counts.values())
    return [value for value, c in counts.items() if c == top]


# === Spread ===

def variance(data, xbar=None):
    T, ss, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError("variance requires at least two data points")
    return _convert(_divide(ss, n - 1), T)


def pvariance(data, mu=None):
    T, ss, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError("pvariance requires at least one data point")
    return _convert(_divide(ss, n), T)


def stdev(data, xbar=None):
    T, ss, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError("stdev requires at least two data points")
    return _sqrt(_divide(ss, n - 1))


def pstdev(data, mu=None):
    T, ss, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError("pstdev requires at least one data point")
    return _sqrt(_divide(ss, n))


# === Quantiles ===

def quantiles(data, *, n=4, method="exclusive"):
    if n < 1:
        raise StatisticsError("n must be at least 1")
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError("must have at least two data points")
    cuts = []
    if method == "inclusive":
        span = ld - 1
        for i in range(1, n):
            j, delta = divmod(i * span, n)
            cuts.append(_true_div(data[j] * (n - delta) + data[j + 1] * delta, n))
        return cuts
    if method == "exclusive":
        span = ld + 1
        for i in range(1, n):
            j = i * span // n
            if j < 1:
                j = 1
            elif j > ld - 1:
                j = ld - 1
            delta = i * span - j * n
            cuts.append(_true_div(data[j - 1] * (n - delta) + data[j] * delta, n))
        return cuts
    raise ValueError("Unknown method: %r" % (method,))
