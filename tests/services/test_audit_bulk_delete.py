"""Audit of rows deleted by an ORM bulk DELETE statement (issue 8: every change with who,
when, what, old and new value). Such a statement never passes through a flush, so the
after-flush listener alone missed them: re-importing an own export replaced every line,
assessment, note and dependency of its initiatives without a trace of the old values."""

from __future__ import annotations

from sqlalchemy import delete, select

from app.models import AuditEntry, BusinessCaseLine, Initiative
from app.services.store import create_portfolio, open_portfolio


def _portfolio(target):
    with create_portfolio(target, municipality="Testkommune") as pf, pf.session() as s:
        s.add(Initiative(id="A-1", title="Digital post"))
        s.add(Initiative(id="B-2", title="Selvbetjening"))
        s.flush()
        for iid, amount in (("A-1", 1000.0), ("A-1", 2500.5), ("B-2", 700.0)):
            s.add(BusinessCaseLine(initiative_id=iid, flow="cost", budget_year=2027,
                                   line_type="anlaeg", amount=amount))
    return target


def _deletes(s, entity: str) -> list[AuditEntry]:
    return list(s.scalars(select(AuditEntry).where(
        AuditEntry.action == "delete", AuditEntry.entity == entity).order_by(AuditEntry.id)))


def test_a_bulk_delete_logs_each_deleted_row_with_its_old_values(backend_target):
    target = _portfolio(backend_target)
    with open_portfolio(target) as pf:
        pf.user = "ole"
        with pf.session(context="erstat linjer") as s:
            s.execute(delete(BusinessCaseLine).where(BusinessCaseLine.initiative_id == "A-1"))
        with pf.read() as s:
            logged = _deletes(s, "business_case_line")
            assert [(e.user, e.context, e.initiative_id) for e in logged] == [
                ("ole", "erstat linjer", "A-1")] * 2
            assert sorted("'amount': '1000.0'" in e.old_value or "'amount': '2500.5'"
                          in e.old_value for e in logged) == [True, True]
            assert all(e.new_value is None and e.entity_id for e in logged)
            kept = s.scalars(select(BusinessCaseLine.initiative_id)).all()
            assert kept == ["B-2"]  # the statement's own rows, no other


def test_a_rolled_back_bulk_delete_leaves_no_entry(backend_target):
    target = _portfolio(backend_target)
    with open_portfolio(target) as pf:
        try:
            with pf.session() as s:
                s.execute(delete(BusinessCaseLine))
                raise RuntimeError("afbrudt")
        except RuntimeError:
            pass
        with pf.read() as s:
            assert _deletes(s, "business_case_line") == []
            assert len(s.scalars(select(BusinessCaseLine)).all()) == 3


def test_reimporting_an_own_export_logs_the_replaced_lines_old_values(tmp_path):
    from app.services.exports import export
    from app.services.importing import import_source

    path = _portfolio(tmp_path / "Portefølje.portfolio")
    out = export(path, "xlsx", tmp_path / "eksport.xlsx")
    with open_portfolio(path) as pf, pf.session(context="rettelse") as s:
        line = s.scalars(select(BusinessCaseLine).where(
            BusinessCaseLine.amount == 2500.5)).one()
        line.amount = 9999.0  # changed after the export; the re-import replaces it
    import_source(path, out)
    with open_portfolio(path, readonly=True) as pf, pf.read() as s:
        gone = [e for e in _deletes(s, "business_case_line") if "9999.0" in e.old_value]
        assert len(gone) == 1 and gone[0].initiative_id == "A-1"
        assert s.scalars(select(BusinessCaseLine.amount).where(
            BusinessCaseLine.initiative_id == "A-1")).all() == [1000.0, 2500.5]
