"""Amounts in thousands are labelled in the output language and the portfolio's currency
(``formatting.thousands_unit``): "1,000 DKK" in English, "1.000 kr." in Danish, "1,000 GBP"
for a GBP portfolio — in the budget view's texts, the recommendation's budget frames and
the initiative's budget effect; the bubble card writes the portfolio's currency."""

from __future__ import annotations

from app.models import PortfolioSettings

EN, DA = "1,000\u00a0DKK", "1.000\u00a0kr."


def _texts(window) -> dict[str, str]:
    budget = window.view("budget")
    budget.refresh()
    selection = window.view("selection")
    selection.refresh()
    window.open_initiative("EK-001")
    return {"budget note": budget.note.text(), "budget per": budget.per_label.text(),
            "frames": selection.frames.title.text(),
            "business case": window.view("initiative").business_case.budget_box.title()}


def test_english_writes_1000_dkk_and_danish_1000_kr(window) -> None:
    english = _texts(window)
    for where, text in english.items():
        assert EN in text and "1.000" not in text and "kr." not in text, (where, text)
    assert "mindreudgifter" not in english["budget note"]
    window.set_language("da")
    danish = _texts(window)
    for where, text in danish.items():
        assert DA in text and "1,000" not in text and "DKK" not in text, (where, text)
    assert danish["frames"] == "Budgetrammer (1.000\u00a0kr.):"
    with window.portfolio.read() as s:  # the prices are named by their year, not "faste"
        year = s.get(PortfolioSettings, 1).price_base_year
    assert danish["budget note"].endswith(
        f"Beløb i 1.000\u00a0kr., {year}-priser; gevinster er negative (mindreudgifter).")


def test_a_gbp_portfolio_is_labelled_in_gbp(window) -> None:
    with window.portfolio.session() as s:
        s.get(PortfolioSettings, 1).currency = "GBP"
    for where, text in _texts(window).items():
        assert "1,000\u00a0GBP" in text and "DKK" not in text, (where, text)


def test_the_bubble_card_writes_the_portfolio_currency(window) -> None:
    with window.portfolio.session() as s:
        s.get(PortfolioSettings, 1).currency = "GBP"
    view = window.view("bubble")
    view.reload()
    panel = view.panel
    assert panel.chart is not None and panel.chart.currency == "GBP"
    bubble = next(b for b in panel.chart.bubbles if b.npv is not None)
    panel._describe(bubble.id)
    text = panel.info_label.text()
    assert "GBP" in text and "DKK" not in text and "NPV" in text and "NNV" not in text, text
