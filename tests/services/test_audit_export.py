"""The audit log in the XLSX export (issue 8): every change with who, when, what, old and
new value is a row of the "Log" sheet, the deletion of a row included."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from openpyxl import load_workbook

from app.models import Initiative
from app.services.exports import export
from app.services.i18n import set_language
from app.services.store import create_portfolio, open_portfolio


def _utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def test_the_xlsx_log_sheet_holds_who_when_what_old_and_new(tmp_path):
    set_language("da")
    path = tmp_path / "Portefølje.portfolio"
    with create_portfolio(path, municipality="Testkommune") as pf, pf.session() as s:
        s.add(Initiative(id="A-1", title="Gammel titel"))
        s.add(Initiative(id="B-2", title="Bliver slettet"))
    start = _utc_now() - timedelta(seconds=5)
    with open_portfolio(path) as pf:
        pf.user = "kåre.ølgaard"
        with pf.session(context="rettelse") as s:
            s.get(Initiative, "A-1").title = "Ny & <bedre> titel"
        with pf.session(context="oprydning") as s:
            s.delete(s.get(Initiative, "B-2"))
    sheet = load_workbook(export(path, "xlsx", tmp_path / "eksport.xlsx"))["Log"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    assert header == ("Tidspunkt (UTC)", "Bruger", "Handling", "Tabel", "Række", "Tiltag (id)",
                      "Felt", "Gammel værdi", "Ny værdi", "Sammenhæng")
    entries = [dict(zip(header, r)) for r in rows[1:]]
    changed = [e for e in entries if e["Felt"] == "title" and e["Tiltag (id)"] == "A-1"]
    assert len(changed) == 1
    assert (changed[0]["Bruger"], changed[0]["Handling"], changed[0]["Gammel værdi"],
            changed[0]["Ny værdi"], changed[0]["Sammenhæng"]) == (
        "kåre.ølgaard", "Ændret", "Gammel titel", "Ny & <bedre> titel", "rettelse")
    assert isinstance(changed[0]["Tidspunkt (UTC)"], datetime)
    assert start <= changed[0]["Tidspunkt (UTC)"] <= _utc_now() + timedelta(seconds=5)
    deleted = [e for e in entries if e["Handling"] == "Slettet" and e["Tiltag (id)"] == "B-2"]
    assert len(deleted) == 1 and deleted[0]["Bruger"] == "kåre.ølgaard"
    assert "Bliver slettet" in deleted[0]["Gammel værdi"] and deleted[0]["Ny værdi"] is None
