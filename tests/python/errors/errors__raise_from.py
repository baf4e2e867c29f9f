# Uncaught exception raised "from" another: both tracebacks, joined by the cause line.
class ConfigError(Exception):
    pass

def load(settings, key):
    try:
        return settings[key]
    except KeyError as e:
        raise ConfigError(f"missing setting {key!r}") from e

config = {"debug": True}
print("debug =", load(config, "debug"))
print("port =", load(config, "port"))
