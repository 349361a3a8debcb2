"""Plain data of an import: problems with their place, converted records, the plan."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.services.formatting import format_date, format_number
from app.services.i18n import _

ERROR = "error"
WARNING = "warning"

#: most decimals a number in a message shows (0.333333…)
MAX_DECIMALS = 6


def plain_number(value: float) -> str:
    """A number for a message in the output language, with as few decimals as it needs
    (at most ``MAX_DECIMALS``): 1500.0 → "1.500" (da) / "1,500" (en), 2.5 → "2,5"."""
    for decimals in range(MAX_DECIMALS + 1):
        if abs(round(value, decimals) - value) <= 1e-9 * max(1.0, abs(value)):
            return format_number(value, decimals)
    return format_number(value, MAX_DECIMALS)


def shown(value: Any) -> str:
    """A converted cell value as a message shows it: numbers and dates through
    ``app.services.formatting`` (DESIGN: numbers and dates only via formatting), text as is."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return plain_number(float(value))
    if isinstance(value, date):
        return format_date(value)
    return str(value)


@dataclass(frozen=True)
class Problem:
    """A problem with the source, with where it is (rows as the spreadsheet shows them)."""

    message: str
    row: int | None = None
    column: str | None = None
    severity: str = ERROR

    def where(self) -> str:
        parts = []
        if self.row is not None:
            parts.append(_("row {row}").format(row=self.row))
        if self.column:
            parts.append(_("column “{column}”").format(column=self.column))
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.where()
        message = " ".join(self.message.split())  # a cell's line breaks: one problem, one line
        text = f"{where}: {message}" if where else message
        return (_("warning") + ": " + text) if self.severity == WARNING else text


@dataclass(frozen=True)
class LineSpec:
    """A business-case line from the source: amount in the portfolio's currency units."""

    flow: str  # cost | benefit
    amount: float
    budget_year: int | None
    line_type: str | None  # None: not given ("not split into anlæg and drift" for a cost)
    column: str
    benefit_kind: str | None = None  # None: not given (unknown, never budget-realisable)


@dataclass(frozen=True)
class ScoreSpec:
    """An imported assessment on the criterion's own scale."""

    criterion: str  # criterion name (as the portfolio has it)
    assessor: str
    value: float
    column: str


@dataclass
class ImportRecord:
    """One source row converted: typed scalar fields, lists, lines, scores, notes."""

    row: int
    values: dict[str, Any] = field(default_factory=dict)
    departments: list[str] = field(default_factory=list)
    requires: list[str] = field(default_factory=list)
    lines: list[LineSpec] = field(default_factory=list)
    scores: list[ScoreSpec] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (field, text)
    problems: list[Problem] = field(default_factory=list)
    #: total_cost / total_benefit → (line_type, benefit_kind) of the column that gave it
    total_types: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)

    @property
    def id(self) -> str | None:
        return self.values.get("id")

    @property
    def title(self) -> str:
        return str(self.values.get("title") or "")

    @property
    def ok(self) -> bool:
        return not any(p.severity == ERROR for p in self.problems)

    def date(self, name: str) -> date | None:
        value = self.values.get(name)
        return value if isinstance(value, date) else None


@dataclass
class ImportPlan:
    """What an import would do. ``problems`` are file-level and cross-row; each record
    carries its own. ``skipped`` are rows left out under ``--skip-invalid``."""

    source: str
    records: list[ImportRecord]
    columns: list[str]
    unmapped: list[str]
    currency: str | None
    fields: set[str]
    problems: list[Problem] = field(default_factory=list)
    skipped: list[ImportRecord] = field(default_factory=list)
    new_ids: list[str] = field(default_factory=list)
    updated_ids: list[str] = field(default_factory=list)
    new_units: list[str] = field(default_factory=list)
    score_columns: list[tuple[str, str]] = field(default_factory=list)  # (field, assessor)
    kind: str = "mapping"  # mapping | template | prioritise-export
    restored: dict[str, int] = field(default_factory=dict)  # counts from a Prioritise export
    #: the currency an existing portfolio without amounts had before it takes ``currency``
    currency_was: str | None = None
    #: the mapping's ``price_base`` (a year, "nominal", "not_stated"; None: not given)
    price_base: int | str | None = None

    def all_problems(self) -> list[Problem]:
        """Every problem, file-level first, then by row."""
        rows = [p for r in sorted(self.records + self.skipped, key=lambda r: r.row)
                for p in r.problems]
        return list(self.problems) + rows

    def errors(self) -> list[Problem]:
        """The errors that refuse the import (those of skipped rows do not)."""
        kept = list(self.problems) + [p for r in self.records for p in r.problems]
        return [p for p in kept if p.severity == ERROR]

    @property
    def ok(self) -> bool:
        return not self.errors()
