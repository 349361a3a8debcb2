"""Errors the services raise. Each carries a message fit to show a user (what and where).

The CLI maps ``UserError`` (and subclasses) to exit code 2 (DESIGN §6); anything else is
an internal error (exit 1).
"""

from __future__ import annotations


class UserError(Exception):
    """Input or situation refused: bad data, a refused file, a lock, an infeasible model."""


class NotAPortfolioError(UserError):
    """The file is not a Prioritise portfolio (or is truncated/corrupt)."""


class TooNewError(UserError):
    """The portfolio was written by a newer version of Prioritise."""


class LockedError(UserError):
    """The portfolio is held by another editor. ``holder`` describes who."""

    def __init__(self, message: str, holder: dict[str, object] | None = None) -> None:
        super().__init__(message)
        self.holder = holder or {}


class ReadOnlyError(UserError):
    """A write was attempted on a portfolio opened read-only."""


class ConflictError(UserError):
    """Another editor changed the same row since it was read (row version mismatch).

    ``mine`` and ``theirs`` hold the two values per field where known.
    """

    def __init__(
        self,
        message: str,
        mine: dict[str, object] | None = None,
        theirs: dict[str, object] | None = None,
    ) -> None:
        super().__init__(message)
        self.mine = mine or {}
        self.theirs = theirs or {}


class ValidationError(UserError):
    """One or more problems with user input, each with where it is."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []
