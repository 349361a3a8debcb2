"""A conflicting save names who saved the other value and when (from the audit log), in
the output language's date notation, and says so when the log does not know."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import select, update

from app.models import AuditEntry, Criterion, Initiative, OrgUnit
from app.services import conflicts, editing, editing_rows, formatting, i18n
from app.services.errors import ConflictError

#: the other editor's save, as the audit log stores it (UTC)
SAVED_AT = datetime(2026, 11, 30, 10, 5, tzinfo=timezone.utc)


@pytest.fixture
def pf(new_portfolio):
    with new_portfolio.session(context="test") as s:
        unit = OrgUnit(code="BUF", name="Børn og Unge")
        s.add(unit)
        s.flush()
        s.add(Initiative(id="EK-001", title="Ærø", lead_unit_id=unit.id))
    return new_portfolio


@pytest.fixture
def danish():
    i18n.set_language("da")
    yield
    i18n.set_language("da")


def _saved_by_ole(pf, change, *, audit: bool = True) -> None:
    """Another editor ("ole") saves ``change(session)``; the log's time set to SAVED_AT."""
    with pf.session(context="ole retter") as s:
        s.info["user"] = "ole"
        s.info["audit"] = audit
        change(s)
    with pf.session(context="test") as s:
        s.info["audit"] = False
        s.execute(update(AuditEntry).where(AuditEntry.user == "ole").values(at=SAVED_AT))


def _local_when() -> tuple[str, str]:
    local = SAVED_AT.astimezone()
    return formatting.format_date(local.date()), local.strftime("%H:%M")


def test_an_initiative_edit_names_who_saved_the_other_value_and_when_in_danish(pf, danish):
    _saved_by_ole(pf, lambda s: setattr(s.get(Initiative, "EK-001"), "title", "Olés titel"))
    with pytest.raises(ConflictError) as err:
        editing.update_initiative(pf, "EK-001", {"title": "Min"}, {"title": "Ærø"})
    day, time = _local_when()
    assert f"Gemt af ole den {day} kl. {time}." in str(err.value)
    assert "." in day and "/" not in day  # 30.11.2026, the Danish short date
    assert err.value.theirs == {"title": "Olés titel"}


def test_the_newest_change_of_the_conflicting_field_is_named_not_a_later_other_field(pf):
    _saved_by_ole(pf, lambda s: setattr(s.get(Initiative, "EK-001"), "title", "Olés titel"))
    with pf.session(context="kari") as s:  # a later save of another field by someone else
        s.info["user"] = "kari"
        s.get(Initiative, "EK-001").description = "Karis tekst"
    with pf.read() as s:
        change = conflicts.last_change(s, "initiative", "EK-001", fields=["title"])
        anyone = conflicts.last_change(s, "initiative", "EK-001")
    assert change is not None and change.user == "ole" and change.at == SAVED_AT
    assert anyone is not None and anyone.user == "kari"


def test_an_assessment_conflict_names_the_other_editor_too(pf, danish):
    with pf.read() as s:
        crit = s.scalars(select(Criterion).where(Criterion.key == "citizen_value")).one().id
    editing_rows.set_assessment(pf, "EK-001", crit, "agreed", 2.0, "", (None, ""))
    me, pf.user = pf.user, "ole"  # the other editor saves 3 …
    editing_rows.set_assessment(pf, "EK-001", crit, "agreed", 3.0, "", (2.0, ""))
    pf.user = me
    with pytest.raises(ConflictError) as err:  # … then my save of 4 expects 2
        editing_rows.set_assessment(pf, "EK-001", crit, "agreed", 4.0, "", (2.0, ""))
    assert "Gemt af ole den " in str(err.value)


def test_when_the_log_does_not_know_the_message_says_so(pf, danish):
    _saved_by_ole(pf, lambda s: setattr(s.get(Initiative, "EK-001"), "title", "Olés titel"),
                  audit=False)
    with pf.session(context="test") as s:
        s.info["audit"] = False
        s.execute(AuditEntry.__table__.delete())
    with pytest.raises(ConflictError) as err:
        editing.update_initiative(pf, "EK-001", {"title": "Min"}, {"title": "Ærø"})
    assert "Revisionssporet viser ikke, hvem der gemte det eller hvornår." in str(err.value)
    assert conflicts.describe_change(conflicts.LastChange("", None)) in str(err.value)


def test_a_row_version_conflict_names_the_editor_with_the_date(new_portfolio, danish):
    with new_portfolio.session() as s:
        s.add(Initiative(id="A-1", title="Første"))
    with pytest.raises(ConflictError) as err:
        with new_portfolio.session() as mine:
            row = mine.get(Initiative, "A-1")
            with new_portfolio.session() as theirs:  # another editor's save in between
                theirs.info["user"] = "ole"
                theirs.get(Initiative, "A-1").title = "Olés"
            row.title = "Min"
    with new_portfolio.read() as s:
        at = s.scalars(select(AuditEntry.at).where(AuditEntry.user == "ole")).first()
    local = (at if at.tzinfo else at.replace(tzinfo=timezone.utc)).astimezone()
    assert "initiative A-1" in str(err.value)
    assert (f"Gemt af ole den {formatting.format_date(local.date())} kl. "
            f"{local.strftime('%H:%M')}.") in str(err.value)
