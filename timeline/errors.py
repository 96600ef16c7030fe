"""Errors the command line and the app report as a clear message, never as a traceback."""


class TimelineError(Exception):
    """A problem with the user's input or environment, with a message that says what to do."""


class InputRejected(TimelineError):
    """One input could not be read; the rest of the batch goes on. ``reason`` says why."""

    def __init__(self, name: str, reason: str):
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason
