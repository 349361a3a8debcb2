"""What a steering group, the finance department or a politician reads in the outputs:
one score scale (points 0–100, as the program shows them) in the bilag, the agenda item
and the spreadsheets; the value curve's recommended point at the cost the frames carry;
no word split in the bilag's tables; no Danish words in an English export."""

from __future__ import annotations

import csv
import re

import pytest
from docx import Document
from openpyxl import load_workbook
from sqlalchemy import select

from app.models import Initiative
from app.services import scoring
from app.services.exports import export
from app.services.formatting import format_number
from app.services.i18n import set_language
from app.services.store import open_portfolio
from tests.services.test_export_support import build_portfolio, text_of_pdf


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory):
    """The export test portfolio with a committed initiative in implementation and the
    mandatory EK-003 financed outside the frame (500.000 + 120.000 kr.)."""
    path = build_portfolio(tmp_path_factory.mktemp("outputs") / "Portefølje.portfolio")
    with open_portfolio(path) as pf, pf.session(context="test") as s:
        s.scalars(select(Initiative).where(Initiative.id == "EK-006")).one().phase = \
            "implementation"
        s.scalars(select(Initiative).where(Initiative.id == "EK-003")).one().outside_frame = True
    return path


@pytest.fixture(scope="module")
def gui_scores(portfolio):
    """Each initiative's score as the ranking view prints it (ranking_model.py)."""
    with open_portfolio(portfolio, readonly=True) as pf, pf.read() as s:
        return {r.id: format_number(r.score * 100, 1, lang="da") for r in scoring.rank(s).rows}


@pytest.fixture(scope="module")
def outputs(portfolio, tmp_path_factory):
    set_language("da")
    d = tmp_path_factory.mktemp("files")
    return {fmt: export(portfolio, fmt, d / f"out.{fmt}")
            for fmt in ("pdf", "docx", "xlsx", "csv")}


def test_the_bilag_prints_the_scores_the_program_shows(outputs, gui_scores):
    pages = text_of_pdf(outputs["pdf"])
    ranking = next(p for p in pages if "Rangordning" in p and "Score (0–100)" in p)
    for iid, shown in gui_scores.items():
        assert re.search(rf"{iid} .*? {re.escape(shown)} ", ranking), (iid, shown)
    assert not re.search(r" 0,\d\d ", ranking)  # no score left on the 0–1 scale


def test_the_agenda_item_prints_the_scores_the_program_shows(outputs, gui_scores):
    doc = Document(str(outputs["docx"]))
    table = next(t for t in doc.tables
                 if t.rows[0].cells[-1].text.replace("\u2060", "") == "Score (0–100)")
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert rows
    for r in rows:
        iid = r[1].split(" ")[0]
        assert r[-1] == gui_scores[iid]


def test_the_spreadsheets_hold_the_scores_in_points(outputs, portfolio):
    with open_portfolio(portfolio, readonly=True) as pf, pf.read() as s:
        scores = {r.id: r.score for r in scoring.rank(s).rows}
    ws = load_workbook(outputs["xlsx"])["Rangordning"]
    head = [c.value for c in ws[1]]
    col = head.index("Score (0–100)")
    for row in ws.iter_rows(min_row=2):
        iid, cell = row[1].value, row[col]
        assert cell.value == pytest.approx(scores[iid] * 100)
        assert cell.number_format == "0.0"  # one decimal, as the program shows it
    rows = list(csv.DictReader(outputs["csv"].read_text("utf-8-sig").splitlines(),
                               delimiter=";"))
    for r in rows:
        if r["Score (0–100)"]:
            assert r["Score (0–100)"] == f"{scores[r['Id']] * 100:.1f}".rstrip("0").rstrip(
                ".").replace(".", ",")


def test_the_value_curve_places_the_recommendation_at_its_cost_inside_the_frame(portfolio):
    from app.services.exports.content import gather

    set_language("da")
    with open_portfolio(portfolio, readonly=True) as pf, pf.read() as s:
        c = gather(s, charts=True)
    rec = c.recommendation
    assert rec is not None and "EK-003" in rec.selected
    assert rec.cost_outside_frame == pytest.approx(620_000)
    curve = dict(c.charts)["value_curve"]
    assert curve.recommended.x == pytest.approx(rec.cost_in_frame)
    assert curve.recommended.x <= 5_000_000  # the frames: 3 mio. (2027) + 2 mio. (2028)
    assert curve.recommended.y == pytest.approx(rec.total_score * 100)  # points, as the y axis
    xs = [m.x for m in curve.points]
    assert min(xs) <= curve.recommended.x <= max(xs)
    # yearly frames: the reader is told why the recommendation may lie below the curve
    assert any("under kurven" in n for n in curve.notes)


def test_the_bilag_says_what_is_financed_outside_the_frame(outputs):
    text = " ".join(text_of_pdf(outputs["pdf"]))
    assert "620.000 kr. finansieres uden for rammen" in text


def test_no_word_is_split_in_the_bilag_tables(outputs):
    text = " ".join(text_of_pdf(outputs["pdf"]))
    assert "Udgift, 1.000 kr." in text.replace("\u00a0", " ")
    assert "k r." not in text
    assert "Implementering" in text  # the phase column holds the whole word
    assert not re.search(r"Implemente\s|Projektfor\s", text)


def test_fit_widths_makes_room_for_the_longest_word_from_the_flexible_column():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from app.services.exports.pdf.fonts import BOLD, REGULAR, register_fonts
    from app.services.exports.pdf.tables import fit_widths

    register_fonts()
    header = ["Tiltag", "Fase", "Udgift, 1.000\u00a0kr."]
    rows = [["En lang titel", "Implementering", "1.050"]]
    widths = fit_widths(header, rows, [200.0, 40.0, 30.0], flex=0)
    assert sum(widths) == pytest.approx(270.0)
    assert widths[1] >= stringWidth("Implementering", REGULAR, 8) + 6
    assert widths[2] >= stringWidth("1.000\u00a0kr.", BOLD, 7.5) + 6


def test_the_charts_heading_stands_on_the_page_of_the_first_chart(outputs, portfolio):
    pages = text_of_pdf(outputs["pdf"])
    page = next(p for p in pages if re.search(r"(^| )Figurer ", p))
    assert "Rangordning med bidrag" in page
    # wherever the page ends: the heading is kept together with the first chart, never a
    # flowable of its own that a page break can leave at the foot of a page
    from reportlab.platypus import KeepTogether, Paragraph

    from app.services.exports.common import ExportHooks
    from app.services.exports.content import gather
    from app.services.exports.pdf.charts import chart_pages

    with open_portfolio(portfolio, readonly=True) as pf, pf.read() as s:
        flow = chart_pages(gather(s, charts=True), ExportHooks())
    alone = [f for f in flow if isinstance(f, Paragraph) and "Figurer" in f.getPlainText()]
    assert not alone
    first = next(f for f in flow if isinstance(f, KeepTogether))
    inner = first._content  # noqa: SLF001 - the flowables it keeps together
    assert isinstance(inner[0], Paragraph) and inner[0].getPlainText() == "Figurer"


def test_an_english_export_has_no_danish_words_of_its_own(portfolio, tmp_path):
    set_language("en")
    try:
        pdf = " ".join(text_of_pdf(export(portfolio, "pdf", tmp_path / "b.pdf")))
        doc = Document(str(export(portfolio, "docx", tmp_path / "a.docx")))
        wb = load_workbook(export(portfolio, "xlsx", tmp_path / "d.xlsx"))
    finally:
        set_language("da")
    docx_text = " ".join([p.text for p in doc.paragraphs]
                         + [c.text for t in doc.tables for r in t.rows for c in r.cells])
    heads = " ".join(str(c.value) for ws in wb.worksheets for c in next(ws.iter_rows(max_row=1)))
    for text in (pdf, docx_text, heads):
        assert "1,000 kr." not in text and "(kr.)" not in text
        assert "(anlæg)" not in text and "mindreudgifter" not in text
    assert "1,000 DKK" in pdf and "Capital expenditure" in pdf
    assert "budget 2027" not in pdf  # frames are named for the reader: "2027", "2027 capital"
    assert "Cost in total (DKK)" in heads and "Amount (DKK)" in heads


def test_a_restored_export_is_summarised_with_sheet_names_not_keys():
    from app.services.importing.plan import ImportPlan
    from app.services.importing.report import summary_lines

    set_language("da")
    plan = ImportPlan(source="x.xlsx", records=[], columns=[], unmapped=[], currency="DKK",
                      fields=set(), kind="prioritise-export")
    plan.restored = {"initiatives": 37, "lines": 1290, "assessments": 250}
    text = " ".join(summary_lines(plan, None, dry_run=False))
    assert "Tiltag 37" in text and "Business case 1.290" in text and "Vurderinger 250" in text
    assert "initiatives" not in text and "lines" not in text


def test_the_danish_spreadsheet_names_decisions_forums_and_kinds_in_danish(tmp_path):
    """The demo's decisions, units and requirements read in Danish in the XLSX (never
    "approved", "steering_group", "forvaltning" codes), and the file still restores
    exactly what it holds, in both languages."""
    import dataclasses

    from app.services.demo import create_demo
    from app.services.exports.dump import dump_portfolio
    from app.services.exports.restore import restore
    from app.services.exports.roundtrip import read_export
    from app.services.store import create_portfolio

    demo = tmp_path / "demo.portfolio"
    create_demo(demo)
    with open_portfolio(demo, readonly=True) as pf, pf.read() as s:
        before = dump_portfolio(s, audit=False)
    assert before.decisions and before.requirements
    for lang in ("da", "en"):
        set_language(lang)
        try:
            out = export(demo, "xlsx", tmp_path / f"demo-{lang}.xlsx")
        finally:
            set_language("da")
        if lang == "da":
            wb = load_workbook(out, read_only=True)
            cells = {str(v) for ws in (wb["Beslutninger"], wb["Enheder"], wb["Eksterne krav"])
                     for row in ws.iter_rows(min_row=2, values_only=True) for v in row}
            assert {"Godkendt", "Styregruppen", "Forvaltning"} <= cells
            assert not {"approved", "steering_group", "forvaltning", "law"} & cells
        again = tmp_path / f"igen-{lang}.portfolio"
        pf = create_portfolio(again)
        try:
            with pf.session(context="import") as s:
                restore(s, read_export(out))
        finally:
            pf.close()
        with open_portfolio(again, readonly=True) as pf, pf.read() as s:
            after = dump_portfolio(s, audit=False)
        for f in ("decisions", "units", "requirements", "forces", "initiatives"):
            assert getattr(after, f) == getattr(before, f), (lang, f)
        assert dataclasses.asdict(after.settings) == dataclasses.asdict(before.settings)
