"""The columns of the portfolio table: key, translated header, native value, display text.

Native values are what sorting uses (numbers as numbers, None = missing, sorted last);
display text goes through ``app.services.formatting`` only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


from app.services import formatting
from app.services.snapshots import InitiativeRow
from app.ui import labels
from app.ui.tr import tr



@dataclass(frozen=True)
class Column:
    key: str
    header: Callable[[], str]
    value: Callable[[InitiativeRow, dict[str, Any]], Any]  # native value (sort role)
    display: Callable[[Any, dict[str, Any]], str]
    numeric: bool = False


def _text(v: Any, _extra: dict[str, Any]) -> str:
    return "" if v is None else str(v)


def _amount(v: Any, extra: dict[str, Any]) -> str:
    return formatting.format_amount(v, extra.get("currency", "DKK"))


def _flag(v: Any, _extra: dict[str, Any]) -> str:
    return labels.yes_no(True) if v else ""


def _label(mapping: Callable[[], dict[str, str]]) -> Callable[[Any, dict[str, Any]], str]:
    return lambda v, _e: mapping().get(v, v or "")


COLUMNS: tuple[Column, ...] = (
    Column("id", lambda: tr("Id"), lambda r, e: r.id, _text),
    Column("title", lambda: tr("Title"), lambda r, e: r.title, _text),
    Column("lead_department", lambda: tr("Lead unit"), lambda r, e: r.lead_department, _text),
    Column("departments", lambda: tr("Units involved"),
           lambda r, e: ", ".join(r.departments), _text),
    Column("phase", lambda: tr("Phase"), lambda r, e: r.phase, _label(labels.phases)),
    Column("kind", lambda: tr("Kind"), lambda r, e: r.kind, _label(labels.kinds)),
    Column("audience", lambda: tr("Audience"), lambda r, e: r.audience, _label(labels.audiences)),
    Column("mandatory", lambda: tr("Mandatory"), lambda r, e: r.mandatory, _flag),
    Column("outside_frame", lambda: tr("Outside frame"), lambda r, e: r.outside_frame, _flag),
    Column("confidential", lambda: tr("Confidential"), lambda r, e: r.confidential, _flag),
    Column("total_cost", lambda: tr("Total cost"), lambda r, e: r.total_cost, _amount, True),
    Column("total_benefit", lambda: tr("Total benefit"), lambda r, e: r.total_benefit,
           _amount, True),
    Column("internal_fte", lambda: tr("Internal time (FTE)"), lambda r, e: r.internal_fte,
           lambda v, e: formatting.format_number(v, 1) if v else "", True),
    Column("complete", lambda: tr("Assessed"), lambda r, e: e["complete"].get(r.id, False),
           lambda v, e: tr("Complete") if v else tr("Incomplete")),
    Column("start_date", lambda: tr("Start"), lambda r, e: r.start_date,
           lambda v, e: formatting.format_date(v) if v else ""),
    Column("end_date", lambda: tr("End"), lambda r, e: r.end_date,
           lambda v, e: formatting.format_date(v) if v else ""),
    Column("requires", lambda: tr("Requires"), lambda r, e: ", ".join(r.requires), _text),
    Column("project_owner", lambda: tr("Project owner"), lambda r, e: r.project_owner, _text),
    Column("financing", lambda: tr("Financing"), lambda r, e: r.financing, _text),
    Column("maturity_level", lambda: tr("Maturity level"), lambda r, e: r.maturity_level,
           _label(labels.maturity_levels)),
)
BY_KEY = {c.key: c for c in COLUMNS}
DEFAULT_COLUMNS = ("id", "title", "lead_department", "phase", "mandatory",
                   "total_cost", "total_benefit", "complete")
