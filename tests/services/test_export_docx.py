"""The agenda item (DOCX) read back with python-docx: Danish headings, "at"-points, real
Word tables, budget sums, literal titles, confidential initiatives left out."""

from __future__ import annotations

from collections import defaultdict

import docx
import pytest

from app.services.exports import export
from app.services.exports.content import gather
from app.services.formatting import parse_number
from app.services.i18n import set_language
from app.services.store import open_portfolio
from tests.services.test_export_support import (
    CONFIDENTIAL_TITLE,
    FORMULA_TITLE,
    TRICKY_TITLE,
    build_portfolio,
)


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory):
    return build_portfolio(tmp_path_factory.mktemp("docx") / "Portefølje.portfolio")


@pytest.fixture(scope="module")
def agenda(portfolio, tmp_path_factory):
    set_language("da")
    out = tmp_path_factory.mktemp("out") / "dagsordenspunkt.docx"
    export(portfolio, "docx", out)
    return docx.Document(str(out))


def _all_text(d) -> str:
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def test_the_headings_of_a_danish_agenda_item(agenda):
    headings = [p.text for p in agenda.paragraphs if p.style.name.startswith("Heading")]
    for h in ("Sagsfremstilling", "Indstilling", "Økonomi", "Bilag", "Baggrund", "Proces",
              "Den anbefalede portefølje", "Sådan er anbefalingen fundet"):
        assert h in headings, (h, headings)
    assert headings.index("Sagsfremstilling") < headings.index("Indstilling") < \
        headings.index("Økonomi") < headings.index("Bilag")


def test_indstilling_has_numbered_at_points(agenda):
    paras = agenda.paragraphs
    start = next(i for i, p in enumerate(paras) if p.text == "Indstilling")
    intro = paras[start + 1].text
    assert intro.endswith("indstiller, at")
    points = []
    for p in paras[start + 2:]:
        if p.style.name != "List Number":
            break
        points.append(p.text)
    assert len(points) >= 3
    assert points[0].startswith("styregruppens anbefaling af en portefølje på 5 tiltag")
    assert any(p.startswith("budgetrammerne for digitalisering fastsættes til 2027: "
                            "3.000.000\u00a0kr.; 2028: 2.000.000\u00a0kr.") for p in points)
    assert any("EK-003" in p for p in points)  # the mandatory initiative


def test_titles_print_literally_in_real_tables(agenda):
    text = _all_text(agenda)
    assert TRICKY_TITLE in text
    assert FORMULA_TITLE in text
    assert len(agenda.tables) >= 3  # recommendation, budget table, financing


def _budget_table(d):
    return next(t for t in d.tables if t.rows[0].cells[0].text.startswith("1.000\u00a0kr."))


def test_budget_table_years_and_sums(agenda, portfolio):
    table = _budget_table(agenda)
    header = [c.text for c in table.rows[0].cells]
    # the prices named as in the PDF's budget table (economics.PriceBasis.phrase)
    assert header == ["1.000\u00a0kr., 2026-priser", "2027", "2028", "2029", "2030", "I alt"]
    rows = {r.cells[0].text: [parse_number(c.text) for c in r.cells[1:]]
            for r in table.rows[1:]}
    for label, values in rows.items():
        assert abs(sum(values[:-1]) - values[-1]) <= 2, label  # rounding to 1.000 kr.
    net = rows["Netto i alt"]
    parts = [v for k, v in rows.items() if k != "Netto i alt"]
    for col in range(5):
        assert abs(sum(p[col] for p in parts) - net[col]) <= 2
    # independent check of the figures against the business-case lines of the selection
    with open_portfolio(portfolio, readonly=True) as pf, pf.read() as s:
        c = gather(s)
    selected = set(c.recommendation.selected)
    capital = defaultdict(float)
    savings = defaultdict(float)
    for ln in c.dump.lines:
        if ln.initiative_id in selected and ln.cash:
            if ln.flow == "cost" and ln.line_type == "anlaeg":
                capital[ln.budget_year] += ln.amount
            elif ln.flow == "benefit":
                savings[ln.budget_year] -= ln.amount
    assert rows["Anlægsudgifter"][:4] == [round(capital[y] / 1000) for y in range(2027, 2031)]
    assert rows["Budgetrealiserbare gevinster (mindreudgifter)"][:4] == [
        round(savings[y] / 1000) for y in range(2027, 2031)]
    assert all(v <= 0 for v in rows["Budgetrealiserbare gevinster (mindreudgifter)"])


def test_public_agenda_item_leaves_confidential_titles_out(portfolio, tmp_path):
    set_language("da")
    out = tmp_path / "offentlig.docx"
    export(portfolio, "docx", out, public=True)
    text = _all_text(docx.Document(str(out)))
    assert CONFIDENTIAL_TITLE not in text and "EK-005" not in text
    assert TRICKY_TITLE in text


def test_without_budget_the_agenda_item_says_so(tmp_path):
    set_language("da")
    pf = build_portfolio(tmp_path / "p.portfolio", with_budget=False)
    out = tmp_path / "d.docx"
    export(pf, "docx", out)
    text = _all_text(docx.Document(str(out)))
    assert "Der er ikke beregnet en anbefaling" in text
    assert "rangordningen af porteføljens tiltag tages til efterretning," in text
    assert "Sagsfremstilling" in text and "Økonomi" in text
    assert "En anbefalet portefølje beregnes, når scenariet har budgetrammer" in text
    assert "Sådan er tiltagene rangordnet" in text
    assert "Sådan er anbefalingen fundet" not in text
    assert "rangordning, figurer og metode (PDF)" in text
    assert "styregruppens anbefaling (PDF)" not in text


def test_budget_columns_hold_the_widest_amount_and_word():
    """Amounts in mio. for a large portfolio (the GMPP: "-257.628,3" in seven columns)
    and "Finansieringskilde" break in neither Word nor LibreOffice's DejaVu fallback:
    the columns are as wide as their widest text, in smaller type if needed, and the
    table is as wide as the page's text."""
    from app.services.charts.labels import text_size
    from app.services.exports.docx_agenda import BODY_CM, CELL_PAD_CM, _budget_widths

    header = ["Finansieringskilde", "2027", "2028", "2029", "2030", "Øvrige år", "I alt"]
    rows = [["Budgetrealiserbare gevinster (mindreudgifter)", "0,0", "0,0", "0,0", "0,0",
             "-729.446,3", "-729.446,3"], ["Netto i alt", *["-257.628,3"] * 6]]
    widths, size = _budget_widths(header, rows)
    assert sum(widths) == pytest.approx(BODY_CM)
    assert size.pt < 9  # the amounts need smaller type here

    def cm(text):
        return text_size(text, size.pt, bold=True)[0] / 28.35 + CELL_PAD_CM

    assert all(w >= cm("-729.446,3") - 1e-9 for w in widths[1:])
    assert widths[0] >= cm("Finansieringskilde") - 1e-9
    small, size9 = _budget_widths(["1.000 kr.", "2027", "I alt"], [["Anlæg", "310", "1.580"]])
    assert size9.pt == 9 and small[1] == pytest.approx(11.4 / 2)


def test_every_recommended_initiative_is_in_the_agenda_item(agenda, portfolio):
    """The recommendation table names each recommended initiative with its exact title
    (the markup, European letters and formula-looking title included), in rank order."""
    with open_portfolio(portfolio, readonly=True) as pf, pf.read() as s:
        c = gather(s)
    ranks = {r.id: r.rank for r in c.ranking}
    want = sorted(c.recommendation.selected, key=ranks.__getitem__)
    table = next(t for t in agenda.tables if t.rows[0].cells[1].text == "Tiltag"
                 and t.rows[0].cells[3].text == "Grundlag")
    got = [r.cells[1].text for r in table.rows[1:]]
    assert got == [f"{i} {c.initiatives[i].title}" for i in want]
    assert len(want) == 5 and "EK-001" in want  # the tricky title is recommended
