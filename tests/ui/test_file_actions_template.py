"""File → New proposal template asks for the open portfolio's prices (its price base
year, the year the bilag states), not the current year's, in its currency."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook


def test_file_new_template_states_the_portfolio_price_base_year(window, dialogs,
                                                                tmp_path: Path) -> None:
    from app.models import PortfolioSettings
    from app.ui import file_actions

    with window.portfolio.session() as s:
        settings = s.get(PortfolioSettings, 1)
        settings.price_base_year = 2019  # never the current year, which is the fallback
        settings.currency = "GBP"  # never the default DKK
        budget_year = settings.budget_year
    dialogs.answer("save_file", str(tmp_path / "forslag.xlsx"))
    written = file_actions.write_template(window)
    assert written is not None
    text = " ".join(str(c.value) for ws in load_workbook(written).worksheets
                    for row in ws.iter_rows() for c in row if c.value)
    assert "whole GBP in 2019 prices" in text  # the window runs in English
    assert "Capital {year} (GBP)".format(year=budget_year) in text
    assert f"budget year {budget_year}" in text
