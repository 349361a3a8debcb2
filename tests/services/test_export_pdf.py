"""The PDF bilag read back: titles, Danish headings, literal markup characters and
European letters, page numbers, confidential initiatives, no-budget portfolios."""

from __future__ import annotations

import re

import pytest

from app.services.exports import export
from app.services.i18n import set_language
from tests.geometry import segment_hits_box
from tests.services.test_export_support import (
    CONFIDENTIAL_TITLE,
    FORMULA_TITLE,
    INITIATIVES,
    NB_HYPHEN_TITLE,
    TRICKY_TITLE,
    build_portfolio,
    text_of_pdf,
)


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory):
    return build_portfolio(tmp_path_factory.mktemp("pdf") / "Portefølje.portfolio")


@pytest.fixture(scope="module")
def bilag(portfolio, tmp_path_factory):
    set_language("da")
    out = tmp_path_factory.mktemp("out") / "bilag.pdf"
    export(portfolio, "pdf", out, appendix=True)
    return text_of_pdf(out)


def test_every_initiative_title_is_printed(bilag):
    text = " ".join(bilag)
    for row in INITIATIVES:
        assert re.sub(r"\s+", " ", row[1]) in text, row[1]


def test_markup_characters_and_european_letters_print_exactly(bilag):
    text = " ".join(bilag)
    assert TRICKY_TITLE in text
    assert "&amp;" not in text and "&lt;" not in text
    assert FORMULA_TITLE in text
    assert "Łódź" in text and "CO₂" in text and "–" in text


def test_non_breaking_hyphen_prints(bilag):
    text = " ".join(bilag)
    # pdftotext may give the non-breaking hyphen back as itself or as a plain hyphen
    assert NB_HYPHEN_TITLE in text or NB_HYPHEN_TITLE.replace("\u2011", "-") in text


def test_danish_headings_present(bilag):
    text = " ".join(bilag)
    for heading in ("Resumé", "Anbefalet portefølje", "Obligatoriske tiltag", "Økonomi",
                    "Rangordning", "Figurer", "Metode", "Kriterier og vægte",
                    "Tiltagene enkeltvis", "Budgetrammer", "Scoringsvejledninger"):
        assert heading in text, heading
    assert "Ærø Kommune" in bilag[0] and "Digitaliseringsportefølje 2027" in bilag[0]


def test_page_numbers_run_from_one_to_n(bilag):
    n = len(bilag)
    assert n >= 8  # cover, summary … plus one page per initiative
    for k, page in enumerate(bilag, start=1):
        assert f"Side {k} af {n}" in page, (k, page[-200:])


def test_appendix_has_one_page_per_initiative(bilag):
    for iid, title, *_rest in INITIATIVES:
        heads = [p for p in bilag if p.lstrip().startswith("Ærø Kommune") and f"{iid} " in p
                 and "Ansvarlig enhed" in p and "Aftalt vurdering" in p]
        assert heads, iid


def test_public_bilag_leaves_confidential_titles_out(portfolio, tmp_path):
    set_language("da")
    out = tmp_path / "offentlig.pdf"
    export(portfolio, "pdf", out, public=True, appendix=True)
    text = " ".join(text_of_pdf(out))
    assert CONFIDENTIAL_TITLE not in text
    assert "EK-005" not in text
    assert "1 fortroligt tiltag er udeladt" in text
    assert TRICKY_TITLE in text


def test_without_budget_the_bilag_says_no_recommendation(tmp_path):
    set_language("da")
    pf = build_portfolio(tmp_path / "uden budget.portfolio", with_budget=False)
    out = tmp_path / "bilag.pdf"
    export(pf, "pdf", out)
    pages = text_of_pdf(out)
    text = " ".join(pages)
    assert "Der er ikke beregnet en anbefaling" in text
    assert "Rangordning" in text and "Metode" in text and "Figurer" in text
    assert TRICKY_TITLE in text
    assert f"Side {len(pages)} af {len(pages)}" in pages[-1]
    # it never speaks of a recommendation that is not there, and says how to get one
    assert "styregruppens indstilling" not in text
    assert "styregruppens anbefaling" not in pages[0]
    assert "rangordningen af digitaliseringsporteføljen (ingen anbefaling beregnet)" in pages[0]
    assert "En anbefalet portefølje beregnes, når scenariet har budgetrammer" in text
    # the mandatory initiative is named: it is part of any recommendation to come
    rec_page = next(p for p in pages if "Anbefalet portefølje" in p)
    assert "Obligatoriske tiltag • EK-003 Digital post til alle borgere (lovkrav)" in rec_page


def test_with_a_budget_the_bilag_calls_the_recommendation_a_proposal(bilag):
    assert "Anbefalingen er styregruppens indstilling til udvalget, ikke en beslutning." in \
        " ".join(bilag)
    assert "digitaliseringsstyregruppens anbefaling" in bilag[0]
    assert "ingen anbefaling beregnet" not in " ".join(bilag)


def test_english_bilag(portfolio, tmp_path):
    set_language("en")
    try:
        out = tmp_path / "appendix.pdf"
        export(portfolio, "pdf", out)
        text = " ".join(text_of_pdf(out))
    finally:
        set_language("da")
    assert "Summary" in text and "Recommended portfolio" in text and "Page 1 of" in text


def test_the_font_is_embedded(portfolio, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "b.pdf"
    export(portfolio, "pdf", out)
    fonts = set()
    for page in PdfReader(str(out)).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            obj = font.get_object()
            desc = obj.get("/FontDescriptor")
            if desc is None and "/DescendantFonts" in obj:
                desc = obj["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            if desc is not None:
                d = desc.get_object()
                if "/FontFile2" in d:
                    fonts.add(str(obj["/BaseFont"]))
    assert any("DejaVuSans" in f for f in fonts), fonts


def test_method_states_the_consistency_ratio_of_a_pairwise_comparison(tmp_path):
    from sqlalchemy import select

    from app.models import Criterion, PairwiseJudgement, WeightSet
    from app.services.ahp import analyse
    from app.services.store import open_portfolio

    path = build_portfolio(tmp_path / "ahp.portfolio")
    with open_portfolio(path) as pf, pf.session(context="test") as s:
        ws = s.scalars(select(WeightSet)).one()
        a, b, c = (s.scalars(select(Criterion).where(Criterion.key == k)).one().id
                   for k in ("strategic_fit", "citizen_value", "risk"))
        for row, col, value in ((a, b, 3.0), (a, c, 5.0), (b, c, 2.0)):
            s.add(PairwiseJudgement(weight_set_id=ws.id, row_criterion_id=row,
                                    col_criterion_id=col, value=value))
    expected = analyse([[1, 3, 5], [1 / 3, 1, 2], [1 / 5, 1 / 2, 1]]).cr
    set_language("da")
    out = tmp_path / "b.pdf"
    export(path, "pdf", out)
    text = " ".join(text_of_pdf(out))
    from app.services.formatting import format_number

    assert f"CR = {format_number(expected, 3)}" in text
    assert "parvis sammenligning (AHP)" in text


def test_no_text_runs_over_the_page_edges(portfolio, tmp_path):
    """Every word lies inside the A4 page minus a few points (pdftotext -bbox)."""
    import shutil
    import subprocess

    if not shutil.which("pdftotext"):  # pragma: no cover - CI installs poppler-utils
        pytest.skip("pdftotext not installed")
    from sqlalchemy import select

    from app.models import Initiative
    from app.services.store import open_portfolio

    path = build_portfolio(tmp_path / "lang.portfolio")
    with open_portfolio(path) as pf, pf.session(context="test") as s:
        ini = s.scalars(select(Initiative).where(Initiative.id == "EK-002")).one()
        ini.title = "Sammenhængende-borgerrettede-selvbetjeningsløsninger-uden-mellemrum " * 6
        ini.project_owner = "Direktør for Børne- og Ungeforvaltningen og Sundhed og Ældre " * 3
    out = tmp_path / "b.pdf"
    export(path, "pdf", out, appendix=True)
    html = subprocess.run(["pdftotext", "-bbox", str(out), "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")
    width = float(re.search(r'<page width="([\d.]+)"', html).group(1))
    xs = [(float(a), float(b), w) for a, b, w in
          re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)',
                     html)]
    assert xs
    outside = [(w, a, b) for a, b, w in xs if a < 20 or b > width - 20]
    assert not outside, outside[:5]


def test_dependency_edges_in_the_bilag_bend_round_the_ids(tmp_path):
    """The demo's dependency chart as the bilag draws it: laid out for the page (the ids
    at the size they print), and no edge runs through an id or another node's marker —
    a straight line from EK-001 to EK-011 would cross the ids of Beskæftigelse."""
    from reportlab.graphics.shapes import PolyLine, String
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from app.services.demo import create_demo
    from app.services.exports.content import gather
    from app.services.exports.pdf.charts import swimlane_plot, swimlanes
    from app.services.exports.pdf.fonts import register_fonts
    from app.services.store import open_portfolio

    set_language("da")
    register_fonts()
    demo = tmp_path / "demo.portfolio"
    create_demo(demo)
    with open_portfolio(demo, readonly=True) as pf, pf.read() as s:
        chart = dict(gather(s, charts=True).charts)["dependencies"]
    assert (chart.font_px, chart.plot_px) == swimlane_plot(chart)
    assert any(len(e.route) > 2 for e in chart.edges)  # some edge had to bend
    drawing = swimlanes(chart)
    ids = {n.label for n in chart.nodes}
    labels = [g for g in drawing.contents if isinstance(g, String) and g.text in ids]
    lines = [g for g in drawing.contents if isinstance(g, PolyLine)]
    assert len(labels) == len(chart.nodes) and len(lines) == len(chart.edges)
    boxes = [(s.x, s.y - 1, s.x + stringWidth(s.text, s.fontName, s.fontSize),
              s.y + 0.8 * s.fontSize) for s in labels]
    crossing = []
    for line in lines:
        pts = list(zip(line.points[0::2], line.points[1::2]))
        for p, q in zip(pts, pts[1:]):
            crossing += [(line.points, b) for b in boxes if segment_hits_box(p, q, b)]
    assert not crossing, crossing[:3]


def _layout_rows(pdf, first: str, last: str) -> dict[str, list[float]]:
    """The rows of a table in the PDF between the header cell ``first`` and the row
    ``last`` (pdftotext -layout; a row is a label and its numbers in 1.000 kr.)."""
    import shutil
    import subprocess

    from app.services.formatting import parse_number

    if not shutil.which("pdftotext"):  # pragma: no cover - CI installs poppler-utils
        pytest.skip("pdftotext not installed")
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")
    lines = text.replace("\u00a0", " ").splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.strip().startswith(first))
    rows: dict[str, list[float]] = {}
    for ln in lines[start + 1:]:
        m = re.match(r"^\s*(\S.*?)\s{2,}((?:-?[\d.]+\s+){4}-?[\d.]+)\s*$", ln)
        if m:
            rows[m.group(1)] = [parse_number(v) for v in m.group(2).split()]
            if m.group(1) == last:
                return rows
    raise AssertionError(f"no row {last!r} after {first!r}")


def test_the_bilag_budget_table_adds_up_to_the_business_case(portfolio, tmp_path):
    """The Økonomi tables read back from the PDF: each row's total is the sum of its
    years, the net total and the financing total are the sums of their rows, and the
    capital and savings rows are the recommended initiatives' business-case lines."""
    from collections import defaultdict

    from app.services.exports.content import gather
    from app.services.store import open_portfolio

    set_language("da")
    out = export(portfolio, "pdf", tmp_path / "b.pdf")
    # the header names the prices as the text above it and the budget view do
    rows = _layout_rows(out, "1.000 kr., 2026-priser", "Netto i alt")
    fin = _layout_rows(out, "Finansieringskilde, 1.000 kr.", "Udgifter finansieret i alt")
    capital, operating = rows["Anlægsudgifter"], rows["Driftsudgifter (inkl. afledt drift)"]
    savings, net = rows["Budgetrealiserbare gevinster"], rows["Netto i alt"]
    for values in [*rows.values(), *fin.values()]:
        assert abs(sum(values[:4]) - values[4]) <= 2, values  # rounding to 1.000 kr.
    for col in range(5):
        assert abs(capital[col] + operating[col] + savings[col] - net[col]) <= 2
        parts = [v[col] for k, v in fin.items() if k != "Udgifter finansieret i alt"]
        assert abs(sum(parts) - fin["Udgifter finansieret i alt"][col]) <= 2
        assert abs(capital[col] + operating[col] - fin["Udgifter finansieret i alt"][col]) <= 2
    with open_portfolio(portfolio, readonly=True) as pf, pf.read() as s:
        c = gather(s)
    selected = set(c.recommendation.selected)
    want_capital, want_savings = defaultdict(float), defaultdict(float)
    for ini in INITIATIVES:
        if ini[0] in selected:
            for year, (anlaeg, _drift) in ini[6].items():
                want_capital[year] += anlaeg
            want_savings[2028] -= ini[7]
    assert capital[:4] == [round(want_capital[y] / 1000) for y in range(2027, 2031)]
    assert savings[:4] == [round(want_savings[y] / 1000) for y in range(2027, 2031)]
    assert fin["Digitaliseringspuljen"] == capital  # the fixture finances anlæg from it
