"""Errors that reach the user as one clear line, never as a traceback."""


class BylineError(Exception):
    """A problem the user can fix: bad input, a missing model, an unwritable path.

    The command line prints ``byline: <message>`` and exits non-zero; the
    reader shows it as a notification. The message is one line and says what
    was wrong and, where possible, what to do.
    """

    exit_code = 2
