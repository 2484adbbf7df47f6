"""User-facing errors: one line on stderr and exit status 2, never a traceback."""


class BriefingError(Exception):
    """An error the user can act on. ``str(err)`` is a single line."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(str(message).split()))
