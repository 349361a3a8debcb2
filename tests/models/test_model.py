"""The domain model covers the words of DESIGN §3 (every term of issue 2, item 2, stored and
read back) and behaves as the store expects."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError

from app.models import (
    Assessment,
    AuditEntry,
    BusinessCaseLine,
    Dependency,
    Initiative,
    OrgUnit,
)
from app.models.enums import Phase


def test_every_phase_code_of_design_section_3_exists():
    assert {p.value for p in Phase} == {
        "idea", "proposal", "approved", "procurement", "implementation", "operation",
        "closed", "rejected", "on_hold",
    }


def test_the_model_has_a_table_for_every_term(new_portfolio):
    tables = set(inspect(new_portfolio.engine).get_table_names())
    for name in (
        "portfolio_settings", "org_unit", "initiative", "initiative_unit", "strategic_goal",
        "external_requirement", "criterion", "criterion_level", "weight_set", "weight",
        "pairwise_judgement", "assessment", "business_case_line", "success_criterion",
        "measurement", "dependency", "scenario", "budget_frame", "scenario_force",
        "exclusion_group", "decision", "audit_entry",
    ):
        assert name in tables, name


def test_a_unit_knows_its_forvaltning(new_portfolio):
    with new_portfolio.session() as s:
        top = OrgUnit(code="SOS", name="Social og Sundhed", kind="forvaltning")
        mid = OrgUnit(code="AFD", name="Ældre og Sundhed", kind="afdeling", parent=top)
        leaf = OrgUnit(code="PLH", name="Plejehjemmet Solgården", kind="institution", parent=mid)
        s.add_all([top, mid, leaf])
        s.flush()
        assert leaf.forvaltning() is top


def test_a_cost_line_cannot_be_negative_but_a_benefit_can(new_portfolio):
    with new_portfolio.session() as s:
        s.add(Initiative(id="EK-001", title="T"))
        s.add(BusinessCaseLine(initiative_id="EK-001", flow="benefit", amount=-10.0))
    with pytest.raises(IntegrityError):
        with new_portfolio.session() as s:
            s.add(BusinessCaseLine(initiative_id="EK-001", flow="cost", amount=-1.0))


def test_a_self_dependency_is_refused_by_the_database(new_portfolio):
    with new_portfolio.session() as s:
        s.add(Initiative(id="EK-001", title="T"))
    with pytest.raises(IntegrityError):
        with new_portfolio.session() as s:
            s.add(Dependency(initiative_id="EK-001", requires_id="EK-001"))


def test_deleting_an_initiative_removes_its_rows_but_keeps_its_history(new_portfolio):
    with new_portfolio.session() as s:
        s.add(Initiative(id="EK-001", title="Før"))
        s.flush()
        crit_id = s.execute(__import__("sqlalchemy").text("select min(id) from criterion")).scalar()
        s.add(Assessment(initiative_id="EK-001", criterion_id=crit_id, assessor="agreed", value=3))
    with new_portfolio.session() as s:
        s.get(Initiative, "EK-001").title = "Efter"
    with new_portfolio.session() as s:
        s.delete(s.get(Initiative, "EK-001"))
    with new_portfolio.read() as s:
        assert s.query(Assessment).count() == 0
        history = s.query(AuditEntry).filter_by(initiative_id="EK-001").all()
        actions = [(h.action, h.entity, h.field, h.old_value, h.new_value) for h in history]
    assert ("update", "initiative", "title", "Før", "Efter") in actions
    assert any(a[0] == "delete" and a[1] == "initiative" for a in actions)
    assert all(h.user for h in history)


def test_row_version_increases_on_every_update(new_portfolio):
    with new_portfolio.session() as s:
        s.add(Initiative(id="EK-001", title="A"))
    for title in ("B", "C"):
        with new_portfolio.session() as s:
            s.get(Initiative, "EK-001").title = title
    with new_portfolio.read() as s:
        assert s.get(Initiative, "EK-001").row_version == 3


# --- every term of issue 2, item 2, field by field ---------------------------------------

def test_the_code_lists_of_design_section_3():
    from app.models import enums

    assert {"forvaltning", "afdeling", "institution", "stab"} <= {u.value for u in enums.UnitKind}
    assert {k.value for k in enums.InitiativeKind} == {"development", "operation"}
    assert {a.value for a in enums.Audience} == {"internal", "citizen"}
    assert len(enums.MaturityLevel) == 5  # Siau & Long (2005): five stages
    assert {r.value for r in enums.RequirementSource} == {
        "law", "joint_public", "joint_municipal", "eu", "economy_agreement"}
    assert {a.value for a in enums.Assessor} == {"proposer", "unit", "agreed"}
    assert {"draft", "adopted"} <= {w.value for w in enums.WeightStatus}
    assert {t.value for t in enums.LineType} == {"anlaeg", "drift"}
    assert {b.value for b in enums.BenefitKind} == {
        "budgetrealiserbar", "ikke_budgetrealiserbar", "kvalitativ"}
    assert {"borgere", "medarbejdere", "virksomheder"} <= {b.value for b in enums.Beneficiary}
    assert {o.value for o in enums.Objective} == {"score", "npv"}
    assert {f.value for f in enums.ForceMode} == {"in", "out"}
    assert {o.value for o in enums.DecisionOutcome} == {
        "approved", "approved_with_conditions", "rejected", "postponed", "referred"}


def test_every_term_is_stored_and_read_back(new_portfolio):
    """Each term of the domain model (issue 2, item 2) written through the models and
    read back in a new session: a missing column or relationship fails here."""
    from datetime import date

    from app.models import (
        BudgetFrame,
        Criterion,
        CriterionLevel,
        Decision,
        ExclusionGroup,
        ExclusionMember,
        ExternalRequirement,
        Measurement,
        PairwiseJudgement,
        PortfolioSettings,
        Scenario,
        ScenarioForce,
        StrategicGoal,
        SuccessCriterion,
        Weight,
        WeightSet,
    )

    with new_portfolio.session(context="alle begreber") as s:
        top = OrgUnit(code="X-BUF", name="Børn og Unge", kind="forvaltning")
        dept = OrgUnit(code="X-DAG", name="Dagtilbud", kind="afdeling", parent=top)
        inst = OrgUnit(code="X-BH", name="Børnehuset Mælkebøtten", kind="institution", parent=dept)
        staff = OrgUnit(code="X-DIG", name="Digitalisering", kind="stab")
        goal = StrategicGoal(code="X-M1", title="Borgeren i centrum")
        req = ExternalRequirement(code="X-NIS2", title="NIS2", source_type="eu",
                                  source="Direktiv (EU) 2022/2555", deadline=date(2025, 10, 18),
                                  obliges_local_work=True)
        a = Initiative(
            id="EK-901", title="Digital pladsanvisning", description="Beskrivelse æøå",
            lead_unit=dept, phase="proposal", kind="development", audience="citizen",
            maturity_level="transaction", project_owner="Direktør Ditte",
            project_manager="Peter Projektleder", benefit_owner="Gitte Gevinstejer",
            start_date=date(2027, 1, 1), end_date=date(2027, 12, 31), mandatory=True,
            confidential=True, discount_rate=0.035, horizon_years=8, price_base_year=2026,
        )
        a.units = [inst, staff]
        a.goals = [goal]
        a.requirements = [req]
        b = Initiative(id="EK-902", title="Integrationsplatform", lead_unit=staff)
        s.add_all([top, dept, inst, staff, goal, req, a, b])
        s.flush()
        crit = Criterion(key="x_value", name="X Værdi", kind="numeric", anchor_low=0.0,
                         anchor_high=1_000_000.0, unit_label="kr. pr. år")
        ordinal = Criterion(key="x_strategy", name="X Strategi", kind="ordinal")
        ordinal.levels = [CriterionLevel(level=n, label=f"niveau {n}", guide=f"vejledning {n}")
                          for n in range(5)]
        s.add_all([crit, ordinal])
        s.flush()
        ws = WeightSet(name="X Vægte 2027", budget_year=2027, status="adopted",
                       adopted_on=date(2026, 9, 1), adopted_by="Økonomiudvalget")
        ws.weights = [Weight(criterion_id=crit.id, percent=60.0),
                      Weight(criterion_id=ordinal.id, percent=40.0)]
        s.add(ws)
        s.flush()
        s.add(PairwiseJudgement(weight_set_id=ws.id, row_criterion_id=crit.id,
                                col_criterion_id=ordinal.id, value=3.0))
        for who in ("proposer", "unit", "agreed"):
            s.add(Assessment(initiative_id="EK-901", criterion_id=ordinal.id, assessor=who,
                             value=3, comment=f"{who} mener 3"))
        s.add(BusinessCaseLine(initiative_id="EK-901", flow="cost", budget_year=2027,
                               line_type="anlaeg", category="anskaffelse",
                               financing="digitaliseringspulje", amount=1_000_000,
                               amount_low=900_000, amount_high=1_400_000))
        s.add(BusinessCaseLine(initiative_id="EK-901", flow="benefit", budget_year=2028,
                               line_type="drift", benefit_kind="budgetrealiserbar",
                               beneficiary="kommunen", giving_unit_id=dept.id, amount=400_000))
        sc = SuccessCriterion(initiative_id="EK-901", name="Andel digitale ansøgninger",
                              baseline=0.4, target_likely=0.9, target_date=date(2028, 6, 30))
        sc.measurements = [Measurement(measured_on=date(2028, 1, 1), value=0.7)]
        s.add(sc)
        s.add(Dependency(initiative_id="EK-901", requires_id="EK-902", note="platformen først"))
        scen = Scenario(name="X Hvad nu hvis", weight_set_id=ws.id, objective="npv",
                        is_what_if=True)
        scen.frames = [BudgetFrame(budget_year=2027, frame_type="anlaeg", amount=5e6)]
        scen.forces = [ScenarioForce(initiative_id="EK-902", mode="in")]
        group = ExclusionGroup(name="Enten eller")
        group.members = [ExclusionMember(initiative_id="EK-901"),
                         ExclusionMember(initiative_id="EK-902")]
        scen.exclusion_groups = [group]
        s.add(scen)
        s.add(Decision(initiative_id="EK-901", outcome="approved_with_conditions",
                       forum="steering_group", decided_on=date(2026, 11, 30),
                       reason="Stærk business case", conditions="Gevinster følges op"))
        settings = s.get(PortfolioSettings, 1)
        settings.price_base_year = 2026

    with new_portfolio.read() as s:
        a = s.get(Initiative, "EK-901")
        assert (a.lead_unit.code, sorted(u.code for u in a.units)) == ("X-DAG", ["X-BH", "X-DIG"])
        assert a.lead_unit.parent.code == "X-BUF" and a.lead_unit.forvaltning().kind == "forvaltning"
        assert (a.phase, a.kind, a.audience, a.maturity_level) == (
            "proposal", "development", "citizen", "transaction")
        assert (a.project_owner, a.project_manager, a.benefit_owner) == (
            "Direktør Ditte", "Peter Projektleder", "Gitte Gevinstejer")
        assert (a.start_date, a.end_date) == (date(2027, 1, 1), date(2027, 12, 31))
        assert a.description == "Beskrivelse æøå" and a.mandatory and a.confidential
        assert (a.discount_rate, a.horizon_years, a.price_base_year) == (0.035, 8, 2026)
        assert [g.code for g in a.goals] == ["X-M1"]
        r = a.requirements[0]
        assert (r.source_type, r.source, r.deadline, r.obliges_local_work) == (
            "eu", "Direktiv (EU) 2022/2555", date(2025, 10, 18), True)
        crit = s.query(Criterion).filter_by(key="x_value").one()
        assert (crit.kind, crit.anchor_low, crit.anchor_high) == ("numeric", 0.0, 1_000_000.0)
        ordinal = s.query(Criterion).filter_by(key="x_strategy").one()
        assert [lv.guide for lv in ordinal.levels] == [f"vejledning {n}" for n in range(5)]
        ws = s.query(WeightSet).filter_by(name="X Vægte 2027").one()
        assert (ws.budget_year, ws.status, sorted(w.percent for w in ws.weights)) == (
            2027, "adopted", [40.0, 60.0])
        assert s.query(PairwiseJudgement).filter_by(weight_set_id=ws.id).one().value == 3.0
        assert sorted((x.assessor, x.comment) for x in a.assessments) == [
            ("agreed", "agreed mener 3"), ("proposer", "proposer mener 3"),
            ("unit", "unit mener 3")]
        cost, benefit = sorted(a.lines, key=lambda line: line.flow != "cost")
        assert (cost.budget_year, cost.line_type, cost.category, cost.financing, cost.amount,
                cost.amount_low, cost.amount_high) == (
            2027, "anlaeg", "anskaffelse", "digitaliseringspulje", 1e6, 9e5, 1.4e6)
        assert (benefit.benefit_kind, benefit.beneficiary, benefit.giving_unit_id) == (
            "budgetrealiserbar", "kommunen", a.lead_unit_id)
        sc = s.query(SuccessCriterion).filter_by(initiative_id="EK-901").one()
        assert (sc.baseline, sc.target_likely, [m.value for m in sc.measurements]) == (
            0.4, 0.9, [0.7])
        assert s.get(Dependency, ("EK-901", "EK-902")).note == "platformen først"
        scen = s.query(Scenario).filter_by(name="X Hvad nu hvis").one()
        assert (scen.weight_set_id, scen.objective, scen.is_what_if) == (ws.id, "npv", True)
        assert [(f.budget_year, f.frame_type, f.amount) for f in scen.frames] == [
            (2027, "anlaeg", 5e6)]
        assert [(f.initiative_id, f.mode) for f in scen.forces] == [("EK-902", "in")]
        assert sorted(m.initiative_id for m in scen.exclusion_groups[0].members) == [
            "EK-901", "EK-902"]
        d = s.query(Decision).filter_by(initiative_id="EK-901").one()
        assert (d.outcome, d.forum, d.decided_on, d.reason) == (
            "approved_with_conditions", "steering_group", date(2026, 11, 30),
            "Stærk business case")
        settings = s.get(PortfolioSettings, 1)
        assert (settings.municipality, settings.currency, settings.price_base_year) == (
            "Testkommune", "DKK", 2026)
        assert settings.cost_overrun_amber < settings.cost_overrun_red
        assert settings.delay_amber_months < settings.delay_red_months
        assert settings.full_business_case_threshold > 0
        logged = s.query(AuditEntry).filter_by(initiative_id="EK-901", action="create").all()
        assert logged and all(e.user and e.at and e.context == "alle begreber" for e in logged)
