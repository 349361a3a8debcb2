"""Import into a portfolio file and into a PostgreSQL database (skipped locally without
PRIORITISE_TEST_PG_URL): created when it does not exist, updated by id, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services.importing import ImportRefused, import_source
from app.services.snapshots import load_initiatives
from app.services.store import open_portfolio

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "import"
MAPPING = {"decimal": ",", "columns": {"Id": "id", "Titel": "title",
                                       "Forvaltning": "lead_department", "Udgift": "total_cost"}}


def _rows(target):
    with open_portfolio(target, readonly=True) as pf, pf.read() as s:
        return {r.id: (r.title, r.lead_department, r.total_cost) for r in load_initiatives(s)}


def test_import_creates_updates_and_refuses_on_both_backends(backend_target):
    result = import_source(backend_target, FIX / "cp1252_semicolon_danish.csv", mapping=MAPPING)
    assert result.created
    assert _rows(backend_target)["K-1"] == ("Selvbetjening på byggesager", "Teknik og Miljø", 1234567.5)
    again = import_source(backend_target, FIX / "cp1252_semicolon_danish.csv", mapping=MAPPING)
    assert not again.created and again.plan.updated_ids == ["K-1", "K-2"]
    before = _rows(backend_target)
    with pytest.raises(ImportRefused):
        import_source(backend_target, FIX / "duplicate_id.csv",
                      mapping={"columns": {"id": "id", "title": "title"}})
    assert _rows(backend_target) == before
