"""Plain snapshots of initiatives for tables, ``list`` and outputs (no live ORM objects).

One query per table, never per initiative, so a 10,000-initiative portfolio loads fast.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import (
    BudgetFrame,
    BusinessCaseLine,
    Dependency,
    Initiative,
    OrgUnit,
    PortfolioSettings,
    initiative_requirement,
    initiative_unit,
)
from app.models.enums import Flow


@dataclass(frozen=True)
class UnitInfo:
    id: int
    code: str
    name: str
    kind: str
    parent_id: int | None
    forvaltning_id: int  # the top unit of its branch


@dataclass
class InitiativeRow:
    """One initiative as plain data. Amounts in kr.; ``None`` = no such lines at all."""

    id: str
    title: str
    description: str
    lead_unit_id: int | None
    lead_department: str  # the lead unit's name ('' when none)
    departments: list[str]  # all involved units' names, the lead first
    unit_ids: list[int]  # participating unit ids (lead not included)
    phase: str
    kind: str
    audience: str
    maturity_level: str | None
    mandatory: bool  # marked so, or linked to a requirement that obliges local work
    marked_mandatory: bool
    outside_frame: bool
    confidential: bool
    start_date: date | None
    end_date: date | None
    total_cost: float | None  # undiscounted cash cost, all years, likely values
    total_benefit: float | None
    internal_fte: float  # årsværk of internal working time, all years
    requires: list[str] = field(default_factory=list)
    project_owner: str = ""
    project_manager: str = ""
    financing: str = ""
    row_version: int = 1


def load_units(session: Session) -> dict[int, UnitInfo]:
    """All organisational units by id, each with the id of its forvaltning."""
    rows = session.execute(
        select(OrgUnit.id, OrgUnit.code, OrgUnit.name, OrgUnit.kind, OrgUnit.parent_id)
        .order_by(OrgUnit.sort_order, OrgUnit.name)
    ).all()
    parents = {r.id: r.parent_id for r in rows}

    def top(uid: int) -> int:
        seen = set()
        while parents.get(uid) is not None and uid not in seen:
            seen.add(uid)
            uid = parents[uid]  # type: ignore[assignment]
        return uid

    return {
        r.id: UnitInfo(r.id, r.code, r.name, r.kind, r.parent_id, top(r.id)) for r in rows
    }


def load_settings(session: Session) -> PortfolioSettings:
    """The portfolio's settings row (detached copy safe to read after the session)."""
    settings = session.get(PortfolioSettings, 1)
    if settings is None:  # pragma: no cover - every store-created portfolio has one
        raise LookupError("portfolio_settings row missing")
    return settings


def holds_amounts(session: Session) -> bool:
    """Whether the portfolio holds amounts in its currency: business-case lines or budget
    frames. One that holds none (a new, empty portfolio) may take another currency from
    its first import or restore; one that does refuses a source in another currency."""
    return (session.scalar(select(BusinessCaseLine.id).limit(1)) is not None
            or session.scalar(select(BudgetFrame.id).limit(1)) is not None)


def load_initiatives(session: Session) -> list[InitiativeRow]:
    """Every initiative as an ``InitiativeRow``, ordered by id."""
    units = load_units(session)
    participants: dict[str, list[int]] = defaultdict(list)
    for iid, uid in session.execute(select(initiative_unit.c.initiative_id, initiative_unit.c.unit_id)):
        participants[iid].append(uid)
    requires: dict[str, list[str]] = defaultdict(list)
    for a, b in session.execute(
        select(Dependency.initiative_id, Dependency.requires_id).order_by(Dependency.requires_id)
    ):
        requires[a].append(b)
    from app.models import ExternalRequirement

    obliged: set[str] = set(
        session.scalars(
            select(initiative_requirement.c.initiative_id)
            .join(ExternalRequirement, ExternalRequirement.id == initiative_requirement.c.requirement_id)
            .where(ExternalRequirement.obliges_local_work.is_(True))
        )
    )
    cost: dict[str, float] = {}
    benefit: dict[str, float] = {}
    fte: dict[str, float] = defaultdict(float)
    # Summed in SQL: a portfolio of 5,000 initiatives has ~65,000 lines.
    line = BusinessCaseLine.__table__.c
    cost_code = Flow.COST.value
    for iid, flow, cash, amount, line_fte in session.execute(
        select(line.initiative_id, line.flow, line.cash, func.sum(line.amount),
               func.sum(line.fte))
        .group_by(line.initiative_id, line.flow, line.cash)
    ):
        if line_fte:
            fte[iid] += line_fte
        if cash:
            target = cost if flow == cost_code else benefit
            target[iid] = target.get(iid, 0.0) + amount
    # Plain column rows, not ORM objects: no identity map or instrumentation per row,
    # which is most of the time of opening a 5,000-initiative portfolio.
    c = Initiative.__table__.c
    query = select(
        c.id, c.title, c.description, c.lead_unit_id, c.phase, c.kind, c.audience,
        c.maturity_level, c.mandatory, c.outside_frame, c.confidential, c.start_date,
        c.end_date, c.project_owner, c.project_manager, c.financing, c.row_version,
    ).order_by(c.id)
    out: list[InitiativeRow] = []
    # Unpacked by position: a Row's attribute access costs ~0.6 µs, ~30 per initiative.
    for (iid, title, description, lead_unit_id, phase, kind, audience, maturity_level,
         marked, outside_frame, confidential, start_date, end_date, project_owner,
         project_manager, financing, row_version) in session.execute(query):
        lead = units.get(lead_unit_id) if lead_unit_id is not None else None
        part = [u for u in participants.get(iid, ()) if u != lead_unit_id]
        names = ([lead.name] if lead else []) + [units[u].name for u in part if u in units]
        out.append(
            InitiativeRow(
                id=iid, title=title, description=description,
                lead_unit_id=lead_unit_id, lead_department=lead.name if lead else "",
                departments=names, unit_ids=part, phase=phase, kind=kind,
                audience=audience, maturity_level=maturity_level,
                mandatory=bool(marked or iid in obliged),
                marked_mandatory=bool(marked), outside_frame=bool(outside_frame),
                confidential=bool(confidential), start_date=start_date,
                end_date=end_date, total_cost=cost.get(iid),
                total_benefit=benefit.get(iid), internal_fte=fte.get(iid, 0.0),
                requires=requires.get(iid, []), project_owner=project_owner,
                project_manager=project_manager, financing=financing,
                row_version=row_version,
            )
        )
    return out
