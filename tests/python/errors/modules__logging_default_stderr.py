# logging with no configuration: a logger's warning goes to the last-resort handler (the
# message alone, on stderr), info is dropped, the module's own functions configure the
# root logger ("WARNING:root:..." on stderr), logger.exception adds the traceback, then an
# uncaught error.
import logging

log = logging.getLogger("app")
log.info("dropped")
log.warning("last resort: %s", "the message alone")
logging.warning("configured now: %d", 2)
log.error("through the root's handler now")
try:
    raise ValueError("boom")
except ValueError:
    log.exception("with its traceback")
print("stdout is untouched")
raise RuntimeError("the end")
