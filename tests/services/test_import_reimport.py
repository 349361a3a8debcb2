"""Re-import updates by id (DESIGN §9): imported fields and lines replaced, what was added
in the application kept; a source in another currency is refused, the file untouched."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import (
    Assessment,
    AuditEntry,
    BudgetFrame,
    Criterion,
    Decision,
    Dependency,
    FieldNote,
    Initiative,
    PortfolioSettings,
    Scenario,
)
from app.services.importing import ImportRefused, import_source
from app.services.importing.report import summary_lines
from app.services.store import create_portfolio, open_portfolio

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "import"
MAPPING = {"missing": ["Ikke oplyst*"], "columns": {
    "id": {"field": "id"}, "title": {"field": "title"}, "cost": {"field": "total_cost"},
    "risk": {"field": "score:risk", "values": {"Høj": 4, "Lav": 1}},
    "requires": {"field": "requires"}}}


def _write(path: Path, rows: list[str]) -> Path:
    path.write_text("id;title;cost;risk;requires\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_reimport_replaces_imported_fields_and_keeps_app_additions(tmp_path, portfolio_path):
    src = _write(tmp_path / "a.csv", ["A;Første version;1000;Høj;", "B;Anden;2000;Lav;A"])
    import_source(portfolio_path, src, mapping=MAPPING)
    with open_portfolio(portfolio_path) as pf, pf.session(context="edit") as s:
        crit = {c.key: c.id for c in s.scalars(select(Criterion))}
        a = s.get(Initiative, "A")
        a.assessments.append(Assessment(criterion_id=crit["citizen_value"], assessor="agreed", value=3))
        a.assessments.append(Assessment(criterion_id=crit["risk"], assessor="proposer", value=0))
        a.description = "Skrevet i programmet"
        s.add(Decision(initiative_id="A", outcome="approved", forum="steering_group",
                       decided_on=date(2027, 1, 15), reason="Godkendt"))
    src2 = _write(tmp_path / "a.csv", ["A;Anden version;1500;Ikke oplyst (fortroligt);", "B;Anden;2000;Lav;",
                                       "C;Ny;;Lav;B"])
    result = import_source(portfolio_path, src2, mapping=MAPPING)
    assert result.plan.updated_ids == ["A", "B"] and result.plan.new_ids == ["C"]
    with open_portfolio(portfolio_path, readonly=True) as pf, pf.read() as s:
        a = s.get(Initiative, "A")
        assert a.title == "Anden version"
        assert [(ln.flow, ln.amount) for ln in a.lines] == [("cost", 1500)]
        assert a.description == "Skrevet i programmet"  # not a mapped field
        got = {(s.get(Criterion, x.criterion_id).key, x.assessor): x.value for x in a.assessments}
        # the imported agreed risk score is gone (now withheld), the app's scores stay
        assert got == {("citizen_value", "agreed"): 3, ("risk", "proposer"): 0}
        assert [n.text for n in a.notes] == ["Ikke oplyst (fortroligt)"]
        assert len(s.scalars(select(Decision)).all()) == 1
        deps = s.execute(select(Dependency.initiative_id, Dependency.requires_id)).all()
        assert sorted(deps) == [("C", "B")]


def test_reimport_cycle_with_existing_dependencies_is_refused(tmp_path, portfolio_path):
    import_source(portfolio_path, _write(tmp_path / "a.csv", ["A;A;;;", "B;B;;;A"]), mapping=MAPPING)
    before = portfolio_path.read_bytes()
    m2 = {"columns": {"id": {"field": "id"}, "requires": {"field": "requires"}}}
    (tmp_path / "b.csv").write_text("id;requires\nA;B\n", encoding="utf-8")
    with pytest.raises(ImportRefused) as info:
        import_source(portfolio_path, tmp_path / "b.csv", mapping=m2)
    # each initiative of the cycle named with its row, or as one the portfolio holds
    a, b = "A (række 2)", "B (i porteføljen)"
    text = " ".join(info.value.problems).replace("row", "række").replace(
        "in the portfolio", "i porteføljen")
    assert f"{a} → {b} → A" in text or f"{b} → {a} → B" in text, info.value.problems
    assert portfolio_path.read_bytes() == before


def test_currency_mismatch_is_refused_and_the_file_is_byte_identical(tmp_path, portfolio_path):
    import_source(portfolio_path, _write(tmp_path / "a.csv", ["A;A;100;;"]), mapping=MAPPING)
    with open_portfolio(portfolio_path, readonly=True) as pf, pf.read() as s:
        assert s.get(PortfolioSettings, 1).currency == "DKK"  # and it holds an amount
    before = portfolio_path.read_bytes()
    with pytest.raises(ImportRefused) as info:
        import_source(portfolio_path, FIX / "currency_gbp.csv", mapping={
            "currency": "GBP", "columns": {"id": "id", "title": "title", "cost": "total_cost"}})
    assert "GBP" in str(info.value.problems) and "DKK" in str(info.value.problems)
    assert portfolio_path.read_bytes() == before


@pytest.mark.parametrize("frame", [False, True])
def test_a_portfolio_without_amounts_takes_the_currency_of_the_source(portfolio_path, frame):
    """A new portfolio (as File → New makes it, in DKK) holding no amount yet: importing
    a source in GBP gives it GBP; a budget frame in DKK is an amount, so then it is refused."""
    create_portfolio(portfolio_path, currency="DKK").close()
    if frame:
        with open_portfolio(portfolio_path) as pf, pf.session() as s:
            scenario = Scenario(name="Budget")
            scenario.frames.append(BudgetFrame(amount=1000.0))
            s.add(scenario)
        with pytest.raises(ImportRefused):
            import_source(portfolio_path, FIX / "currency_gbp.csv", mapping={
                "currency": "GBP", "columns": {"id": "id", "title": "title",
                                               "cost": "total_cost"}})
        return
    result = import_source(portfolio_path, FIX / "currency_gbp.csv", mapping={
        "currency": "GBP", "columns": {"id": "id", "title": "title", "cost": "total_cost"}})
    assert "DKK → GBP" in "\n".join(summary_lines(result.plan, result.table, dry_run=False))
    with open_portfolio(portfolio_path, readonly=True) as pf, pf.read() as s:
        assert s.get(PortfolioSettings, 1).currency == "GBP"
        assert s.scalars(select(Initiative)).all()
        entries = [e for e in s.scalars(select(AuditEntry)) if e.field == "currency"]
        assert [(e.old_value, e.new_value) for e in entries] == [("DKK", "GBP")]


def test_update_only_source_needs_no_title(tmp_path, portfolio_path):
    import_source(portfolio_path, _write(tmp_path / "a.csv", ["A;A;;;"]), mapping=MAPPING)
    (tmp_path / "s.csv").write_text("id;risk\nA;Høj\n", encoding="utf-8")
    import_source(portfolio_path, tmp_path / "s.csv", mapping={"columns": {
        "id": "id", "risk": {"field": "score:risk", "values": {"Høj": 4}}}})
    with open_portfolio(portfolio_path, readonly=True) as pf, pf.read() as s:
        a = s.get(Initiative, "A")
        assert a.title == "A" and [x.value for x in a.assessments] == [4]
        assert s.scalars(select(FieldNote)).all() == []


def test_a_total_replacing_yearly_lines_is_warned_about(tmp_path, portfolio_path):
    """A re-import that gives only a total for an initiative whose cost lines are split by
    budget year says so (the yearly frames no longer see it); yearly lines in the source,
    or an initiative without yearly lines, give no such warning."""
    (tmp_path / "y.csv").write_text("id;title;c27;c28\nA;A;100;200\nB;B;;\n", encoding="utf-8")
    import_source(portfolio_path, tmp_path / "y.csv", mapping={"columns": {
        "id": "id", "title": "title", "c27": "cost:2027", "c28": "cost:2028"}})
    (tmp_path / "t.csv").write_text("id;cost\nA;300\nB;50\n", encoding="utf-8")
    total_only = {"columns": {"id": "id", "cost": "total_cost"}}
    result = import_source(portfolio_path, tmp_path / "t.csv", mapping=total_only,
                           dry_run=True)
    warnings = [(r.id, p.message) for r in result.plan.records for p in r.problems
                if p.severity == "warning"]
    assert [w[0] for w in warnings] == ["A"] and "A:" in warnings[0][1]
    (tmp_path / "b.csv").write_text("id;cost\nA;\n", encoding="utf-8")
    result = import_source(portfolio_path, tmp_path / "b.csv", mapping=total_only,
                           dry_run=True)
    [(rid, message)] = [(r.id, p.message) for r in result.plan.records for p in r.problems]
    assert rid == "A" and "A:" in message and message != warnings[0][1]
    (tmp_path / "u.csv").write_text("id;c27\nA;300\n", encoding="utf-8")
    result = import_source(portfolio_path, tmp_path / "u.csv", dry_run=True,
                           mapping={"columns": {"id": "id", "c27": "cost:2027"}})
    assert not [p for r in result.plan.records for p in r.problems]
