"""The demo portfolio "Eksempel Kommune" (``prioritise demo PORTFOLIO``, ``gui --demo``).

A realistic Danish municipality with illustrative values: forvaltninger, afdelinger and
institutions; a digitalisation strategy with goals and adopted weights for the budget
year; the 12 initiatives of the joint-public digitalisation strategy 2026–2029 as external
requirements (``resources/data``); 37 local initiatives with light business cases in
budget form, assessments by proposer, digitalisation unit and agreed, dependencies,
mandatory items, decisions, success criteria and the scenario "Budget 2027" with yearly
anlæg and drift frames. Deterministic: the same file content every time (no randomness).
The data lives in ``app.services.demo_data``.
"""

from __future__ import annotations

import math
import os
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    Assessment,
    BudgetFrame,
    BusinessCaseLine,
    Criterion,
    Decision,
    Dependency,
    ExternalRequirement,
    Initiative,
    Measurement,
    OrgUnit,
    PortfolioSettings,
    Scenario,
    StrategicGoal,
    SuccessCriterion,
    WeightSet,
)
from app.models.enums import (
    Assessor,
    BenefitKind,
    Beneficiary,
    CostCategory,
    Flow,
    FrameType,
    LineType,
    Objective,
    WeightStatus,
)
from app.services.demo_data import followup, organisation
from app.services.demo_data.initiatives import INITIATIVES, InitiativeSpec
from app.services.importing.service import create_filled
from app.services.store import create_portfolio, is_url

SCENARIO_NAME = "Budget 2027"
#: illustrative kr. value of one årsværk of internal working time
FTE_COST = 550_000.0
#: share of the candidates' yearly demand that the frames leave room for
FRAME_SHARE = 0.5
ORDINAL_KEYS = ("strategic_fit", "external_requirements", "citizen_value", "employee_value",
                "risk", "readiness")
DESCRIPTION = (
    "Eksempel Kommune er en demoportefølje. Organisation, tiltag, beløb, vurderinger, "
    "beslutninger og budgetrammer er illustrative og opdigtede. De 12 eksterne krav "
    "FOS-01…FOS-12 er initiativerne i Den fællesoffentlige digitaliseringsstrategi "
    "2026–2029 (Regeringen, KL og Danske Regioner, juni 2025); hvilke af dem der pålægger "
    "kommunen lokalt arbejde, er demoens eget valg."
)


def create_demo(path: str | os.PathLike[str]) -> None:
    """Create the demo portfolio at ``path`` (a file, or an empty PostgreSQL database
    URL). Raises ``UserError`` when the file exists (DESIGN §6: ``demo`` refuses to
    overwrite), its folder does not exist, or the database already holds a portfolio."""
    kwargs: dict[str, Any] = dict(municipality=organisation.MUNICIPALITY,
                                  name="Digitaliseringsportefølje 2027–2030", currency="DKK",
                                  budget_year=organisation.BUDGET_YEAR)
    if is_url(path):  # an empty PostgreSQL database (the store refuses one in use)
        with create_portfolio(path, **kwargs) as pf:
            _fill(pf)
        return
    create_filled(path, _fill, **kwargs)


def _fill(pf: Any) -> None:
    with pf.session(context="demo Eksempel Kommune") as s:
        build(s)


def build(session: Session) -> None:
    """Write the whole demo into a freshly seeded portfolio session."""
    settings = session.get(PortfolioSettings, 1)
    settings.description = DESCRIPTION
    settings.price_base_year = organisation.PRICE_BASE_YEAR
    settings.budget_year = organisation.BUDGET_YEAR
    units = _units(session)
    goals = _goals(session)
    reqs = _requirements(session)
    _adopt_weights(session)
    criteria = {c.key: c for c in session.scalars(select(Criterion))}
    for spec in INITIATIVES:
        _initiative(session, spec, units, goals, reqs, criteria)
    session.flush()
    for spec in INITIATIVES:
        for req in spec.requires:
            session.add(Dependency(initiative_id=spec.id, requires_id=req))
    _followup(session)
    _scenario(session, reqs)


def _units(session: Session) -> dict[str, OrgUnit]:
    out: dict[str, OrgUnit] = {}
    for order, u in enumerate(organisation.UNITS):
        unit = OrgUnit(code=u.code, name=u.name, kind=u.kind, sort_order=order,
                       parent=out[u.parent] if u.parent else None)
        session.add(unit)
        out[u.code] = unit
    session.flush()
    return out


def _goals(session: Session) -> dict[str, StrategicGoal]:
    out = {}
    for order, g in enumerate(organisation.GOALS):
        out[g.code] = StrategicGoal(code=g.code, title=g.title, description=g.description,
                                    sort_order=order)
        session.add(out[g.code])
    return out


def _requirements(session: Session) -> dict[str, ExternalRequirement]:
    out = {}
    specs = organisation.joint_public_requirements() + list(organisation.OTHER_REQUIREMENTS)
    for r in specs:
        out[r.code] = ExternalRequirement(
            code=r.code, title=r.title, source_type=r.source_type, source=r.source,
            deadline=r.deadline, obliges_local_work=r.obliges, description=r.description)
        session.add(out[r.code])
    return out


def _adopt_weights(session: Session) -> None:
    ws = session.scalars(select(WeightSet).where(
        WeightSet.budget_year == organisation.BUDGET_YEAR)).first()
    ws.name = f"Vægte for budget {organisation.BUDGET_YEAR}"
    ws.status = WeightStatus.ADOPTED.value
    ws.adopted_on = date(2026, 9, 22)
    ws.adopted_by = "Økonomiudvalget"
    ws.note = "Vedtaget sammen med digitaliseringsstrategien (illustrativt)."


def _lines(spec: InitiativeSpec, units: dict[str, OrgUnit]) -> list[BusinessCaseLine]:
    lines: list[BusinessCaseLine] = []
    years = range(organisation.BUDGET_YEAR, organisation.BUDGET_YEAR + 4)
    derived = any(spec.capex)
    for year, capex, opex, fte, cash, time in zip(
            years, spec.capex, spec.opex, spec.fte, spec.cash_benefit, spec.time_benefit):
        if capex:
            lines.append(BusinessCaseLine(
                flow=Flow.COST.value, budget_year=year, line_type=LineType.CAPITAL.value,
                category=CostCategory.IMPLEMENTATION.value, financing=spec.financing,
                amount=capex * 1000.0))
        if opex:
            lines.append(BusinessCaseLine(
                flow=Flow.COST.value, budget_year=year, line_type=LineType.OPERATING.value,
                derived_operating=derived, category=CostCategory.LICENCE.value,
                financing=spec.financing, amount=opex * 1000.0))
        if fte:
            lines.append(BusinessCaseLine(
                flow=Flow.COST.value, budget_year=year, line_type=LineType.OPERATING.value,
                category=CostCategory.INTERNAL.value, cash=False, fte=fte,
                amount=fte * FTE_COST, note="Interne ressourcer (årsværk), ikke kontant"))
        if cash:
            lines.append(BusinessCaseLine(
                flow=Flow.BENEFIT.value, budget_year=year, line_type=LineType.OPERATING.value,
                amount=cash * 1000.0, benefit_kind=BenefitKind.CASH.value, financing=spec.financing,
                beneficiary=Beneficiary.MUNICIPALITY.value,
                giving_unit_id=units[spec.giver or spec.lead].id))
        if time:
            lines.append(BusinessCaseLine(
                flow=Flow.BENEFIT.value, budget_year=year, line_type=LineType.OPERATING.value,
                amount=time * 1000.0, benefit_kind=BenefitKind.NON_CASH.value,
                beneficiary=(Beneficiary.CITIZENS.value if spec.audience == "citizen"
                             else Beneficiary.EMPLOYEES.value),
                note="Frigjort tid"))
    return lines


def _assessments(spec: InitiativeSpec, criteria: dict[str, Criterion]) -> list[Assessment]:
    out: list[Assessment] = []
    levels = dict(zip(ORDINAL_KEYS, spec.scores))
    yearly = [c + t for c, t in zip(spec.cash_benefit, spec.time_benefit)]
    levels_num = {"economic_benefit": max(yearly) * 1000.0}
    for key, level in {**levels, **levels_num}.items():
        if level is None:
            continue  # not agreed yet: the initiative's assessment is incomplete
        cid = criteria[key].id
        numeric = key == "economic_benefit"
        proposer = level + (1 if key in spec.inflated else 0)
        if not numeric:
            proposer = min(4, proposer)
        elif "economic_benefit" in spec.inflated:
            proposer = level * 1.5
        unit = spec.unit_diff.get(key, level)
        comment = spec.comment if key == "strategic_fit" and spec.comment else ""
        out.append(Assessment(criterion_id=cid, assessor=Assessor.AGREED.value, value=float(level),
                              comment=comment or "Aftalt på vurderingsmødet 20.08.2026.",
                              assessed_by="Digitaliseringsstyregruppen"))
        out.append(Assessment(criterion_id=cid, assessor=Assessor.PROPOSER.value,
                              value=float(proposer), assessed_by=spec.owner,
                              comment="Forslagsstillers egen vurdering" if proposer != level else ""))
        out.append(Assessment(criterion_id=cid, assessor=Assessor.UNIT.value, value=float(unit),
                              assessed_by="Digitalisering og IT",
                              comment="Digitaliseringens vurdering afviger" if unit != level else ""))
    for key in ORDINAL_KEYS:  # a proposer scores even what is not agreed yet
        if levels[key] is None:
            out.append(Assessment(criterion_id=criteria[key].id, assessor=Assessor.PROPOSER.value,
                                  value=3.0, assessed_by=spec.owner,
                                  comment="Forslagsstillers egen vurdering"))
    return out


def _initiative(session: Session, spec: InitiativeSpec, units: dict[str, OrgUnit],
                goals: dict[str, StrategicGoal], reqs: dict[str, ExternalRequirement],
                criteria: dict[str, Criterion]) -> None:
    ini = Initiative(
        id=spec.id, title=spec.title, description=spec.description, lead_unit=units[spec.lead],
        phase=spec.phase, kind=spec.kind, audience=spec.audience, maturity_level=spec.maturity,
        project_owner=spec.owner, project_manager=spec.manager,
        benefit_owner=spec.benefit_owner or spec.owner, system_owner=spec.system_owner,
        start_date=spec.start, end_date=spec.end, baseline_end_date=spec.end,
        mandatory=spec.mandatory, outside_frame=spec.outside_frame, financing=spec.financing,
        source="demo",
    )
    ini.units = [units[c] for c in spec.parts]
    ini.goals = [goals[g] for g in spec.goals]
    ini.requirements = [reqs[r] for r in spec.reqs]
    ini.lines = _lines(spec, units)
    ini.assessments = _assessments(spec, criteria)
    session.add(ini)


def _followup(session: Session) -> None:
    for d in followup.DECISIONS:
        session.add(Decision(initiative_id=d.initiative, outcome=d.outcome, forum=d.forum,
                             decided_on=d.decided_on, reason=d.reason, conditions=d.conditions,
                             recorded_by="Digitalisering og IT"))
    for sc in followup.SUCCESS_CRITERIA:
        crit = SuccessCriterion(
            initiative_id=sc.initiative, name=sc.name, unit_label=sc.unit_label,
            baseline=sc.baseline, baseline_date=sc.baseline_date,
            target_pessimistic=sc.targets[0], target_likely=sc.targets[1],
            target_optimistic=sc.targets[2], target_date=sc.target_date, owner=sc.owner)
        crit.measurements = [Measurement(measured_on=d, value=v) for d, v in sc.measurements]
        session.add(crit)


def frame_amounts(reqs: dict[str, ExternalRequirement]) -> dict[tuple[int, str], float]:
    """Yearly anlæg/drift frames (kr.): what committed and mandatory initiatives inside the
    frame need, plus ``FRAME_SHARE`` of what the candidates ask for, rounded up to
    100.000 kr. — so the frames hold what must be done and selection is non-trivial."""
    obliging = {code for code, r in reqs.items() if r.obliges_local_work}
    fixed: dict[tuple[int, str], float] = {}
    wanted: dict[tuple[int, str], float] = {}
    years = range(organisation.BUDGET_YEAR, organisation.BUDGET_YEAR + 4)
    for spec in INITIATIVES:
        if spec.phase in ("rejected", "closed") or spec.outside_frame:
            continue
        must = (spec.phase in ("approved", "procurement", "implementation", "operation")
                or spec.mandatory or bool(set(spec.reqs) & obliging))
        target = fixed if must else wanted
        for year, capex, opex in zip(years, spec.capex, spec.opex):
            target[(year, "anlaeg")] = target.get((year, "anlaeg"), 0.0) + capex * 1000.0
            target[(year, "drift")] = target.get((year, "drift"), 0.0) + opex * 1000.0
    out = {}
    for key in sorted(set(fixed) | set(wanted)):
        amount = fixed.get(key, 0.0) + FRAME_SHARE * wanted.get(key, 0.0)
        out[key] = math.ceil(amount / 100_000.0) * 100_000.0
    return out


def _scenario(session: Session, reqs: dict[str, ExternalRequirement]) -> None:
    for sc in session.scalars(select(Scenario).where(Scenario.is_default.is_(True))):
        sc.is_default = False
    scenario = Scenario(
        name=SCENARIO_NAME, objective=Objective.SCORE.value, is_default=True,
        description="Budgetforslag 2027–2030: årlige rammer for anlæg og drift til "
                    "digitalisering (illustrative beløb).",
        created_by="Digitalisering og IT")
    frame_type = {"anlaeg": FrameType.CAPITAL.value, "drift": FrameType.OPERATING.value}
    for (year, kind), amount in frame_amounts(reqs).items():
        scenario.frames.append(BudgetFrame(budget_year=year, frame_type=frame_type[kind],
                                           amount=amount))
    session.add(scenario)
