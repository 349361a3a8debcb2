"""The audit log in words (issue 8): field labels, ja/nej, code labels, dates, amounts and
a created/deleted row's snapshot in the output language; text that does not read is shown
as stored."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import inspect, select

from app.models import AuditEntry, Base, BusinessCaseLine, Initiative, OrgUnit, Scenario
from app.services import audit_text as at
from app.services.audit import _SKIP_COLUMNS
from app.services.audit_log import load_log
from app.services.demo import create_demo
from app.services.i18n import set_language
from app.services.store import open_portfolio


@pytest.fixture
def danish():
    set_language("da")
    yield
    set_language("da")


@pytest.fixture
def english():
    set_language("en")
    yield
    set_language("da")


@pytest.fixture(scope="module")
def demo_edited(tmp_path_factory):
    """The demo portfolio with an initiative's title, mandatory flag, phase, start date,
    units and a line's amount changed, and a line deleted (one transaction)."""
    path = tmp_path_factory.mktemp("audit") / "demo.portfolio"
    create_demo(path)
    with open_portfolio(path) as pf:
        with pf.session(context="rettelse") as s:
            ini = s.get(Initiative, "EK-001")
            ini.title = "Ny titel"
            ini.mandatory = not ini.mandatory
            ini.phase = "on_hold"
            ini.start_date = date(2027, 3, 1)
            ini.units = ini.units[:1] + [s.scalars(select(OrgUnit)).all()[-1]]
            ini.lines[0].amount = 123_456.0
            s.delete(ini.lines[1])
    return path


def _known(entity: str, field: str) -> bool:
    return at._spec(entity, field) is not None


def test_every_field_the_demo_and_an_edit_audit_has_a_label(demo_edited, danish):
    """Every field of an update and every key of a created/deleted row's snapshot in the
    demo's log (and an edit of it) has a label of its own, not the fallback."""
    import ast

    with open_portfolio(demo_edited, readonly=True) as pf, pf.read() as s:
        entries = s.scalars(select(AuditEntry)).all()
    assert {e.action for e in entries} >= {"create", "update", "delete"}
    missing = set()
    for e in entries:
        if e.action == "update":
            if not _known(e.entity, e.field):
                missing.add((e.entity, e.field))
        elif e.action in ("create", "delete"):
            snapshot = ast.literal_eval(e.new_value if e.action == "create" else e.old_value)
            missing |= {(e.entity, k) for k in snapshot if not _known(e.entity, k)}
    assert missing == set()


def test_every_audited_model_attribute_has_a_label():
    """Any column or many-to-many list the audit listener can record (app/models), so a
    later change is labelled too."""
    missing = []
    for mapper in Base.registry.mappers:
        table = mapper.class_.__tablename__
        if table == "audit_entry":
            continue
        keys = [a.key for a in mapper.column_attrs if a.key not in _SKIP_COLUMNS]
        keys += [r.key for r in mapper.relationships if r.secondary is not None]
        missing += [(table, k) for k in keys if not _known(table, k)]
    assert missing == []


def test_field_labels_in_danish_and_english(danish):
    assert at.field_label("initiative", "mandatory") == "Markeret obligatorisk"
    assert at.field_label("initiative", "title") == "Titel"
    assert at.field_label("scenario", "is_default") == "Standard"
    assert at.field_label("weight_set", "adopted_on") == "Vedtaget den"
    assert at.field_label("business_case_line", "amount") == "Beløb (kr.)"
    assert at.field_label("org_unit", "parent_id") == "Overordnet enhed"
    assert at.field_label("criterion", "parent_id") == "Overordnet kriterium"
    set_language("en")
    assert at.field_label("initiative", "mandatory") == "Marked mandatory"
    assert at.field_label("business_case_line", "amount", "GBP") == "Amount (GBP)"
    assert at.field_label("initiative", "lead_unit_id") == "Lead unit"


def test_an_unknown_field_keeps_its_name_with_spaces(danish):
    assert at.field_label("ny_tabel", "some_new_field") == "Some new field"
    assert at.field_label("initiative", "") == ""
    assert at.value_text("ny_tabel", "some_new_field", "x_y") == "x_y"


def test_booleans_codes_dates_amounts_in_words(danish):
    assert at.value_text("initiative", "mandatory", "True") == "Ja"
    assert at.value_text("initiative", "mandatory", "False") == "Nej"
    assert at.value_text("initiative", "phase", "proposal") == "Projektforslag"
    assert at.value_text("assessment", "assessor", "unit") == "Digitaliseringsenheden"
    assert at.value_text("business_case_line", "line_type", "anlaeg") == "Anlæg"
    assert at.value_text("org_unit", "kind", "afdeling") == "Afdeling"
    assert at.value_text("initiative", "start_date", "2027-01-01") == "01.01.2027"
    assert at.value_text("business_case_line", "amount", "1800000.0") == "1.800.000\u00a0kr."
    assert at.value_text("initiative", "discount_rate", "0.035") == "3,5\u00a0%"
    assert at.value_text("weight", "percent", "25.0") == "25,0\u00a0%"
    assert at.value_text("business_case_line", "fte", "1.5") == "1,5"
    assert at.value_text("initiative", "status_override", "amber") == "Gul"
    assert at.value_text("field_note", "field", "mandatory") == "Markeret obligatorisk"
    assert at.value_text("initiative", "title", None) == ""
    set_language("en")
    assert at.value_text("initiative", "mandatory", "True") == "Yes"
    assert at.value_text("business_case_line", "amount", "1800000.0") == "1,800,000\u00a0DKK"
    assert at.value_text("initiative", "phase", "proposal") == "Project proposal"


def test_ids_of_other_rows_by_lookup_else_by_number(danish):
    def lookup(kind: str, ident: str) -> str | None:
        return {("unit", "3"): "Borgerservice", ("scenario", "2"): "Budget 2027"}.get(
            (kind, ident))

    assert at.value_text("initiative", "lead_unit_id", "3", lookup=lookup) == "Borgerservice"
    assert at.value_text("initiative", "lead_unit_id", "9", lookup=lookup) == "nr. 9"
    assert at.value_text("initiative", "lead_unit_id", "9") == "nr. 9"
    assert at.value_text("initiative", "units", "3, 9", lookup=lookup) == "Borgerservice, nr. 9"
    assert at.value_text("budget_frame", "scenario_id", "2", lookup=lookup) == "Budget 2027"


def test_a_snapshot_reads_as_labels_and_values(danish):
    raw = repr({"id": "8", "scenario_id": "2", "budget_year": "2030", "frame_type": "drift",
                "unit_id": None, "amount": "3400000.0"})
    assert at.value_text("budget_frame", "", raw) == (
        "Budgetår: 2030; Ramme: Drift; Beløb (kr.): 3.400.000\u00a0kr.; Scenarie: nr. 2")
    raw = repr({"id": "EK-9", "title": "T", "mandatory": "True", "phase": "idea",
                "created_at": "2026-11-30T09:39:00+00:00", "description": "x" * 200})
    text = at.value_text("initiative", "", raw)
    assert text.startswith("Titel: T; Markeret obligatorisk: Ja; Fase: Idé; Beskrivelse: xxx")
    assert text.endswith("…") and len(text) < 150
    assert "EK-9" not in text and "2026" not in text  # own id and timestamps left out
    full = at.snapshot_parts("initiative", raw, cut=None)
    assert full is not None and full[-1] == "Beskrivelse: " + "x" * 200
    set_language("en")
    assert at.value_text("budget_frame", "", repr({"id": "1", "frame_type": "anlaeg"})) == \
        "Frame: Capital"


@pytest.mark.parametrize("raw", [
    "{'id': '8', 'scenario_id': ", "__import__('os').system('true')", "[1, 2]", "not a dict",
    "{'a': (lambda: 1)}",
])
def test_text_that_does_not_read_is_shown_as_stored(raw, danish):
    assert at.value_text("budget_frame", "", raw) == raw


@pytest.mark.parametrize("field,raw", [
    ("mandatory", "maybe"), ("start_date", "31/02/2027"), ("discount_rate", "lots"),
    ("horizon_years", "ten"), ("lead_unit_id", ""),
])
def test_a_value_that_does_not_read_is_shown_as_stored(field, raw, danish):
    assert at.value_text("initiative", field, raw) == raw


def test_events_are_named_and_keep_their_text(danish):
    assert at.entry_texts("event", "weight_set", "weights adopted", None, "Vægte (2027)") == (
        "Vægte vedtaget", "", "Vægte (2027)")
    assert at.event_label("something new") == "something new"


def test_the_demo_log_in_words_names_units_and_scenarios(demo_edited, english):
    with open_portfolio(demo_edited, readonly=True) as pf, pf.read() as s:
        lookup = at.names(s)
        rows = load_log(s)
        unit = s.scalars(select(OrgUnit)).all()[-1]
        scenarios = set(s.scalars(select(Scenario.name)))
    texts = {(r.entity, r.field): at.entry_texts(r.action, r.entity, r.field, r.old_value,
                                                 r.new_value, lookup=lookup) for r in rows}
    assert texts[("initiative", "mandatory")][0] == "Marked mandatory"
    assert set(texts[("initiative", "mandatory")][1:]) == {"Yes", "No"}
    assert texts[("initiative", "phase")][2] == "On hold"
    assert unit.name in texts[("initiative", "units")][2]
    assert texts[("business_case_line", "amount")][2] == "123,456\u00a0DKK"
    frames = [at.entry_texts(r.action, r.entity, r.field, r.old_value, r.new_value,
                             lookup=lookup)[2] for r in rows if r.entity == "budget_frame"]
    assert frames and all(f.split("; ")[-1].removeprefix("Scenario: ") in scenarios
                          for f in frames)
    deleted = [r for r in rows if r.action == "delete" and r.entity == "business_case_line"]
    assert len(deleted) == 1
    assert at.entry_texts("delete", deleted[0].entity, "", deleted[0].old_value, None)[1] \
        .startswith("Flow: ")
    for text in (t for triple in texts.values() for t in triple):
        assert "{'" not in text and "True" not in text and "False" not in text


def test_the_log_search_finds_a_field_by_its_label(demo_edited, danish):
    with open_portfolio(demo_edited, readonly=True) as pf, pf.read() as s:
        rows = load_log(s, text="obligatorisk")
    assert any(r.field == "mandatory" for r in rows)
    assert at.fields_matching("") == set()
    assert "mandatory" in at.fields_matching("OBLIGATORISK")
