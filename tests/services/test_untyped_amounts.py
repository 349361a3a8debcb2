"""An amount whose type the source does not give is never presented as drift or as a
budget-realisable benefit (a new user's test on the UK GMPP import): mapping keys
``line_type`` / ``benefit_kind`` / ``price_base``, their validation (Danish messages
naming key and value; nothing changes), the budget tables, the frames and the outputs'
price statement. Small sources written in the test; the GMPP files themselves are in
test_import_gmpp.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import BusinessCaseLine, FieldNote, PortfolioSettings
from app.services import economics
from app.services.economics import UNSPLIT, Line, budget_table
from app.services.exports.budget import budget_notes, build_budget_table
from app.services.exports.records import LineRecord
from app.services.formatting import language
from app.services.i18n import set_language
from app.services.importing import import_source
from app.services.importing.mapping import MappingError, parse_mapping
from app.services.store import open_portfolio

SOURCE = "id;title;cost;benefit\nU-1;Levetid;1000000;400000\nU-2;Uden beløb;;\n"


def _lines(path: Path) -> list[tuple[str, str, str | None, float]]:
    with open_portfolio(path, readonly=True) as pf, pf.read() as s:
        return sorted((ln.flow, ln.line_type, ln.benefit_kind, ln.amount)
                      for ln in s.scalars(select(BusinessCaseLine)))


def _mapping(**extra) -> dict:
    cost = {"field": "total_cost", **extra.pop("cost", {})}
    benefit = {"field": "total_benefit", **extra.pop("benefit", {})}
    return {"columns": {"id": "id", "title": "title", "cost": cost, "benefit": benefit},
            **extra}


@pytest.fixture
def lang():
    """Set the service language for one test (``lang("en")``); the previous one after."""
    before = language()
    yield set_language
    set_language(before)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    src = tmp_path / "kilde.csv"
    src.write_text(SOURCE, encoding="utf-8")
    return src


def test_untyped_total_is_not_drift_and_unknown_benefit_is_not_cash(portfolio_path, source):
    import_source(portfolio_path, source, mapping=_mapping())
    assert _lines(portfolio_path) == [("benefit", "drift", None, 400000.0),
                                      ("cost", UNSPLIT, None, 1000000.0)]
    with open_portfolio(portfolio_path, readonly=True) as pf, pf.read() as s:
        table = economics.portfolio_budget(s)
    assert table.rows["drift"]["total"] == 0 and table.rows["anlaeg"]["total"] == 0
    assert table.rows["unsplit"]["none"] == 1000000.0
    assert table.rows["savings"]["total"] == 0  # not budget-realisable: kind unknown
    assert table.rows["net"]["total"] == 1000000.0
    assert table.rows["unknown_benefit"]["total"] == 400000.0


def test_typed_columns_import_as_typed(portfolio_path, source):
    import_source(portfolio_path, source, mapping=_mapping(
        cost={"line_type": "anlæg"}, benefit={"benefit_kind": "budgetrealiserbar"}))
    assert _lines(portfolio_path) == [("benefit", "drift", "budgetrealiserbar", 400000.0),
                                      ("cost", "anlaeg", None, 1000000.0)]
    with open_portfolio(portfolio_path, readonly=True) as pf, pf.read() as s:
        table = economics.portfolio_budget(s)
    assert table.rows["anlaeg"]["none"] == 1000000.0 and table.rows["unsplit"]["total"] == 0
    assert table.rows["savings"]["none"] == -400000.0


@pytest.mark.parametrize("extra, words", [
    ({"cost": {"line_type": "anlag"}}, ['"line_type"', '"anlag"', "kolonne “cost”"]),
    ({"cost": {"line_type": 1}}, ['"line_type"', "ikke 1"]),
    ({"benefit": {"benefit_kind": "cash"}}, ['"benefit_kind"', '"cash"', "kolonne “benefit”"]),
    ({"cost": {"benefit_kind": "kvalitativ"}}, ['"benefit_kind"', "total_cost"]),
    ({"price_base": "2023-priser"}, ['"price_base"', '"2023-priser"']),
    ({"price_base": True}, ['"price_base"', "ikke true"]),
])
def test_bad_keys_are_refused_in_danish_naming_key_and_value(portfolio_path, source, extra,
                                                             words, lang):
    lang("da")
    with pytest.raises(MappingError) as exc:
        import_source(portfolio_path, source, mapping=_mapping(**extra))
    text = " ".join(exc.value.problems)
    assert all(w in text for w in words), text
    assert "skal være" in text or "hører til" in text
    assert not portfolio_path.exists()  # refused: nothing created


def test_saved_mapping_keeps_the_keys():
    doc = _mapping(cost={"line_type": "anlæg"}, benefit={"benefit_kind": "kvalitativ"},
                   price_base="not_stated")
    again = parse_mapping(parse_mapping(doc).to_json())
    assert again.price_base == "not_stated"
    by = {c.source: c for c in again.columns}
    assert by["cost"].line_type == "anlaeg" and by["benefit"].benefit_kind == "kvalitativ"


def test_price_base_year_sets_a_new_portfolio_and_refuses_another(portfolio_path, source,
                                                                   tmp_path, lang):
    lang("en")
    import_source(portfolio_path, source, mapping=_mapping(price_base=2023))
    with open_portfolio(portfolio_path, readonly=True) as pf, pf.read() as s:
        assert s.get(PortfolioSettings, 1).price_base_year == 2023
        assert economics.price_basis(s, ["U-1", "U-2"]).phrase() == "2023 prices"
    before = portfolio_path.read_bytes()
    other = tmp_path / "andet.csv"
    other.write_text("id;title;cost;benefit\nU-3;Andet;5;\n", encoding="utf-8")
    from app.services.importing import ImportRefused

    with pytest.raises(ImportRefused) as exc:
        import_source(portfolio_path, other, mapping=_mapping(price_base=2024))
    assert "2024" in str(exc.value.plan.errors()[0]) and "2023" in str(exc.value.plan.errors()[0])
    assert portfolio_path.read_bytes() == before


def test_price_base_not_stated_is_said_instead_of_the_portfolios_year(portfolio_path, source,
                                                                       lang):
    lang("en")
    import_source(portfolio_path, source, mapping=_mapping(price_base="not_stated"))
    with open_portfolio(portfolio_path, readonly=True) as pf, pf.read() as s:
        notes = s.execute(select(FieldNote.initiative_id, FieldNote.field)).all()
        basis = economics.price_basis(s, ["U-1", "U-2"])
        year = s.get(PortfolioSettings, 1).price_base_year
    assert notes == [("U-1", "price_base_year")]  # U-2 has no amount, so no prices
    assert (basis.unstated, basis.total) == (1, 1)
    assert str(year) not in basis.phrase()
    mixed = economics.PriceBasis(year=2026, unstated=1, total=3)
    assert mixed.phrase() == "2026 prices, except 1 initiative whose source states no price base"


def test_budget_tables_of_the_outputs(lang):
    lang("en")
    lines = [
        LineRecord("A", "cost", 2027, "anlaeg", False, "andet", "", 100.0, None, None, True,
                   None, None, None, None, ""),
        LineRecord("A", "cost", None, UNSPLIT, False, "andet", "", 700.0, None, None, True,
                   None, None, None, None, ""),
        LineRecord("A", "benefit", 2027, "drift", False, "andet", "", 50.0, None, None, True,
                   None, "budgetrealiserbar", None, None, ""),
        LineRecord("A", "benefit", None, "drift", False, "andet", "", 300.0, None, None, True,
                   None, None, None, None, ""),
    ]
    table = build_budget_table(lines, ["A"], 2027)
    labels = [r.label for r in table.rows if r.section == "expenses"]
    assert labels == ["Capital expenditure", "Operating expenditure (incl. derived operating)",
                      "Expenditure not split into capital and operating",
                      "Cash-releasing benefits (savings)", "Net total"]
    assert table.row("Operating expenditure (incl. derived operating)").total() == 0
    assert table.row("Cash-releasing benefits (savings)").total() == -50.0
    assert table.row("Net total").total() == 750.0
    notes = budget_notes(table, lambda v: f"{v:.0f}", "kr.")
    assert len(notes) == 2 and "300 kr." in notes[1]
    # typed lines only (the demo's kind): no extra row, no note
    typed = build_budget_table(lines[:1] + lines[2:3], ["A"], 2027)
    assert len([r for r in typed.rows if r.section == "expenses"]) == 4
    assert budget_notes(typed, str, "kr.") == []


def test_economics_budget_table_and_key_figures():
    lines = [Line("cost", None, UNSPLIT, 500.0), Line("benefit", None, "drift", 200.0),
             Line("cost", 2027, "drift", 10.0, derived_operating=True)]
    table = budget_table(lines, 2027)
    assert table.rows["unsplit"]["none"] == 500.0 and table.rows["drift"]["total"] == 10.0
    assert table.rows["derived_operating"]["total"] == 10.0
    assert table.rows["savings"]["total"] == 0 and table.rows["unknown_benefit"]["none"] == 200
    assert table.rows["net"]["total"] == 510.0
    assert economics.line_key(None) == economics.line_key(UNSPLIT) == "unsplit"


def test_an_unsplit_cost_counts_against_capital_and_operating_frames():
    from app.services.scenarios import FrameSpec
    from app.services.selection_data import CostData

    data = CostData(ids=["A"], title={"A": "A"}, phase={"A": "proposal"},
                    mandatory={"A": False}, outside_frame={"A": False}, lead_unit={"A": None},
                    total_cost={"A": 900.0}, yearless_cost={"A": True},
                    lines={"A": [(None, UNSPLIT, 800.0), (None, "anlaeg", 100.0)]}, fte={},
                    requires=[], unit_codes={}, unit_ancestors={}, budget_year=2027)
    drift = FrameSpec(amount=1000.0, frame_type="drift")
    capital = FrameSpec(amount=1000.0, frame_type="anlaeg")
    assert data.frame_cost("A", drift) == 800.0  # it may be drift
    assert data.frame_cost("A", capital) == 900.0  # … or anlæg
    assert data.covered_cost("A", [drift]) == 800.0


def test_the_bilag_names_no_price_base_year_the_source_does_not_give(portfolio_path, source,
                                                                    tmp_path, lang):
    """The PDF said "2026-priser" for the GMPP figures; with ``price_base`` "not_stated"
    it says the source states none, shows the whole-life cost apart and the benefit note."""
    from app.services.exports import export
    from tests.services.test_export_support import text_of_pdf

    import_source(portfolio_path, source, mapping=_mapping(price_base="not_stated"))
    out = tmp_path / "bilag.pdf"
    lang("da")
    export(portfolio_path, "pdf", out)
    text = " ".join(text_of_pdf(out))
    assert "-priser" not in text and "faste priser" not in text
    assert "kildens priser (kilden oplyser ikke prisniveauet)" in text
    assert "Udgifter, ikke fordelt på anlæg og drift" in text
    assert "hvis art kilden ikke oplyser, tælles ikke som budgetrealiserbare" in text
    # the whole-life cost has no year: "Uden år", as the budget view heads it
    assert "Uden år" in text and "Øvrige år" not in text
    assert "1.000 kr., kildens priser (kilden oplyser ikke prisniveauet)" in text
