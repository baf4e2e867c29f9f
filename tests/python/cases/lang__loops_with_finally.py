# break/continue/return crossing try/finally and with blocks; else clauses with exceptions.
def scan(items):
    out = []
    for x in items:
        try:
            if x == "skip":
                continue
            if x == "stop":
                break
            out.append(x)
        finally:
            out.append(f"f({x})")
    else:
        out.append("else")
    return out

print(scan(["a", "skip", "b"]))
print(scan(["a", "stop", "b"]))

def first_even(nums):
    for n in nums:
        try:
            if n % 2 == 0:
                return n
        finally:
            print("checked", n)
    return None

print(first_even([3, 5, 4, 7]))

def retry(attempts):
    tries = 0
    while True:
        tries += 1
        try:
            if tries < attempts:
                raise ConnectionError(f"try {tries}")
            return f"ok after {tries}"
        except ConnectionError as e:
            print("retrying:", e)
            continue
        finally:
            print("attempt", tries, "over")

print(retry(3))

count = 0
while count < 3:
    count += 1
    try:
        pass
    except Exception:
        print("never")
    else:
        print("else of try, iteration", count)
