# A formatted report: alignment, widths, thousands separators, totals.
rows = [
    ("Widget", 4, 3.5),
    ("Gadget, large", 12, 129.99),
    ("Gizmo", 1000, 0.25),
    ("Thingamajig", 7, 1234.5),
]
header = f"{'Item':<15}|{'Qty':>6}|{'Price':>10}|{'Total':>12}"
print(header)
print("-" * len(header))
grand = 0.0
for name, qty, price in rows:
    total = qty * price
    grand += total
    print(f"{name:<15}|{qty:>6,}|{price:>10.2f}|{total:>12,.2f}")
print("=" * len(header))
print(f"{'TOTAL':<15}|{sum(q for _, q, _ in rows):>6,}|{'':>10}|{grand:>12,.2f}")
print()
for i, (name, _, price) in enumerate(rows, 1):
    bar = "#" * int(price // 100)
    print("%2d. %-14s %8.1f %s" % (i, name, price, bar))
print("{:^30}".format("centered"), "|")
print("{:*<10}{:->10}".format("left", "right"))
print("{0:.1%} {1:+.3e} {2:08.3f}".format(0.4567, 12345.678, -3.14159))
