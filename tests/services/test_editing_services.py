"""The UI's service functions (no Qt): compare-and-set updates, validation naming the
field, cycle refusal naming the cycle, and delete → restore of an initiative exactly."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.models import (
    AuditEntry,
    Criterion,
    Decision,
    Initiative,
    Measurement,
    OrgUnit,
    SuccessCriterion,
)
from app.services import deleting, editing, editing_rows
from app.services.changes import Kind
from app.services.errors import ConflictError, UserError, ValidationError


@pytest.fixture(autouse=True)
def english():
    """The messages are asserted in the source language (English)."""
    from app.services import i18n

    i18n.set_language("en")
    yield
    i18n.set_language("da")


@pytest.fixture
def pf(new_portfolio):
    with new_portfolio.session(context="test") as s:
        unit = OrgUnit(code="BUF", name="Børn og Unge")
        s.add(unit)
        s.flush()
        for iid, title in (("EK-001", "Ærø"), ("EK-002", "Øster"), ("EK-003", "Åby")):
            s.add(Initiative(id=iid, title=title, lead_unit_id=unit.id))
    return new_portfolio


def test_update_is_compare_and_set(pf) -> None:
    changes = editing.update_initiative(pf, "EK-001", {"title": "Ny"}, {"title": "Ærø"})
    assert Kind.INITIATIVE in changes.kinds and changes.initiative_ids == {"EK-001"}
    with pytest.raises(ConflictError) as exc:
        editing.update_initiative(pf, "EK-001", {"title": "Min"}, {"title": "Ærø"})
    assert exc.value.mine == {"title": "Min"} and exc.value.theirs == {"title": "Ny"}
    with pf.read() as s:
        assert s.get(Initiative, "EK-001").title == "Ny"


def test_bad_values_are_refused_naming_the_field(pf) -> None:
    with pytest.raises(ValidationError, match="phase"):
        editing.update_initiative(pf, "EK-001", {"phase": "done"}, {"phase": "idea"})
    with pytest.raises(ValidationError, match="title"):
        editing.update_initiative(pf, "EK-001", {"title": "  "}, {"title": "Ærø"})
    with pytest.raises(ValidationError, match="before start"):
        editing.update_initiative(pf, "EK-001", {"start_date": date(2027, 5, 1),
                                                 "end_date": date(2027, 1, 1)},
                                  {"start_date": None, "end_date": None})


def test_assessment_levels_are_whole_numbers_on_the_scale(pf) -> None:
    with pf.read() as s:
        ordinal = s.scalars(select(Criterion).where(Criterion.key == "citizen_value")).one().id
    with pytest.raises(ValidationError, match="0–4"):
        editing_rows.set_assessment(pf, "EK-001", ordinal, "agreed", 2.5, "", (None, ""))
    editing_rows.set_assessment(pf, "EK-001", ordinal, "agreed", 3.0, "ok", (None, ""))
    with pytest.raises(ConflictError):
        editing_rows.set_assessment(pf, "EK-001", ordinal, "agreed", 4.0, "", (None, ""))


def test_cost_line_cannot_be_negative_and_low_likely_high_ordered(pf) -> None:
    with pytest.raises(ValidationError, match="negative"):
        editing_rows.add_row(pf, "line", {"initiative_id": "EK-001", "flow": "cost",
                                          "amount": -1.0})
    with pytest.raises(ValidationError, match="low"):
        editing_rows.add_row(pf, "line", {"initiative_id": "EK-001", "flow": "cost",
                                          "amount": 100.0, "amount_low": 200.0})
    line_id, _ = editing_rows.add_row(pf, "line", {"initiative_id": "EK-001", "flow": "benefit",
                                                   "amount": -50.0})  # a dis-benefit is fine
    assert line_id > 0


def test_cycle_is_refused_and_named(pf) -> None:
    editing_rows.add_dependency(pf, "EK-001", "EK-002")
    editing_rows.add_dependency(pf, "EK-002", "EK-003")
    with pytest.raises(UserError) as exc:
        editing_rows.add_dependency(pf, "EK-003", "EK-001")
    assert all(i in str(exc.value) for i in ("EK-001", "EK-002", "EK-003"))
    with pytest.raises(UserError):
        editing_rows.add_dependency(pf, "EK-001", "EK-001")


def test_delete_and_restore_bring_back_every_row_with_the_same_ids(pf) -> None:
    editing_rows.add_dependency(pf, "EK-002", "EK-001")
    sc_id, _ = editing_rows.add_row(pf, "success_criterion", {"initiative_id": "EK-001",
                                                              "name": "Sagsbehandlingstid"})
    editing_rows.add_row(pf, "measurement", {"success_criterion_id": sc_id,
                                             "measured_on": date(2027, 3, 1), "value": 12.5})
    editing_rows.add_row(pf, "decision", {"initiative_id": "EK-001", "outcome": "approved",
                                          "forum": "steering_group",
                                          "decided_on": date(2027, 2, 1)})
    dump, changes = deleting.delete_initiative(pf, "EK-001")
    assert changes.initiative_ids == {"EK-001", "EK-002"}
    with pf.read() as s:
        assert s.get(Initiative, "EK-001") is None
        assert s.scalars(select(Measurement)).all() == []
    deleting.restore_initiative(pf, dump)
    with pf.read() as s:
        assert s.get(Initiative, "EK-001").title == "Ærø"
        assert s.get(SuccessCriterion, sc_id).measurements[0].value == 12.5
        assert s.scalars(select(Decision)).one().outcome == "approved"
        actions = {e.action for e in s.scalars(select(AuditEntry).where(
            AuditEntry.initiative_id == "EK-001"))}
    assert {"create", "delete"} <= actions
    with pytest.raises(UserError):
        deleting.restore_initiative(pf, dump)  # it exists again
