"""Write a ``PortfolioDump`` (read back from Prioritise's own export) into a portfolio.

Upserts by stable keys: units, goals and requirements by code, criteria by key, weight
sets by (name, budget year), initiatives by id, scenarios by name. For every initiative in
the dump its lines, assessments, dependencies, notes and links are replaced by the
exported ones. A partial dump (a CSV export: main fields and totals only) is refused
when the portfolio holds initiatives, since it would replace their lines, assessments,
goals and requirements by less. Settings are taken over when the portfolio holds no initiatives yet (an
empty portfolio); otherwise a different currency is refused. Everything happens in the
caller's session, so a refused restore changes nothing when the caller rolls back.
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.models import (
    Assessment,
    BudgetFrame,
    BusinessCaseLine,
    Criterion,
    CriterionLevel,
    Decision,
    Dependency,
    ExternalRequirement,
    FieldNote,
    Initiative,
    OrgUnit,
    PortfolioSettings,
    Scenario,
    ScenarioForce,
    StrategicGoal,
    Weight,
    WeightSet,
)
from app.services.errors import ValidationError
from app.services.exports.records import PortfolioDump
from app.services.i18n import _
from app.services.snapshots import holds_amounts


def _check(session: Session, dump: PortfolioDump) -> None:
    problems: list[str] = []
    unit_codes = {u.code for u in dump.units} | set(session.scalars(select(OrgUnit.code)))
    crit_keys = {c.key for c in dump.criteria} | set(session.scalars(select(Criterion.key)))
    ids = {i.id for i in dump.initiatives} | set(session.scalars(select(Initiative.id)))
    for ini in dump.initiatives:
        for code in [ini.lead_unit_code, *ini.unit_codes]:
            if code and code not in unit_codes:
                problems.append(_("initiative {id}: unknown unit {code}").format(id=ini.id, code=code))
    for ln in dump.lines:
        if ln.initiative_id not in ids:
            problems.append(_("business case line of unknown initiative {id}").format(
                id=ln.initiative_id))
        if ln.flow == "cost" and ln.amount < 0:
            problems.append(_("initiative {id}: a cost is negative ({amount})").format(
                id=ln.initiative_id, amount=ln.amount))
    for a in dump.assessments:
        if a.criterion_key not in crit_keys:
            problems.append(_("assessment of {id}: unknown criterion {key}").format(
                id=a.initiative_id, key=a.criterion_key))
    for d in dump.dependencies:
        if d.initiative_id not in ids or d.requires_id not in ids:
            problems.append(_("dependency {a} → {b}: unknown initiative").format(
                a=d.initiative_id, b=d.requires_id))
    import networkx as nx

    from app.services import dependencies as dep

    graph = nx.DiGraph([(d.initiative_id, d.requires_id) for d in dump.dependencies])
    for cyc in dep.find_cycles(graph):
        problems.append(_("the dependencies form a cycle: {ids}").format(ids=" → ".join(cyc)))
    if problems:
        raise ValidationError(_("The export cannot be restored"), problems)


def _drop_seeds(session: Session, dump: PortfolioDump, sets: dict, scenarios: dict) -> None:
    """In a portfolio that held no initiatives (a new one), remove what it was created
    with and the export does not hold, so the restored portfolio holds what the exported
    one did: draft weight sets (e.g. "Vægte 2027" beside the export's "Vægte for budget
    2027") that no scenario uses, and scenarios without frames or forces (the seeded
    "Standard" when the export named its scenarios otherwise). Adopted weight sets, and
    anything when the export carries no weights or scenarios (a CSV), stay."""
    if dump.weights:
        keep = {(w.set_name, w.budget_year) for w in dump.weights}
        used = {sc.weight_set_id for sc in scenarios.values()}
        for key, ws in list(sets.items()):
            if key not in keep and ws.status == "draft" and ws.id not in used:
                session.delete(ws)
                del sets[key]
    if dump.scenarios:
        keep_sc = {r.name for r in dump.scenarios}
        for name, sc in list(scenarios.items()):
            if name in keep_sc or sc.is_default:
                continue
            busy = session.scalar(select(BudgetFrame.id).where(
                BudgetFrame.scenario_id == sc.id).limit(1)) is not None or session.scalar(
                select(ScenarioForce.id).where(ScenarioForce.scenario_id == sc.id).limit(1)
            ) is not None
            if not busy:
                session.delete(sc)
                del scenarios[name]
    session.flush()


def refuse_partial(session: Session, dump: PortfolioDump) -> None:
    """Raise ``ValidationError`` when ``dump`` is partial (a CSV export: main fields and
    totals only) and the portfolio in ``session`` holds initiatives: restoring it there
    would replace their yearly lines, assessments, goals and requirements by less and add
    its units a second time under new codes. Only reads, so a caller can check before it
    opens a write transaction (which takes a backup)."""
    if dump.partial and session.scalar(select(Initiative.id).limit(1)) is not None:
        raise ValidationError(_(
            "The portfolio already holds initiatives; a CSV export of Prioritise is "
            "restored only into an empty portfolio, because it holds just the "
            "initiatives' main fields and totals (restoring it here would delete "
            "assessments, yearly business case lines, goals and requirements). To update "
            "initiatives from another copy, export that copy to XLSX and import the XLSX "
            "file, or import the CSV file with a mapping (--mapping)"))


def restore(session: Session, dump: PortfolioDump) -> dict[str, int]:
    """Write ``dump`` into ``session`` (see module docstring); returns counts per kind.

    Raises ``ValidationError`` (unknown references, negative costs, cycles, a different
    currency in a portfolio that holds initiatives, business-case lines or budget frames —
    an empty one takes the export's currency —, a partial dump — a CSV export — into a portfolio
    that holds initiatives).
    """
    settings = session.get(PortfolioSettings, 1)
    empty = session.scalar(select(Initiative.id).limit(1)) is None
    s = dump.settings
    refuse_partial(session, dump)
    if settings is not None and (not empty or holds_amounts(session)) \
            and settings.currency != s.currency:
        raise ValidationError(_("The export is in {theirs}, the portfolio in {ours}").format(
            theirs=s.currency, ours=settings.currency))
    _check(session, dump)
    if settings is not None and s.currency and settings.currency != s.currency:
        settings.currency = s.currency  # an empty portfolio without amounts (also for a CSV)
    if settings is not None and empty and s.budget_year:  # a CSV carries no settings
        for key in ("name", "municipality", "description", "currency", "price_base_year",
                    "budget_year", "discount_rate", "horizon_years",
                    "full_business_case_threshold"):
            setattr(settings, key, getattr(s, key))

    units = {u.code: u for u in session.scalars(select(OrgUnit))}
    for rec in dump.units:
        u = units.get(rec.code) or OrgUnit(code=rec.code)
        u.name, u.kind, u.sort_order = rec.name, rec.kind, rec.sort_order
        session.add(u)
        units[rec.code] = u
    session.flush()
    for rec in dump.units:
        units[rec.code].parent_id = units[rec.parent_code].id if rec.parent_code in units else None
    goals = {g.code: g for g in session.scalars(select(StrategicGoal))}
    for rec in dump.goals:
        g = goals.get(rec.code) or StrategicGoal(code=rec.code)
        g.title, g.description, g.sort_order = rec.title, rec.description, rec.sort_order
        session.add(g)
        goals[rec.code] = g
    reqs = {r.code: r for r in session.scalars(select(ExternalRequirement))}
    for rec in dump.requirements:
        r = reqs.get(rec.code) or ExternalRequirement(code=rec.code)
        for key in ("title", "source_type", "source", "deadline", "obliges_local_work",
                    "description", "url"):
            setattr(r, key, getattr(rec, key))
        session.add(r)
        reqs[rec.code] = r
    session.flush()

    crits = {c.key: c for c in session.scalars(select(Criterion))}
    for rec in dump.criteria:
        c = crits.get(rec.key) or Criterion(key=rec.key)
        for key in ("name", "description", "kind", "lower_is_better", "anchor_low",
                    "anchor_high", "unit_label", "sort_order", "active"):
            setattr(c, key, getattr(rec, key))
        c.goal_id = goals[rec.goal_code].id if rec.goal_code in goals else None
        session.add(c)
        crits[rec.key] = c
    session.flush()
    for rec in dump.criteria:
        crits[rec.key].parent_id = crits[rec.parent_key].id if rec.parent_key in crits else None
    restored_levels = {lv.criterion_key for lv in dump.levels}
    for key in restored_levels:
        session.execute(delete(CriterionLevel).where(CriterionLevel.criterion_id == crits[key].id))
    for lv in dump.levels:
        session.add(CriterionLevel(criterion_id=crits[lv.criterion_key].id, level=lv.level,
                                   label=lv.label, guide=lv.guide))

    sets = {(w.name, w.budget_year): w for w in session.scalars(select(WeightSet))}
    touched: set[tuple[str, int]] = set()
    for w in dump.weights:
        key = (w.set_name, w.budget_year)
        ws = sets.get(key)
        if ws is None:
            ws = WeightSet(name=w.set_name, budget_year=w.budget_year)
            session.add(ws)
            sets[key] = ws
        ws.status, ws.adopted_on, ws.adopted_by = w.status, w.adopted_on, w.adopted_by
        if key not in touched:
            session.flush()
            session.execute(delete(Weight).where(Weight.weight_set_id == ws.id))
            touched.add(key)
        session.add(Weight(weight_set_id=ws.id, criterion_id=crits[w.criterion_key].id,
                           percent=w.percent))
    session.flush()

    inits = {i.id: i for i in session.scalars(select(Initiative))}
    ids = [r.id for r in dump.initiatives]
    for rec in dump.initiatives:
        ini = inits.get(rec.id) or Initiative(id=rec.id)
        for key in ("title", "description", "phase", "kind", "audience", "maturity_level",
                    "project_owner", "project_manager", "benefit_owner", "system_owner",
                    "start_date", "end_date", "baseline_end_date", "mandatory",
                    "outside_frame", "confidential", "financing", "note", "discount_rate",
                    "horizon_years", "price_base_year", "full_business_case"):
            setattr(ini, key, getattr(rec, key))
        ini.lead_unit_id = units[rec.lead_unit_code].id if rec.lead_unit_code else None
        ini.units = [units[c] for c in rec.unit_codes]
        ini.goals = [goals[c] for c in rec.goal_codes if c in goals]
        ini.requirements = [reqs[c] for c in rec.requirement_codes if c in reqs]
        session.add(ini)
    session.flush()
    for model in (BusinessCaseLine, Assessment, FieldNote):
        session.execute(delete(model).where(model.initiative_id.in_(ids)))
    session.execute(delete(Dependency).where(Dependency.initiative_id.in_(ids)))
    for ln in dump.lines:
        session.add(BusinessCaseLine(
            initiative_id=ln.initiative_id, flow=ln.flow, budget_year=ln.budget_year,
            line_type=ln.line_type, derived_operating=ln.derived_operating,
            category=ln.category, financing=ln.financing, amount=ln.amount,
            amount_low=ln.amount_low, amount_high=ln.amount_high, cash=ln.cash, fte=ln.fte,
            benefit_kind=ln.benefit_kind, beneficiary=ln.beneficiary,
            giving_unit_id=units[ln.giving_unit_code].id if ln.giving_unit_code in units
            else None, note=ln.note))
    for a in dump.assessments:
        session.add(Assessment(initiative_id=a.initiative_id,
                               criterion_id=crits[a.criterion_key].id, assessor=a.assessor,
                               value=a.value, comment=a.comment, assessed_by=a.assessed_by))
    for n in dump.notes:
        session.add(FieldNote(initiative_id=n.initiative_id, field=n.field, text=n.text))
    session.flush()
    for d in dump.dependencies:
        session.add(Dependency(initiative_id=d.initiative_id, requires_id=d.requires_id,
                               note=d.note))

    scenarios = {sc.name: sc for sc in session.scalars(select(Scenario))}
    default = next((r.name for r in dump.scenarios if r.is_default), None)
    for rec in dump.scenarios:
        sc = scenarios.get(rec.name) or Scenario(name=rec.name)
        sc.description, sc.objective = rec.description, rec.objective
        sc.is_what_if, sc.capacity_fte = rec.is_what_if, rec.capacity_fte
        ws = sets.get((rec.weight_set_name, rec.weight_set_year)) if rec.weight_set_name else None
        sc.weight_set_id = ws.id if ws is not None else None
        sc.is_default = rec.name == default if default else bool(sc.is_default)
        session.add(sc)
        scenarios[rec.name] = sc
    if default:
        for name, sc in scenarios.items():
            sc.is_default = name == default
    session.flush()
    if empty:
        _drop_seeds(session, dump, sets, scenarios)
    restored_scen = {r.name for r in dump.scenarios}
    for name in restored_scen:
        sid = scenarios[name].id
        session.execute(delete(BudgetFrame).where(BudgetFrame.scenario_id == sid))
        session.execute(delete(ScenarioForce).where(ScenarioForce.scenario_id == sid))
    for f in dump.frames:
        if f.scenario in scenarios:
            session.add(BudgetFrame(scenario_id=scenarios[f.scenario].id, budget_year=f.budget_year,
                                    frame_type=f.frame_type, amount=f.amount,
                                    unit_id=units[f.unit_code].id if f.unit_code in units else None))
    for fc in dump.forces:
        if fc.scenario in scenarios:
            session.add(ScenarioForce(scenario_id=scenarios[fc.scenario].id,
                                      initiative_id=fc.initiative_id, mode=fc.mode))
    existing = {(d.initiative_id, d.outcome, d.forum, d.decided_on)
                for d in session.scalars(select(Decision))}
    for dc in dump.decisions:
        if (dc.initiative_id, dc.outcome, dc.forum, dc.decided_on) in existing:
            continue
        session.add(Decision(
            initiative_id=dc.initiative_id, outcome=dc.outcome, forum=dc.forum,
            decided_on=dc.decided_on, reason=dc.reason, conditions=dc.conditions,
            scenario_id=scenarios[dc.scenario].id if dc.scenario in scenarios else None,
            departs_from_recommendation=dc.departs_from_recommendation,
            recorded_by=dc.recorded_by))
    session.flush()
    return {"initiatives": len(dump.initiatives), "lines": len(dump.lines),
            "assessments": len(dump.assessments), "dependencies": len(dump.dependencies),
            "units": len(dump.units), "criteria": len(dump.criteria),
            "weights": len(dump.weights), "scenarios": len(dump.scenarios)}
