# An uncaught json.JSONDecodeError: its traceback names it json.decoder.JSONDecodeError,
# with the line, column and position of the problem.
import json


def parse(text):
    return json.loads(text)


print(parse('{"ok": true}'))
config = parse('{"name": "demo",\n "workers": 4,\n "debug": tru}')
print("not reached", config)
