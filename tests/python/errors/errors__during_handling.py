# An exception raised inside an except block: "During handling of the above exception...".
def cleanup(log):
    log.append("cleanup")
    return log[5]

log = []
try:
    print("trying")
    {}["missing"]
except KeyError:
    print("handling KeyError")
    cleanup(log)
