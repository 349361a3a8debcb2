"""A public output leaves a confidential initiative out of every figure, not only out of
the lists: the demo's recommendation with one of its selected initiatives made
confidential. The public bilag used to say "25 tiltag med en samlet udgift på …" with the
hidden initiative's cost inside the total."""

from __future__ import annotations

import docx
import pytest
from sqlalchemy import select

from app.models import Initiative
from app.services.demo import create_demo
from app.services.exports import export
from app.services.exports.content import gather
from app.services.exports.fmt import money
from app.services.formatting import format_amount
from app.services.i18n import set_language
from app.services.store import open_portfolio
from tests.services.test_export_support import text_of_pdf


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("public") / "demo.portfolio"
    create_demo(path)
    with open_portfolio(path, readonly=True) as pf, pf.read() as s:
        full = gather(s)
    # the most expensive selected initiative that is not mandatory becomes confidential
    rows = [full.initiatives[i] for i in full.recommendation.selected]
    secret = max((r for r in rows if not r.mandatory), key=lambda r: r.total_cost or 0.0)
    with open_portfolio(path) as pf, pf.session(context="test") as s:
        s.get(Initiative, secret.id).confidential = True
    with open_portfolio(path, readonly=True) as pf, pf.read() as s:
        assert s.scalar(select(Initiative.confidential).where(Initiative.id == secret.id))
        full, public = gather(s), gather(s, public=True)
    return path, secret, full, public


def test_public_figures_leave_the_confidential_initiative_out(demo):
    _path, secret, full, public = demo
    cost = secret.total_cost
    assert cost and cost > 0
    f, p = full.recommendation, public.recommendation
    assert secret.id in f.selected and secret.id not in p.selected
    assert p.hidden_selected == 1
    assert p.total_cost == pytest.approx(f.total_cost - cost)
    assert p.total_cost == pytest.approx(sum(public.initiatives[i].total_cost or 0.0
                                             for i in p.selected))
    assert p.total_score < f.total_score
    assert p.cost_in_frame < f.cost_in_frame
    assert sum(x.used for x in p.frames) < sum(x.used for x in f.frames)
    assert p.greedy_total_score <= f.greedy_total_score
    # the budget table counts the visible recommended initiatives only
    assert public.budget.initiative_count == full.budget.initiative_count - 1
    f_sum = sum(v for r in full.budget.rows for v in r.values.values())
    p_sum = sum(v for r in public.budget.rows for v in r.values.values())
    assert p_sum != pytest.approx(f_sum)
    assert "value_curve" not in {k for k, _c in public.charts}


def test_public_pdf_and_docx_print_the_visible_total(demo, tmp_path):
    path, secret, full, public = demo
    set_language("da")
    visible = " ".join(format_amount(public.recommendation.total_cost, public.currency).split())
    whole = " ".join(format_amount(full.recommendation.total_cost, full.currency).split())
    n = len(public.recommendation.selected)
    pdf = tmp_path / "offentlig.pdf"
    export(path, "pdf", pdf, public=True)
    text = " ".join(" ".join(text_of_pdf(pdf)).split())
    assert f"{n} tiltag med en samlet udgift på {visible}" in text
    assert whole not in text
    assert secret.id not in text
    out = tmp_path / "offentlig.docx"
    export(path, "docx", out, public=True)
    doc = docx.Document(str(out))
    words = " ".join(p.text for p in doc.paragraphs)
    words += " ".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    words = " ".join(words.split())
    assert visible in words and whole not in words
    assert secret.id not in words
    # the budget table's total of the public outputs leaves the hidden cost out too
    assert money(full.recommendation.total_cost, full.money_scale) not in words
    # and the note under it says so, never that the totals include what is hidden
    for out_text in (text, words):
        assert "omfatter fortrolige" not in out_text
        assert "udeladt af denne version: af listerne og af alle tal, også totalerne" in out_text


def test_bilag_states_the_npv_price_of_mandatory_in_kr(tmp_path):
    """With the NNV objective the price of the mandatory initiatives is an amount (it was
    printed as score points, ×100)."""
    from app.models import Scenario

    path = tmp_path / "npv.portfolio"
    create_demo(path)
    with open_portfolio(path) as pf, pf.session(context="test") as s:
        for sc in s.scalars(select(Scenario)):
            sc.objective = "npv"
    with open_portfolio(path, readonly=True) as pf, pf.read() as s:
        price = gather(s).recommendation.price_of_mandatory
    assert price > 0
    set_language("da")
    out = tmp_path / "bilag.pdf"
    export(path, "pdf", out)
    text = " ".join(" ".join(text_of_pdf(out)).split())
    amount = " ".join(format_amount(price, "DKK").split())
    assert f"mister {amount} i nettonutidsværdi" in text, text[:3000]
