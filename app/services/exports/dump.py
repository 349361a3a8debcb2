"""Read a portfolio's stored content into a ``PortfolioDump`` (plain records).

One query per table; a public dump (``public=True``) leaves out confidential initiatives
and everything that belongs to them (lines, assessments, dependencies either way, notes,
decisions, forced choices, and their audit entries).
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    Assessment,
    AuditEntry,
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
    initiative_goal,
    initiative_requirement,
    initiative_unit,
)
from app.services.exports.records import (
    AssessmentRecord,
    AuditRecord,
    CriterionRecord,
    DecisionRecord,
    DependencyRecord,
    ForceRecord,
    FrameRecord,
    GoalRecord,
    InitiativeRecord,
    LevelRecord,
    LineRecord,
    NoteRecord,
    PortfolioDump,
    RequirementRecord,
    ScenarioRecord,
    SettingsRecord,
    UnitRecord,
    WeightRecord,
)


def settings_record(settings: PortfolioSettings) -> SettingsRecord:
    """The settings row as a record."""
    return SettingsRecord(
        name=settings.name, municipality=settings.municipality,
        description=settings.description, currency=settings.currency,
        price_base_year=settings.price_base_year, budget_year=settings.budget_year,
        discount_rate=settings.discount_rate, horizon_years=settings.horizon_years,
        full_business_case_threshold=settings.full_business_case_threshold,
    )


def dump_portfolio(session: Session, *, public: bool = False, audit: bool = True) -> PortfolioDump:
    """The portfolio's content as records, ordered stably (by code, key, id).

    ``public``: leave out confidential initiatives and all that belongs to them.
    ``audit``: include the audit log (the XLSX export shows it; re-import ignores it).
    """
    settings = session.get(PortfolioSettings, 1)
    if settings is None:  # pragma: no cover - every store-created portfolio has one
        raise LookupError("portfolio_settings row missing")
    dump = PortfolioDump(settings=settings_record(settings))

    units = list(session.scalars(select(OrgUnit).order_by(OrgUnit.sort_order, OrgUnit.code)))
    unit_code = {u.id: u.code for u in units}
    dump.units = [
        UnitRecord(u.code, u.name, u.kind, unit_code.get(u.parent_id) if u.parent_id else None,
                   u.sort_order)
        for u in units
    ]
    goals = list(session.scalars(select(StrategicGoal).order_by(StrategicGoal.sort_order,
                                                                StrategicGoal.code)))
    goal_code = {g.id: g.code for g in goals}
    dump.goals = [GoalRecord(g.code, g.title, g.description, g.sort_order) for g in goals]
    reqs = list(session.scalars(select(ExternalRequirement).order_by(ExternalRequirement.code)))
    req_code = {r.id: r.code for r in reqs}
    dump.requirements = [
        RequirementRecord(r.code, r.title, r.source_type, r.source, r.deadline,
                          bool(r.obliges_local_work), r.description, r.url)
        for r in reqs
    ]

    criteria = list(session.scalars(select(Criterion).order_by(Criterion.sort_order, Criterion.key)))
    crit_key = {c.id: c.key for c in criteria}
    dump.criteria = [
        CriterionRecord(
            c.key, c.name, c.description, c.kind,
            crit_key.get(c.parent_id) if c.parent_id else None,
            goal_code.get(c.goal_id) if c.goal_id else None,
            bool(c.lower_is_better), c.anchor_low, c.anchor_high, c.unit_label, c.sort_order,
            bool(c.active),
        )
        for c in criteria
    ]
    for lv in session.scalars(select(CriterionLevel).order_by(CriterionLevel.criterion_id,
                                                              CriterionLevel.level)):
        dump.levels.append(LevelRecord(crit_key[lv.criterion_id], lv.level, lv.label, lv.guide))
    crit_order = {c.key: i for i, c in enumerate(dump.criteria)}
    dump.levels.sort(key=lambda r: (crit_order[r.criterion_key], r.level))

    sets = {ws.id: ws for ws in session.scalars(select(WeightSet))}
    for w in session.scalars(select(Weight)):
        ws = sets[w.weight_set_id]
        dump.weights.append(WeightRecord(ws.name, ws.budget_year, ws.status, ws.adopted_on,
                                         ws.adopted_by, crit_key[w.criterion_id], w.percent))
    dump.weights.sort(key=lambda r: (r.budget_year, r.set_name, crit_order[r.criterion_key]))

    inits = list(session.scalars(select(Initiative).order_by(Initiative.id)))
    hidden = {i.id for i in inits if public and i.confidential}
    participants: dict[str, list[str]] = defaultdict(list)
    for iid, uid in session.execute(select(initiative_unit.c.initiative_id,
                                           initiative_unit.c.unit_id)):
        participants[iid].append(unit_code[uid])
    goal_links: dict[str, list[str]] = defaultdict(list)
    for iid, gid in session.execute(select(initiative_goal.c.initiative_id,
                                           initiative_goal.c.goal_id)):
        goal_links[iid].append(goal_code[gid])
    req_links: dict[str, list[str]] = defaultdict(list)
    for iid, rid in session.execute(select(initiative_requirement.c.initiative_id,
                                           initiative_requirement.c.requirement_id)):
        req_links[iid].append(req_code[rid])
    for i in inits:
        if i.id in hidden:
            continue
        dump.initiatives.append(InitiativeRecord(
            id=i.id, title=i.title, description=i.description,
            lead_unit_code=unit_code.get(i.lead_unit_id) if i.lead_unit_id else None,
            unit_codes=list(participants.get(i.id, [])), phase=i.phase, kind=i.kind,
            audience=i.audience, maturity_level=i.maturity_level,
            project_owner=i.project_owner, project_manager=i.project_manager,
            benefit_owner=i.benefit_owner, system_owner=i.system_owner,
            start_date=i.start_date, end_date=i.end_date,
            baseline_end_date=i.baseline_end_date, mandatory=bool(i.mandatory),
            outside_frame=bool(i.outside_frame), confidential=bool(i.confidential),
            financing=i.financing, note=i.note, discount_rate=i.discount_rate,
            horizon_years=i.horizon_years, price_base_year=i.price_base_year,
            full_business_case=i.full_business_case,
            goal_codes=sorted(goal_links.get(i.id, [])),
            requirement_codes=sorted(req_links.get(i.id, [])),
        ))

    for ln in session.scalars(select(BusinessCaseLine).order_by(
            BusinessCaseLine.initiative_id, BusinessCaseLine.id)):
        if ln.initiative_id in hidden:
            continue
        dump.lines.append(LineRecord(
            ln.initiative_id, ln.flow, ln.budget_year, ln.line_type, bool(ln.derived_operating),
            ln.category, ln.financing, ln.amount, ln.amount_low, ln.amount_high, bool(ln.cash),
            ln.fte, ln.benefit_kind, ln.beneficiary,
            unit_code.get(ln.giving_unit_id) if ln.giving_unit_id else None, ln.note,
        ))
    for a in session.scalars(select(Assessment).order_by(Assessment.initiative_id, Assessment.id)):
        if a.initiative_id in hidden:
            continue
        dump.assessments.append(AssessmentRecord(a.initiative_id, crit_key[a.criterion_id],
                                                 a.assessor, a.value, a.comment, a.assessed_by))
    dump.assessments.sort(key=lambda r: (r.initiative_id, crit_order[r.criterion_key], r.assessor))
    for d in session.scalars(select(Dependency).order_by(Dependency.initiative_id,
                                                         Dependency.requires_id)):
        if d.initiative_id in hidden or d.requires_id in hidden:
            continue
        dump.dependencies.append(DependencyRecord(d.initiative_id, d.requires_id, d.note))
    for n in session.scalars(select(FieldNote).order_by(FieldNote.initiative_id, FieldNote.id)):
        if n.initiative_id not in hidden:
            dump.notes.append(NoteRecord(n.initiative_id, n.field, n.text))

    scenarios = list(session.scalars(select(Scenario).order_by(Scenario.id)))
    scen_name = {s.id: s.name for s in scenarios}
    for s in scenarios:
        ws = sets.get(s.weight_set_id) if s.weight_set_id else None
        dump.scenarios.append(ScenarioRecord(
            s.name, s.description, s.objective, bool(s.is_what_if), bool(s.is_default),
            ws.name if ws else None, ws.budget_year if ws else None, s.capacity_fte))
    for f in session.scalars(select(BudgetFrame).order_by(BudgetFrame.scenario_id, BudgetFrame.id)):
        dump.frames.append(FrameRecord(scen_name[f.scenario_id], f.budget_year, f.frame_type,
                                       unit_code.get(f.unit_id) if f.unit_id else None, f.amount))
    for fc in session.scalars(select(ScenarioForce).order_by(ScenarioForce.scenario_id,
                                                             ScenarioForce.initiative_id)):
        if fc.initiative_id not in hidden:
            dump.forces.append(ForceRecord(scen_name[fc.scenario_id], fc.initiative_id, fc.mode))
    for dc in session.scalars(select(Decision).order_by(Decision.decided_on, Decision.id)):
        if dc.initiative_id in hidden:
            continue
        dump.decisions.append(DecisionRecord(
            dc.initiative_id, dc.outcome, dc.forum, dc.decided_on, dc.reason, dc.conditions,
            scen_name.get(dc.scenario_id) if dc.scenario_id else None,
            bool(dc.departs_from_recommendation), dc.recorded_by))

    if audit:
        for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id)):
            if hidden and (
                e.initiative_id in hidden
                or any(part in hidden for part in (e.entity_id or "").split("/"))
                or e.old_value in hidden or e.new_value in hidden
            ):  # about a confidential initiative, or naming one (e.g. a dependency on it)
                continue
            dump.audit.append(AuditRecord(e.at, e.user, e.action, e.entity, e.entity_id,
                                          e.initiative_id, e.field, e.old_value, e.new_value,
                                          e.context))
    return dump
