"""Any cell text is either imported or refused with problems — never an internal error
(DESIGN §9: every input is accepted or refused with a message saying what and where)."""

from __future__ import annotations

import csv

from hypothesis import given, settings
from hypothesis import strategies as st

from app.services.errors import UserError
from app.services.importing import import_source

MAPPING = {"missing": ["Exempt*"], "columns": {
    "id": "id", "title": "title", "cost": "total_cost", "benefit": "benefit:2027",
    "start": "start_date", "phase": "phase", "mandatory": "mandatory",
    "risk": {"field": "score:risk", "values": {"Red": 4}}, "requires": {"field": "requires", "split": ";"},
    "units": {"field": "departments", "split": ","}}}
cells = st.one_of(st.text(max_size=12), st.sampled_from(
    ["", "0", "-1", "1.500", "2,5", "1.234,56", "31-02-2027", "2027-01-31", "46388", "Red",
     "Exempt under s. 43", "=SUM(A1)", "ja", "Idé", "A", "B"]))


@settings(max_examples=30, deadline=None)
@given(rows=st.lists(st.lists(cells, min_size=10, max_size=10), min_size=1, max_size=4))
def test_random_cells_are_imported_or_refused(tmp_path_factory, rows):
    folder = tmp_path_factory.mktemp("fuzz")
    src = folder / "src.csv"
    with src.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(list(MAPPING["columns"]))
        w.writerows(rows)
    try:
        result = import_source(folder / "p.portfolio", src, mapping=MAPPING, dry_run=True)
    except UserError as exc:
        assert str(exc)
        for problem in getattr(exc, "problems", []):
            assert "\n" not in problem
    else:
        assert result.plan.ok
    assert not (folder / "p.portfolio").exists()
