"""The change descriptor every edit returns (after Anki's ``OpChanges``).

A service function that writes returns a ``Changes`` saying which initiatives and which
kinds of data it touched; the UI broadcasts it once and each view refreshes only when the
change concerns it. Plain data, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class Kind:
    """The kinds of data a change can touch (strings, so views can test membership)."""

    INITIATIVE = "initiative"  # an initiative's own fields, creation or deletion
    UNITS = "units"  # organisational units or an initiative's participating units
    ASSESSMENT = "assessment"
    BUSINESS_CASE = "business_case"
    DEPENDENCY = "dependency"
    DECISION = "decision"
    FOLLOWUP = "followup"  # success criteria and measurements
    STRATEGY = "strategy"  # goals, external requirements, criteria
    WEIGHTS = "weights"
    SCENARIO = "scenario"  # scenario contents or the scenario being shown
    PORTFOLIO = "portfolio"  # everything (a portfolio opened, an import, a restore)


@dataclass(frozen=True)
class Changes:
    """What an edit changed: ``initiative_ids`` (empty = none or unknown) and ``kinds``.

    ``Changes.everything()`` means "reload all" (a portfolio opened or restored).
    """

    kinds: frozenset[str] = field(default_factory=frozenset)
    initiative_ids: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, *kinds: str, ids: tuple[str, ...] | list[str] | set[str] = ()) -> Changes:
        """``Changes.of(Kind.ASSESSMENT, ids=["EK-001"])``."""
        return cls(frozenset(kinds), frozenset(ids))

    @classmethod
    def everything(cls) -> Changes:
        return cls(frozenset({Kind.PORTFOLIO}))

    def touches(self, *kinds: str) -> bool:
        """True when this change concerns any of ``kinds`` (a portfolio change concerns all)."""
        return Kind.PORTFOLIO in self.kinds or any(k in self.kinds for k in kinds)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.kinds | other.kinds, self.initiative_ids | other.initiative_ids)

    def __bool__(self) -> bool:
        return bool(self.kinds)
