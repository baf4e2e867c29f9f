# logging: basicConfig to stdout with a format, levels and names, a logger hierarchy,
# propagate and handlers of one's own, {-style formats, addLevelName, a dict as the
# arguments, and what a second basicConfig does (nothing).
import logging
import sys
import threading

logging.basicConfig(format="%(levelname)s %(name)s [%(threadName)s] %(message)s", level=logging.DEBUG, stream=sys.stdout)
logging.debug("debug %d", 1)


def work():
    logging.info("in thread")


t = threading.Thread(target=work, name="worker")
t.start()
t.join()
a = logging.getLogger("a.b")
a.error("err %s and %r", "x", "y")
a.setLevel(logging.ERROR)
a.warning("dropped")
a.critical("crit")
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("{levelname}:{message}", style="{"))
b = logging.getLogger("b")
b.addHandler(h)
b.propagate = False
b.warning("brace")
d = logging.getLogger("d")
d.addHandler(h)
d.info("to both, through the root too (d's level is the root's: DEBUG)")
logging.basicConfig(level=logging.ERROR)
logging.info("still shown (basicConfig again does nothing)")
logging.log(25, "level 25")
logging.addLevelName(25, "NOTICE")
logging.log(25, "named")
print(logging.getLogger("a.b.c").parent.name, logging.getLogger("x").parent.name, logging.getLogger("a").parent.name)
logging.info("%s", {"a": 1})
logging.info({"dict": "msg"})
logging.info("%(a)s and %(b)s", {"a": 1, "b": 2})
print(logging.getLogger() is logging.root, logging.root, a, logging.getLevelName(20), logging.getLevelName("INFO"), logging.getLevelName(26))
print(a.getEffectiveLevel(), a.isEnabledFor(logging.INFO), d.getEffectiveLevel(), logging.getLogger("a.b") is a)
logging.disable(logging.INFO)
logging.info("disabled")
logging.warning("not disabled")
logging.disable(logging.NOTSET)
try:
    logging.getLogger().setLevel("LOUD")
except ValueError as e:
    print("ValueError", e)
adapter = logging.LoggerAdapter(logging.getLogger("adapted"), {"user": "ada"})
adapter.info("through an adapter")
