"""The columns of the portfolio table: key, translated header, native value, display text.

Native values are what sorting uses (numbers as numbers, None = missing, sorted last);
display text goes through ``app.services.formatting`` only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.services import formatting
from app.services.snapshots import InitiativeRow
from app.ui import labels


def _t(text: str) -> str:
    return QCoreApplication.translate("TableColumns", text)


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
    Column("id", lambda: _t("Id"), lambda r, e: r.id, _text),
    Column("title", lambda: _t("Title"), lambda r, e: r.title, _text),
    Column("lead_department", lambda: _t("Lead unit"), lambda r, e: r.lead_department, _text),
    Column("departments", lambda: _t("Units involved"),
           lambda r, e: ", ".join(r.departments), _text),
    Column("phase", lambda: _t("Phase"), lambda r, e: r.phase, _label(labels.phases)),
    Column("kind", lambda: _t("Kind"), lambda r, e: r.kind, _label(labels.kinds)),
    Column("audience", lambda: _t("Audience"), lambda r, e: r.audience, _label(labels.audiences)),
    Column("mandatory", lambda: _t("Mandatory"), lambda r, e: r.mandatory, _flag),
    Column("outside_frame", lambda: _t("Outside frame"), lambda r, e: r.outside_frame, _flag),
    Column("confidential", lambda: _t("Confidential"), lambda r, e: r.confidential, _flag),
    Column("total_cost", lambda: _t("Total cost"), lambda r, e: r.total_cost, _amount, True),
    Column("total_benefit", lambda: _t("Total benefit"), lambda r, e: r.total_benefit,
           _amount, True),
    Column("internal_fte", lambda: _t("Internal time (FTE)"), lambda r, e: r.internal_fte,
           lambda v, e: formatting.format_number(v, 1) if v else "", True),
    Column("complete", lambda: _t("Assessed"), lambda r, e: e["complete"].get(r.id, False),
           lambda v, e: _t("Complete") if v else _t("Incomplete")),
    Column("start_date", lambda: _t("Start"), lambda r, e: r.start_date,
           lambda v, e: formatting.format_date(v) if v else ""),
    Column("end_date", lambda: _t("End"), lambda r, e: r.end_date,
           lambda v, e: formatting.format_date(v) if v else ""),
    Column("requires", lambda: _t("Requires"), lambda r, e: ", ".join(r.requires), _text),
    Column("project_owner", lambda: _t("Project owner"), lambda r, e: r.project_owner, _text),
    Column("financing", lambda: _t("Financing"), lambda r, e: r.financing, _text),
    Column("maturity_level", lambda: _t("Maturity level"), lambda r, e: r.maturity_level,
           _label(labels.maturity_levels)),
)
BY_KEY = {c.key: c for c in COLUMNS}
DEFAULT_COLUMNS = ("id", "title", "lead_department", "phase", "audience", "mandatory",
                   "total_cost", "total_benefit", "complete")
