"""``prioritise template OUT.xlsx --portfolio PORTFOLIO`` pre-fills the template from the
portfolio as File → New proposal template does: its price base year (the prices its
amounts are in), budget year and units; a bad portfolio is refused and writes nothing."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from app import cli
from app.models import OrgUnit, PortfolioSettings
from app.services import i18n
from app.services.store import create_portfolio


def _text(path: Path) -> str:
    return " ".join(str(c.value) for ws in load_workbook(path).worksheets
                    for row in ws.iter_rows() for c in row if c.value)


def _main(*argv: str) -> int:
    try:
        return cli.main(list(argv))
    finally:
        i18n.set_language("da")


def test_template_states_the_portfolio_price_base_year_budget_year_and_units(
        portfolio_path: Path, tmp_path: Path) -> None:
    pf = create_portfolio(portfolio_path, municipality="Testkommune")
    with pf.session() as s:
        settings = s.get(PortfolioSettings, 1)
        settings.price_base_year = 2019  # never the current year, which is the fallback
        settings.budget_year = 2031
        settings.currency = "GBP"  # the template's headers and instructions name it
        s.add(OrgUnit(code="KFU", name="Kultur og Fritid æøå"))
    pf.close()
    out = tmp_path / "forslag.xlsx"
    assert _main("template", str(out), "--portfolio", str(portfolio_path), "--lang", "en") == 0
    text = _text(out)
    assert "whole GBP in 2019 prices" in text
    assert "Capital 2031 (GBP)" in text and "(DKK)" not in text
    assert "budget year 2031" in text
    assert "Kultur og Fritid æøå" in text


def test_template_without_portfolio_keeps_the_current_year_prices(tmp_path: Path) -> None:
    from datetime import date

    out = tmp_path / "forslag.xlsx"
    assert _main("template", str(out), "--lang", "en") == 0
    assert f"whole DKK in {date.today().year} prices" in _text(out)


def test_template_refuses_a_file_that_is_not_a_portfolio(tmp_path: Path) -> None:
    bogus = tmp_path / "not.portfolio"
    bogus.write_text("hello", encoding="utf-8")
    out = tmp_path / "forslag.xlsx"
    assert _main("template", str(out), "--portfolio", str(bogus)) == cli.EXIT_REFUSED
    assert not out.exists()


def test_template_never_replaces_an_existing_workbook(tmp_path: Path) -> None:
    """A filled-in template (or any workbook) under the name given is kept: refused, the
    file byte-identical, the message naming it."""
    from app import cli

    out = tmp_path / "forslag.xlsx"
    assert cli.main(["template", str(out)]) == 0
    before = out.read_bytes()
    assert cli.main(["template", str(out)]) == 2
    assert out.read_bytes() == before
