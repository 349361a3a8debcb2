"""Budget tables shown against budget frames say what the frames do not hold: the costs of
mandatory initiatives financed outside the frame ("heraf finansieret uden for rammen")."""

from __future__ import annotations

import pytest

from app.services.exports.budget import build_budget_table
from app.services.exports.records import LineRecord
from app.services.formatting import language
from app.services.i18n import set_language


@pytest.fixture
def lang():
    """Set the service language for one test; the previous one after."""
    before = language()
    yield set_language
    set_language(before)


def _line(iid: str, year: int, kind: str, amount: float, flow: str = "cost") -> LineRecord:
    return LineRecord(iid, flow, year, kind, False, "andet", "", amount, None, None, True,
                      None, "budgetrealiserbar" if flow == "benefit" else None, None, None, "")


def test_outputs_budget_table_has_of_which_outside_the_frame_rows(lang):
    lang("da")
    lines = [_line("A", 2027, "anlaeg", 1000.0), _line("M", 2027, "anlaeg", 300.0),
             _line("M", 2029, "anlaeg", 200.0), _line("M", 2028, "drift", 50.0),
             _line("A", 2028, "drift", 70.0), _line("A", 2028, "drift", 40.0, "benefit")]
    table = build_budget_table(lines, ["A", "M"], 2027, outside_frame=["M"])
    labels = [r.label for r in table.rows if r.section == "expenses"]
    assert labels == ["Anlægsudgifter", "heraf finansieret uden for rammen (anlæg)",
                      "Driftsudgifter (inkl. afledt drift)",
                      "heraf finansieret uden for rammen (drift)",
                      "Budgetrealiserbare gevinster (mindreudgifter)", "Netto i alt"]
    capital = table.row("heraf finansieret uden for rammen (anlæg)")
    assert (capital.values[2027], capital.values[2029], capital.total()) == (300.0, 200.0, 500.0)
    assert table.row("heraf finansieret uden for rammen (drift)").values[2028] == 50.0
    # the net still counts every cost: the rows are "of which", not added again
    assert table.row("Netto i alt").total() == 1000 + 300 + 200 + 50 + 70 - 40
    # nothing financed outside the frame: no such row
    plain = build_budget_table(lines, ["A", "M"], 2027)
    assert not any("uden for rammen" in r.label for r in plain.rows if r.section == "expenses")


def test_outputs_budget_table_puts_yearless_amounts_under_no_year(lang):
    """A whole-life cost (no year) went under "Øvrige år" in the bilag while the budget
    view says "Uden år": it has a column of its own, apart from years outside the four."""
    from dataclasses import replace

    from app.services.exports.budget import NONE, OTHER, column_label

    lang("da")
    lines = [_line("A", 2027, "anlaeg", 100.0), replace(_line("A", 2027, "", 900.0),
                                                          budget_year=None)]
    table = build_budget_table(lines, ["A"], 2027)
    assert table.columns() == [2027, 2028, 2029, 2030, NONE]
    assert [column_label(c) for c in table.columns()[-1:]] == ["Uden år"]
    assert table.row("Netto i alt").values[NONE] == 900.0
    later = build_budget_table([*lines, _line("A", 2035, "drift", 5.0)], ["A"], 2027)
    assert later.columns()[-2:] == [OTHER, NONE] and column_label(OTHER) == "Øvrige år"
    assert later.row("Netto i alt").total() == 1005.0
