"""User-facing errors: ``str(err)`` is always a sentence a person can act on."""


class GanappError(Exception):
    """Base class of every error the app shows to users as is."""


class InputError(GanappError, ValueError):
    """A parameter is out of range or of the wrong kind."""


class WeightsUnavailable(GanappError, RuntimeError):
    """A model has no weights here (none shipped, none configured on the Hub, or offline)."""
