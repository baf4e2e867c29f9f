# A missing colon after an if: "expected ':'".
x = 3
if x > 2
    print("big")
