"""Every portfolio opened records its changes, however many were opened and closed before.

Regression: the audit and conflict listeners were attached only if
``sqlalchemy.event.contains`` said they were missing. That registry is keyed by the
``id()`` of the factory and outlives it, so a new factory at a recycled address was
taken to have them already, and the portfolio silently kept no audit log.
"""

from __future__ import annotations

import gc

from sqlalchemy.orm import sessionmaker

from app.models import AuditEntry, Initiative
from app.services import audit, conflicts
from app.services.store import create_portfolio, open_portfolio


def test_a_new_factory_gets_the_listeners_even_at_a_recycled_address():
    attached = 0
    for _ in range(30):
        factory = sessionmaker()
        audit.install(factory)
        conflicts.install(factory)
        with factory() as session:
            attached += session.dispatch.after_flush.__len__() >= 1
        del factory, session
        gc.collect()
    assert attached == 30


def test_installing_twice_attaches_once():
    factory = sessionmaker()
    audit.install(factory)
    audit.install(factory)
    with factory() as session:
        assert len(session.dispatch.after_flush) == 1


def test_each_reopened_portfolio_keeps_an_audit_log(tmp_path):
    path = tmp_path / "p.portfolio"
    create_portfolio(path, municipality="Testkommune").close()
    for n in range(10):
        pf = open_portfolio(path)
        with pf.session() as s:
            s.add(Initiative(id=f"EK-{n:03}", title="Ny"))
        with pf.read() as s:
            logged = s.query(AuditEntry).filter_by(initiative_id=f"EK-{n:03}").count()
        pf.close()
        del pf
        gc.collect()
        assert logged == 1, f"opening number {n + 1} kept no audit log"


def test_a_row_removed_from_its_collection_is_logged_once_when_deleted(new_portfolio):
    """delete-orphan rows never reach ``session.deleted``; the audit still records them."""
    from app.models import BusinessCaseLine

    with new_portfolio.session() as s:
        ini = Initiative(id="A-1", title="Ny")
        s.add(ini)
        for year, amount in ((2027, 100.0), (2028, 200.0), (2029, 300.0)):
            ini.lines.append(BusinessCaseLine(flow="cost", budget_year=year,
                                              line_type="anlaeg", amount=amount))
    with new_portfolio.session() as s:
        ini = s.get(Initiative, "A-1")
        ini.lines.remove(next(x for x in ini.lines if x.budget_year == 2027))
    with new_portfolio.session() as s:
        ini = s.get(Initiative, "A-1")
        doomed = next(x for x in ini.lines if x.budget_year == 2028)
        s.delete(doomed)  # explicitly, and also out of the collection
        ini.lines.remove(doomed)
    with new_portfolio.session() as s:
        s.get(Initiative, "A-1").lines = []
    with new_portfolio.read() as s:
        assert s.query(BusinessCaseLine).count() == 0
        deleted = [e.old_value for e in s.query(AuditEntry).filter_by(
            entity="business_case_line", action="delete", initiative_id="A-1")]
    assert len(deleted) == 3
    assert sorted(next(y for y in ("2027", "2028", "2029") if y in d) for d in deleted) == [
        "2027", "2028", "2029"]

