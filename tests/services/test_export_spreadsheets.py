"""XLSX and CSV exports: re-import into an empty portfolio with no options gives the same
content; text that looks like a formula is never a formula; confidential rows left out."""

from __future__ import annotations

import csv
import re
import dataclasses
import zipfile

import pytest
from openpyxl import load_workbook

from app.commands.listing import list_document
from app.services.errors import ValidationError
from app.services.exports import export
from app.services.exports.common import neutralise_csv, restore_csv
from app.services.exports.dump import dump_portfolio
from app.services.exports.restore import restore
from app.services.exports.roundtrip import is_prioritise_export, read_export
from app.services.i18n import set_language
from app.services.store import create_portfolio, open_portfolio
from tests.services.test_export_support import (
    CONFIDENTIAL_TITLE,
    FORMULA_TITLE,
    build_portfolio,
)


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory):
    return build_portfolio(tmp_path_factory.mktemp("xlsx") / "Portefølje.portfolio")


def _dump(path):
    with open_portfolio(path, readonly=True) as pf, pf.read() as s:
        return dump_portfolio(s, audit=False)


def _reimport(source, target):
    """What ``prioritise import`` does with our own export: no options at all."""
    assert is_prioritise_export(source)
    dump = read_export(source)
    pf = create_portfolio(target)
    try:
        with pf.session(context="import") as s:
            restore(s, dump)
    finally:
        pf.close()
    return target


@pytest.mark.parametrize("lang", ["da", "en"])
def test_xlsx_round_trip_restores_everything(portfolio, tmp_path, lang):
    set_language(lang)
    try:
        out = export(portfolio, "xlsx", tmp_path / "portefølje.xlsx")
    finally:
        set_language("da")
    again = _reimport(out, tmp_path / "igen.portfolio")
    before, after = _dump(portfolio), _dump(again)
    for f in dataclasses.fields(before):
        assert getattr(after, f.name) == getattr(before, f.name), f.name
    assert list_document(str(again)) == list_document(str(portfolio))


def test_xlsx_has_the_finance_sheets_and_the_audit_log(portfolio, tmp_path):
    set_language("da")
    out = export(portfolio, "xlsx", tmp_path / "p.xlsx")
    wb = load_workbook(out)
    for name in ("Rangordning", "Anbefaling", "Budget", "Tiltag", "Business case",
                 "Vurderinger", "Afhængigheder", "Vægte", "Log", "Prioritise"):
        assert name in wb.sheetnames, name
    assert wb["Tiltag"]["A1"].value == "Id" and wb["Tiltag"]["B1"].value == "Titel"
    assert wb["Log"].max_row > 10
    budget = wb["Budget"]
    # the prices named as in the PDF's budget table (economics.PriceBasis.phrase)
    assert [c.value for c in budget[1]][:6] == ["1.000\u00a0kr., 2026-priser", "2027", "2028",
                                                "2029", "2030", "I alt"]
    assert budget["B2"].number_format == "#,##0"
    # the financing rows under their heading, right after "Netto i alt" (as the budget view)
    labels = [c.value for c in budget["A"]]
    net = labels.index("Netto i alt")
    assert labels[net + 1] == "Fordelt på finansiering"
    assert labels[net + 2:] and labels[-1] == "Udgifter finansieret i alt"


def test_xlsx_stores_formula_lookalikes_as_text(portfolio, tmp_path):
    out = export(portfolio, "xlsx", tmp_path / "p.xlsx")
    with zipfile.ZipFile(out) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert "<f>" not in z.read(name).decode("utf-8"), name
    wb = load_workbook(out)
    cells = [c for row in wb["Tiltag"].iter_rows() for c in row
             if isinstance(c.value, str) and c.value.startswith(("=", "+", "-", "@"))]
    assert {c.value for c in cells} >= {FORMULA_TITLE, "+45 12 34 56 78",
                                        "@alle: -afvist i styregruppen"}
    assert all(c.data_type == "s" for c in cells)


def test_public_xlsx_and_csv_leave_confidential_out(portfolio, tmp_path):
    for fmt in ("xlsx", "csv"):
        out = export(portfolio, fmt, tmp_path / f"p.{fmt}", public=True)
        if fmt == "xlsx":
            wb = load_workbook(out)
            text = " ".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row
                            if c.value is not None)
        else:
            text = out.read_text(encoding="utf-8-sig")
        assert CONFIDENTIAL_TITLE not in text and "EK-005" not in text, fmt


def test_csv_is_for_danish_excel(portfolio, tmp_path):
    set_language("da")
    out = export(portfolio, "csv", tmp_path / "p.csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][:3] == ["Id", "Titel", "Beskrivelse"]
    by_id = {r[0]: r for r in rows[1:]}
    assert len(by_id) == 8
    head = rows[0]
    ek1 = dict(zip(head, by_id["EK-001"]))
    assert ek1["Udgifter i alt"] == "1050000" and ek1["Interne ressourcer (årsværk)"] == "0,5"
    # points 0–100 with a decimal comma and one decimal, as the program shows them
    assert re.fullmatch(r"\d{1,3}(,\d)?", ek1["Score (0–100)"])
    assert 0 < float(ek1["Score (0–100)"].replace(",", ".")) <= 100


def test_csv_neutralises_formulas_and_reimport_restores_them(portfolio, tmp_path):
    out = export(portfolio, "csv", tmp_path / "p.csv")
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    cells = [c for r in rows[1:] for c in r]
    assert "'" + FORMULA_TITLE in cells
    assert "'+45 12 34 56 78" in cells
    assert "'@alle: -afvist i styregruppen" in cells
    assert not any(c.startswith(("=", "+", "@")) for c in cells)
    assert not any(c.startswith("-") for c in cells)
    again = _reimport(out, tmp_path / "igen.portfolio")
    assert list_document(str(again)) == list_document(str(portfolio))
    titles = {r.title for r in _dump(again).initiatives}
    assert FORMULA_TITLE in titles


@pytest.mark.parametrize("text", ["=1+2", "+45", "-3", "@SUM(A1)", "'=x", "plain", "'quoted"])
def test_neutralise_and_restore_are_inverse(text):
    out = neutralise_csv(text)
    assert not out.startswith(("=", "+", "-", "@"))
    assert restore_csv(out) == text


def test_a_damaged_export_is_refused_with_sheet_row_and_column(portfolio, tmp_path):
    set_language("da")
    out = export(portfolio, "xlsx", tmp_path / "p.xlsx")
    wb = load_workbook(out)
    wb["Tiltag"]["F2"] = "Ukendt fase"
    wb["Business case"]["C3"] = "næste år"
    wb.save(out)
    with pytest.raises(ValidationError) as err:
        read_export(out)
    problems = " | ".join(err.value.problems)
    assert "ark “Tiltag”, række 2, kolonne F" in problems
    assert "ark “Business case”, række 3, kolonne C" in problems


def test_other_files_are_not_taken_for_exports(tmp_path):
    other = tmp_path / "andet.csv"
    other.write_text("id;title\n1;x\n", encoding="utf-8")
    assert not is_prioritise_export(other)
    assert not is_prioritise_export(tmp_path / "findes-ikke.xlsx")


def test_public_outputs_do_not_name_a_confidential_prerequisite(tmp_path):
    from app.models import Dependency
    from tests.services.test_export_support import text_of_pdf

    path = build_portfolio(tmp_path / "p.portfolio")
    with open_portfolio(path) as pf, pf.session(context="test") as s:
        s.add(Dependency(initiative_id="EK-008", requires_id="EK-005"))
    for fmt in ("csv", "pdf", "xlsx", "docx"):
        out = export(path, fmt, tmp_path / f"offentlig.{fmt}", public=True, appendix=True)
        if fmt == "csv":
            text = out.read_text(encoding="utf-8-sig")
        elif fmt == "pdf":
            text = " ".join(text_of_pdf(out))
        elif fmt == "xlsx":
            wb = load_workbook(out)
            text = " ".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row
                            if c.value is not None)
        else:
            import docx

            d = docx.Document(str(out))
            text = " ".join([p.text for p in d.paragraphs] + [c.text for t in d.tables
                                                               for r in t.rows for c in r.cells])
        assert "EK-005" not in text and CONFIDENTIAL_TITLE not in text, fmt


def test_xlsx_round_trip_of_the_demo_leaves_no_seeded_weights_or_scenario(tmp_path):
    """A new portfolio is created with draft weights "Vægte 2027" and a scenario
    "Standard"; the demo's weights are named "Vægte for budget 2027", and here its
    scenarios are renamed. The restored portfolio holds what the demo holds — weight
    sets and scenarios included — not the seeds beside them."""
    from sqlalchemy import select

    from app.models import Scenario
    from app.services.demo import create_demo

    demo = tmp_path / "demo.portfolio"
    create_demo(demo)
    with open_portfolio(demo) as pf, pf.session(context="test") as s:
        for sc in s.scalars(select(Scenario)):
            sc.name = f"{sc.name} (omdøbt)"
    before = _dump(demo)
    assert {w.set_name for w in before.weights} == {"Vægte for budget 2027"}
    out = export(demo, "xlsx", tmp_path / "demo.xlsx")
    again = _reimport(out, tmp_path / "igen.portfolio")
    after = _dump(again)
    for f in dataclasses.fields(before):
        assert getattr(after, f.name) == getattr(before, f.name), f.name
    assert list_document(str(again)) == list_document(str(demo))
