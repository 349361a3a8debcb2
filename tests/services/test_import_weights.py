"""A mapping's ``weights`` put the draft weights of a portfolio the import creates on the
criteria the source supports, so its ranking is complete (issue 4: the GMPP ranks on the
criteria its data support)."""

from __future__ import annotations

import json

import pytest

from app.services.importing.mapping import MappingError, parse_mapping
from app.services.importing.service import import_source
from app.services.scoring import rank
from app.services.store import open_portfolio


def test_weights_must_be_percentages_summing_to_100():
    with pytest.raises(MappingError) as refused:
        parse_mapping({"columns": {"a": "id"}, "weights": {"Risiko og gennemførlighed": 60}})
    assert any("100" in p for p in refused.value.problems)
    with pytest.raises(MappingError):
        parse_mapping({"columns": {"a": "id"}, "weights": {"Risiko": -5}})


def test_an_unknown_criterion_in_weights_refuses_the_import_and_leaves_no_file(tmp_path):
    source = tmp_path / "kilde.csv"
    source.write_text("id,title\nA-1,Ét\n", encoding="utf-8")
    target = tmp_path / "ny.portfolio"
    mapping = {"columns": {"id": "id", "title": "title"}, "weights": {"Findes ikke": 100}}
    with pytest.raises(MappingError, match="Findes ikke"):
        import_source(target, source, mapping=mapping)
    assert not target.exists()


def test_gmpp_import_ranks_on_delivery_confidence_and_is_complete(tmp_path, shared_data):
    root = __import__("pathlib").Path(__file__).resolve().parents[2]
    target = tmp_path / "gmpp.portfolio"
    import_source(target, shared_data / "uk_gmpp_2023_slim.csv",
                  mapping=root / "resources" / "mappings" / "uk_gmpp_slim.json")
    mapping = json.loads((root / "resources/mappings/uk_gmpp_slim.json").read_text("utf-8"))
    assert mapping["weights"] == {"Risiko og gennemførlighed": 100}
    with open_portfolio(target, readonly=True) as pf, pf.read() as s:
        ranking = rank(s)
    rows = ranking.rows
    assert len(rows) == 244
    # 12 projects have their delivery confidence withheld: those alone are incomplete
    assert sum(not r.complete for r in rows) == 12
    green = [r for r in rows if r.complete and r.score == pytest.approx(0.75)]
    red = [r for r in rows if r.complete and r.score == pytest.approx(0.0)]
    assert len(green) == 26 and len(red) == 23
