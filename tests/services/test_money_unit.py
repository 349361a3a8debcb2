"""A money criterion's unit is shown in the portfolio's currency (the defaults store the
kroner of a Danish municipality: "kr./år", "(kr. pr. år)")."""

from __future__ import annotations

from app.services.defaults import DEFAULT_CRITERIA, is_money_unit, shown_description, shown_unit
from app.services.exports.content import gather
from app.services.exports.pdf.method import scale_text
from app.services.i18n import set_language
from app.services.store import create_portfolio


def test_shown_unit_and_description_follow_the_currency():
    assert shown_unit("kr./år", "GBP") == "GBP/år" and shown_unit("kr./år", "DKK") == "kr./år"
    assert shown_unit("kr.", "EUR") == "EUR" and shown_unit("timer", "GBP") == "timer"
    assert not is_money_unit("kroner") and not is_money_unit("")
    econ = next(c for c in DEFAULT_CRITERIA if c.key == "economic_benefit")
    assert "(GBP pr. år)" in shown_description(econ.description, econ.unit_label, "GBP")
    # a criterion that is not money keeps its text, "kr." or not
    assert shown_description("Sparede kr.", "timer", "GBP") == "Sparede kr."


def test_the_bilag_method_names_the_portfolio_currency(tmp_path):
    set_language("da")
    with create_portfolio(tmp_path / "g.portfolio", currency="GBP") as pf, pf.read() as s:
        c = gather(s)
    econ = next(cr for cr in c.criteria if cr.key == "economic_benefit")
    text = scale_text(econ)
    assert "0 GBP/år" in text and "5.000.000 GBP/år" in text and "kr." not in text
    assert "(GBP pr. år)" in econ.description
