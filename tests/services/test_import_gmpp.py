"""The real UK GMPP 2023 files import with the shipped mappings and give the published
numbers (../shared/data/README.md): 244 initiatives, 21 units, whole-life cost on 193
summing to £471,818.0m, benefits on 110 summing to £729,446.31m (one negative), delivery
confidence as the risk assessment, withheld values missing with the reason kept."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Assessment, Criterion, FieldNote, Initiative, OrgUnit, PortfolioSettings
from app.services.importing import import_source
from app.services.snapshots import load_initiatives
from app.services.store import open_portfolio

ROOT = Path(__file__).resolve().parents[2]
MAPPINGS = ROOT / "resources" / "mappings"


@pytest.fixture(scope="module", params=["slim", "full"])
def gmpp(request, tmp_path_factory):
    data = Path(__file__).resolve().parents[3] / "shared" / "data"
    if not data.is_dir():
        data = Path("/work/shared/data")
    if not data.is_dir():
        pytest.skip("../shared/data not present")
    target = tmp_path_factory.mktemp(request.param) / "gmpp.portfolio"
    import_source(target, data / f"uk_gmpp_2023_{request.param}.csv",
                  mapping=MAPPINGS / f"uk_gmpp_{request.param}.json")
    return request.param, target


def test_counts_and_sums(gmpp):
    _kind, target = gmpp
    with open_portfolio(target, readonly=True) as pf, pf.read() as s:
        rows = load_initiatives(s)
        assert s.get(PortfolioSettings, 1).currency == "GBP"
        assert len(s.scalars(select(OrgUnit)).all()) == 21
    assert len(rows) == 244 and len({r.id for r in rows}) == 244
    costs = [r.total_cost for r in rows if r.total_cost is not None]
    benefits = [r.total_benefit for r in rows if r.total_benefit is not None]
    assert len(costs) == 193 and sum(costs) == pytest.approx(471_818_000_000, abs=1)
    assert len(benefits) == 110 and sum(benefits) == pytest.approx(729_446_310_000, abs=1)
    assert min(benefits) == pytest.approx(-30_690_000)
    by_unit = Counter(r.lead_department for r in rows)
    assert (by_unit["MOD"], by_unit["MOJ"], by_unit["DFT"]) == (52, 27, 23)
    dreadnought = max(rows, key=lambda r: r.total_cost or 0)
    assert "DREADNOUGHT" in dreadnought.title.upper() and dreadnought.total_cost == 33_989e6
    assert sum(r.start_date is None for r in rows) == 7
    assert sum(r.end_date is None for r in rows) == 30


def test_delivery_confidence_is_the_risk_assessment(gmpp):
    _kind, target = gmpp
    with open_portfolio(target, readonly=True) as pf, pf.read() as s:
        risk = s.scalar(select(Criterion).where(Criterion.key == "risk"))
        values = Counter(s.scalars(select(Assessment.value).where(
            Assessment.criterion_id == risk.id, Assessment.assessor == "agreed")))
    # Red 4 (meget stor risiko), Amber 2 (middel), Green 1 (lille): see the mapping
    assert values == {2.0: 183, 1.0: 26, 4.0: 23}


def test_withheld_values_are_missing_with_their_reason(gmpp):
    kind, target = gmpp
    with open_portfolio(target, readonly=True) as pf, pf.read() as s:
        notes = s.execute(select(FieldNote.initiative_id, FieldNote.field, FieldNote.text)).all()
        cost_notes = {i for i, f, _t in notes if f == "total_cost"}
        lines = {i.id: i.lines for i in s.scalars(select(Initiative))}
    # the note on the price base every row with an amount gets is no withheld value
    notes = [(i, f, t) for i, f, t in notes if f != "price_base_year"]
    withheld_rows = {i for i, _f, _t in notes}
    assert len(withheld_rows) == (59 if kind == "slim" else 58)  # full: 1 row withholds only unmapped columns
    assert all(t.startswith(("Exempt under", "Early planning")) for _i, _f, t in notes
               if _f != "description")
    assert len(cost_notes) == 49
    assert all(not [ln for ln in lines[i] if ln.flow == "cost"] for i in cost_notes)
    risk_notes = {i for i, f, _t in notes if f == "score:Risiko og gennemførlighed"}
    assert len(risk_notes) == 12


def test_whole_life_cost_is_not_drift_and_benefits_are_not_cash(gmpp):
    """A new user's trap: the whole-life cost (no year, no anlæg/drift split) was shown as
    drift and the baseline benefits (cashable, non-cash and societal mixed) as
    budget-realisable savings, under "2026-priser". The mappings type neither, so the
    budget shows the cost apart ("not split"), no savings, and no price base year."""
    from app.services import economics

    _kind, target = gmpp
    with open_portfolio(target, readonly=True) as pf, pf.read() as s:
        lines = s.scalars(select(Initiative)).all()
        types = Counter((ln.flow, ln.line_type, ln.benefit_kind) for i in lines for ln in i.lines)
        table = economics.portfolio_budget(s)
        basis = economics.price_basis(s, [i.id for i in lines])
    assert types == {("cost", economics.UNSPLIT, None): 193, ("benefit", "drift", None): 110}
    assert table.rows["drift"]["total"] == 0 and table.rows["anlaeg"]["total"] == 0
    assert table.rows["unsplit"]["total"] == pytest.approx(471_818_000_000, abs=1)
    assert table.rows["savings"]["total"] == 0
    assert table.rows["net"]["total"] == pytest.approx(471_818_000_000, abs=1)
    assert table.rows["unknown_benefit"]["total"] == pytest.approx(729_446_310_000, abs=1)
    # every initiative with an amount is marked: the source states no price base
    assert basis.unstated == len({i.id for i in lines if i.lines}) and basis.unstated > 193
    assert "2026" not in basis.phrase() and str(basis.year) not in basis.phrase()
