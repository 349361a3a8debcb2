"""The import wizard, driven page by page without exec(): every problem is shown before
anything is written; finishing imports in one transaction; the mapping can be saved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard
from sqlalchemy import select

from app.models import Initiative, PortfolioSettings
from app.services.store import open_portfolio

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "import"


@pytest.fixture
def wizard(window, qtbot):
    from app.ui.import_wizard import open_import_wizard

    from shiboken6 import isValid

    wiz = open_import_wizard(window, window.context)
    yield wiz
    if isValid(wiz):  # accept() closes (and deletes) it
        wiz.close()


def _ids(window) -> set[str]:
    with window.context.portfolio.read() as s:
        return set(s.scalars(select(Initiative.id)))


def _to_mapping(wiz, path: Path) -> None:
    wiz.source_page.set_path(str(path))
    assert wiz.source_page.isComplete()
    wiz.next()
    assert wiz.currentId() == 1


def test_problems_are_shown_and_nothing_is_written(window, wizard, tmp_path):
    before = _ids(window)
    _to_mapping(wizard, FIX / "negative_amounts.csv")
    page = wizard.mapping_page
    assert page.preview.rowCount() == 2 and page.preview.verticalHeaderItem(0).text() == "2"
    page.set_field("id", "id")
    page.set_field("title", "title")
    page.set_field("cost", "total_cost")
    page.set_field("benefit", "total_benefit")
    wizard.next()
    check = wizard.check_page
    problems = [check.problems.item(i).text() for i in range(check.problems.count())]
    assert len(problems) == 1 and "N-2" not in problems[0] and "3" in problems[0]
    assert not check.isComplete()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert _ids(window) == before
    # a refused import never reads as "would import 2 initiatives"
    assert check.summary.toPlainText().startswith("Nothing can be imported until the errors")
    assert check.problems_label.text() == "Problems (row, column, reason): 1"
    check.skip.setChecked(True)
    assert check.isComplete()
    assert check.summary.toPlainText().startswith("Source:")
    check.save_mapping(str(tmp_path / "saved.json"))
    saved = json.loads((tmp_path / "saved.json").read_text(encoding="utf-8"))
    assert saved["columns"]["cost"] == {"field": "total_cost"} and saved["delimiter"] == ";"
    wizard.accept()
    assert _ids(window) == before | {"N-1"}
    assert any("Import" in t or "import" in t for t in window.dialogs.texts("inform"))


def test_saved_mapping_is_loaded_for_next_time(window, wizard, tmp_path):
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"decimal": ",", "columns": {
        "Id": "id", "Titel": "title", "Udgift": "total_cost", "Gevinst": "total_benefit",
        "Forvaltning": "lead_department"}}), encoding="utf-8")
    assert wizard.source_page.load_mapping_file(str(mapping))
    _to_mapping(wizard, FIX / "cp1252_semicolon_danish.csv")
    doc = wizard.mapping_page.mapping_doc()
    assert doc["decimal"] == "," and doc["encoding"] == "cp1252"
    assert doc["columns"]["Udgift"] == {"field": "total_cost"}
    wizard.next()
    assert wizard.check_page.isComplete(), wizard.check_page.summary.toPlainText()
    wizard.accept()
    with open_portfolio(window.context.portfolio.path, readonly=True) as pf, pf.read() as s:
        k1 = s.get(Initiative, "K-1")
        assert [ln.amount for ln in k1.lines if ln.flow == "cost"] == [1234567.5]


def test_template_skips_the_mapping_page(window, wizard, tmp_path, qtbot):
    from app.services.template import write_template

    out = write_template(tmp_path / "t.xlsx", budget_year=2027)
    from openpyxl import load_workbook

    wb = load_workbook(out)
    wb.worksheets[0]["B2"] = "Forslag fra skabelon"
    wb.worksheets[0]["D2"] = "Borgerservice"
    wb.save(out)
    wizard.source_page.set_path(str(out))
    wizard.next()
    assert wizard.currentId() == 2 and wizard.check_page.isComplete()
    wizard.accept()
    with window.context.portfolio.read() as s:
        assert "Forslag fra skabelon" in set(s.scalars(select(Initiative.title)))


def test_wizard_renders(wizard, tmp_path, qtbot):
    _to_mapping(wizard, FIX / "missing_patterns.csv")
    wizard.resize(1280, 720)
    wizard.show()
    qtbot.waitExposed(wizard)
    png = tmp_path / "wizard.png"
    assert wizard.grab().save(str(png))
    assert png.stat().st_size > 1000


def test_workbook_sheet_and_header_row_are_chosen(window, wizard, tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_xlsx", FIX / "make_xlsx.py")
    make_xlsx = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_xlsx)
    book = make_xlsx.merged_header(tmp_path / "forslag.xlsx")
    page = wizard.source_page
    page.set_path(str(book))
    assert [page.sheets.itemText(i) for i in range(page.sheets.count())] == ["Forside", "Projekter"]
    page.sheets.setCurrentText("Projekter")
    page.header_row.setValue(2)
    wizard.next()
    mapping = wizard.mapping_page
    assert [mapping.columns.item(r, 0).text() for r in range(mapping.columns.rowCount())] == [
        "Id", "Titel", "2027", "2028", "2029"]
    mapping.set_field("Id", "id")
    mapping.set_field("Titel", "title")
    mapping.set_field("2027", "cost:2027")
    wizard.next()
    assert wizard.check_page.isComplete(), wizard.check_page.summary.toPlainText()
    wizard.accept()
    with window.context.portfolio.read() as s:
        p1 = s.get(Initiative, "P-1")
        assert [(ln.budget_year, ln.amount) for ln in p1.lines] == [(2027, 100000)]


def test_next_needs_a_mapped_column(window, wizard):
    _to_mapping(wizard, FIX / "bom_comma.csv")
    page = wizard.mapping_page
    assert not page.isComplete()
    page.set_field("title", "title")
    assert page.isComplete()


@pytest.fixture(params=[("en", "GBP"), ("da", "DKK")])
def gbp_window(request, qtbot, ui_settings, dialogs, tmp_path):
    """The main window, shown at 1280×720, on an empty portfolio at an æøå path: in GBP,
    or in DKK as File → New makes it (it takes the source's GBP, holding no amounts)."""
    from app.services.store import create_portfolio
    from tests.ui.conftest import shown_window

    lang, currency = request.param
    path = tmp_path / "Æblerød" / "Større projekter.portfolio"
    path.parent.mkdir()
    create_portfolio(path, currency=currency, municipality="Æblerød").close()
    for win in shown_window(qtbot, ui_settings, dialogs, path, lang=lang):
        yield win, lang


def test_gmpp_full_through_the_wizard(gbp_window, qtbot, shared_data):
    """The real GMPP file with its shipped mapping: the preview names every column in
    full, the multiplier reads as written, the check page opens on the totals (not 30
    lines of initiatives above them), the last button says Import, and it imports."""
    from PySide6.QtCore import QCoreApplication

    from app.ui.import_wizard import open_import_wizard

    window, lang = gbp_window
    wiz = open_import_wizard(window, window.context)
    try:
        wiz.resize(1280, 720)
        mapping = Path(__file__).resolve().parents[2] / "resources" / "mappings" / "uk_gmpp_full.json"
        assert wiz.source_page.load_mapping_file(str(mapping))
        _to_mapping(wiz, shared_data / "uk_gmpp_2023_full.csv")
        for _ in range(3):
            QCoreApplication.processEvents()
        page = wiz.mapping_page
        header = page.preview.horizontalHeader()
        assert page.preview.columnCount() == 19
        for j in range(page.preview.columnCount()):  # no clipped column name
            assert page.preview.columnWidth(j) >= header.sectionSizeFromContents(j).width()
        rows = {page.columns.item(r, 0).text(): r for r in range(page.columns.rowCount())}
        assert page.columns.item(rows["wlc_baseline_incl_NCG"], 2).text() == "1000000"
        assert page.mapping_doc()["columns"]["wlc_baseline_incl_NCG"]["multiplier"] == 1e6
        wiz.next()
        for _ in range(3):
            QCoreApplication.processEvents()
        check = wiz.check_page
        assert check.isComplete(), check.summary.toPlainText()
        assert check.summary.verticalScrollBar().value() == 0
        first = check.summary.toPlainText().splitlines()[:6]
        assert first[0].startswith(("Source:", "Kilde:")) and "244" in first[1]
        # cost and benefit totals in view (after the currency the portfolio takes, if any)
        totals = first[2:4] if "→" not in first[2] else first[3:5]
        assert "471" in totals[0] and "729" in totals[1], first
        assert ("DKK → GBP" in first[2]) == (lang == "da"), first
        finish = wiz.button(QWizard.WizardButton.FinishButton).text().replace("&", "")
        assert finish == {"da": "Importér", "en": "Import"}[lang]
        wiz.accept()
    finally:
        from shiboken6 import isValid

        if isValid(wiz):
            wiz.close()
    with window.context.portfolio.read() as s:
        assert len(set(s.scalars(select(Initiative.id)))) == 244
        assert s.get(PortfolioSettings, 1).currency == "GBP"
