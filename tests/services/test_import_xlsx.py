"""XLSX import: chosen sheet, header row, merged header cells, Excel dates, and a formula
without a cached value refused with a message to recalculate in Excel (DESIGN §9)."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Initiative
from app.services.importing import ImportRefused, import_source, read_source
from app.services.store import open_portfolio

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "import"
_spec = importlib.util.spec_from_file_location("make_xlsx", FIX / "make_xlsx.py")
make_xlsx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_xlsx)


def _lines(target: Path) -> dict[str, list[tuple[str, int | None, float]]]:
    with open_portfolio(target, readonly=True) as pf, pf.read() as s:
        return {i.id: sorted((ln.flow, ln.budget_year, ln.amount) for ln in i.lines)
                for i in s.scalars(select(Initiative))}


def test_merged_header_cells_name_the_columns(tmp_path):
    book = make_xlsx.merged_header(tmp_path / "forslag.xlsx")
    table = read_source(book, sheet="Projekter", header_row=2)
    assert table.columns == ["Id", "Titel", "2027", "2028", "2029"]
    grouped = read_source(book, sheet="Projekter", header_row=1)
    assert grouped.columns == ["Id", "Titel", "Økonomi (kr.)", "Økonomi (kr.)#2", "Økonomi (kr.)#3"]


def test_chosen_sheet_and_header_row_import_yearly_lines(tmp_path, portfolio_path):
    book = make_xlsx.merged_header(tmp_path / "forslag.xlsx")
    mapping = {"sheet": "Projekter", "header_row": 2, "columns": {
        "Id": {"field": "id"}, "Titel": {"field": "title"},
        "2027": {"field": "cost:2027", "line_type": "anlaeg"},
        "2028": {"field": "cost:2028"}, "2029": {"field": "cost:2029"}}}
    result = import_source(portfolio_path, book, mapping=mapping)
    assert result.table.rows[0].number == 3  # rows as the spreadsheet shows them
    lines = _lines(portfolio_path)
    assert lines["P-1"] == [("cost", 2027, 100000), ("cost", 2028, 50000), ("cost", 2029, 0)]
    assert lines["P-2"] == [("cost", 2027, 200000), ("cost", 2029, 25000)]


def test_unknown_sheet_names_the_sheets(tmp_path, portfolio_path):
    book = make_xlsx.merged_header(tmp_path / "forslag.xlsx")
    with pytest.raises(Exception) as info:
        import_source(portfolio_path, book, mapping={"columns": {"Id": "id"}}, sheet="Nope")
    assert "Nope" in str(info.value) and "Projekter" in str(info.value)
    assert not portfolio_path.exists()


def test_formula_without_cached_value_is_refused_naming_the_cell(tmp_path, portfolio_path):
    book = make_xlsx.formula_without_cache(tmp_path / "formel.xlsx")
    mapping = {"columns": {"id": "id", "title": "title", "total": "total_cost"}}
    with pytest.raises(ImportRefused) as info:
        import_source(portfolio_path, book, mapping=mapping, skip_invalid=True)
    problems = info.value.problems
    assert len(problems) == 1
    assert "E2" in problems[0] and "Excel" in problems[0]
    assert not portfolio_path.exists()
    # the same formula in a column that is not mapped is no problem
    import_source(portfolio_path, book, mapping={"columns": {"id": "id", "title": "title",
                                                             "anlaeg": "total_cost"}})
    assert _lines(portfolio_path)["F-1"] == [("cost", None, 1000)]


def test_excel_dates_serials_and_text_dates(tmp_path, portfolio_path):
    book = make_xlsx.excel_dates(tmp_path / "datoer.xlsx")
    import_source(portfolio_path, book, mapping={"columns": {
        "id": "id", "title": "title", "start": "start_date", "end": "end_date"}})
    with open_portfolio(portfolio_path, readonly=True) as pf, pf.read() as s:
        got = {i.id: (i.start_date, i.end_date) for i in s.scalars(select(Initiative))}
    assert got == {"E-1": (date(2027, 1, 1), date(2027, 12, 31)),
                   "E-2": (date(2027, 1, 1), date(2027, 12, 31)),
                   "E-3": (date(2027, 3, 1), date(2028, 2, 29))}
