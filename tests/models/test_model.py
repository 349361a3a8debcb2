"""The domain model covers the words of DESIGN §3 and behaves as the store expects."""

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
