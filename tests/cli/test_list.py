"""``prioritise list`` follows the JSON contract of DESIGN §6 and never writes."""

from __future__ import annotations

import json

from app.models import BusinessCaseLine, Dependency, ExternalRequirement, Initiative, OrgUnit
from app.models.enums import Phase
from app.services.store import create_portfolio


def _make(path):
    pf = create_portfolio(path, municipality="Testkommune")
    with pf.session() as s:
        buf = OrgUnit(code="BUF", name="Børn og Unge")
        tm = OrgUnit(code="TM", name="Teknik og Miljø")
        s.add_all([buf, tm])
        s.flush()
        req = ExternalRequirement(code="R1", title="Lov om X", source_type="law",
                                  obliges_local_work=True)
        a = Initiative(id="EK-001", title="Selvbetjening æøå", lead_unit_id=buf.id, phase="proposal")
        a.units = [tm]
        b = Initiative(id="EK-002", title="Datafundament", lead_unit_id=tm.id, phase="idea")
        b.requirements = [req]
        c = Initiative(id="EK-003", title="Uden økonomi", phase="idea")
        s.add_all([a, b, c])
        s.flush()
        s.add(Dependency(initiative_id="EK-001", requires_id="EK-002"))
        s.add_all([
            BusinessCaseLine(initiative_id="EK-001", flow="cost", budget_year=2027,
                             line_type="anlaeg", amount=1_000_000),
            BusinessCaseLine(initiative_id="EK-001", flow="cost", budget_year=2028,
                             line_type="drift", amount=250_000),
            BusinessCaseLine(initiative_id="EK-001", flow="cost", budget_year=2027,
                             category="interne_ressourcer", amount=300_000, cash=False, fte=0.5),
            BusinessCaseLine(initiative_id="EK-001", flow="benefit", budget_year=2028,
                             amount=-50_000),
        ])
    pf.close()


def test_list_json_matches_the_contract(cli, portfolio_path):
    _make(portfolio_path)
    before = portfolio_path.read_bytes()
    result = cli("list", str(portfolio_path), "--json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["currency"] == "DKK"
    items = {i["id"]: i for i in doc["initiatives"]}
    assert list(items) == ["EK-001", "EK-002", "EK-003"]
    a = items["EK-001"]
    assert a["title"] == "Selvbetjening æøå"
    assert a["lead_department"] == "Børn og Unge"
    assert a["departments"] == ["Børn og Unge", "Teknik og Miljø"]
    assert a["phase"] == "proposal"
    # internal working time is not cash and is not in total_cost
    assert a["total_cost"] == 1_250_000.0
    assert a["total_benefit"] == -50_000.0
    assert a["requires"] == ["EK-002"]
    assert a["mandatory"] is False
    # linked to a requirement that obliges local work: mandatory
    assert items["EK-002"]["mandatory"] is True
    assert items["EK-003"]["total_cost"] is None and items["EK-003"]["total_benefit"] is None
    assert items["EK-003"]["lead_department"] == "" and items["EK-003"]["departments"] == []
    _assert_shape(doc)
    assert not (portfolio_path.parent / (portfolio_path.name + ".lock")).exists()
    assert portfolio_path.read_bytes() == before


#: DESIGN §6, ``list``: every key with its JSON type (keys may be added, never renamed)
_ITEM_KEYS = {
    "id": str, "title": str, "lead_department": str, "departments": list, "phase": str,
    "mandatory": bool, "total_cost": (float, type(None)), "total_benefit": (float, type(None)),
    "requires": list,
}


def _assert_shape(doc) -> None:
    """The document has the keys and types of DESIGN §6: amounts are JSON floats (never
    ints), departments and requires are lists of strings, phase a code of §3."""
    assert isinstance(doc["currency"], str) and len(doc["currency"]) == 3
    assert isinstance(doc["initiatives"], list)
    for item in doc["initiatives"]:
        assert set(_ITEM_KEYS) <= set(item), item
        for key, kind in _ITEM_KEYS.items():
            assert isinstance(item[key], kind), (item["id"], key, item[key])
        assert all(isinstance(d, str) for d in item["departments"] + item["requires"])
        assert item["phase"] in {p.value for p in Phase}
        if item["lead_department"]:
            assert item["departments"][0] == item["lead_department"]


def test_list_json_of_the_demo_has_the_contract_shape(cli, tmp_path):
    demo = tmp_path / "Demo.portfolio"
    assert cli("demo", str(demo)).returncode == 0
    result = cli("list", str(demo), "--json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["currency"] == "DKK" and len(doc["initiatives"]) > 10
    _assert_shape(doc)
    ids = {i["id"] for i in doc["initiatives"]}
    assert all(r in ids for i in doc["initiatives"] for r in i["requires"])
    assert any(i["requires"] for i in doc["initiatives"])
    assert any(i["total_benefit"] is not None for i in doc["initiatives"])


def test_an_internal_error_in_list_exits_1_with_nothing_on_stdout(capsys, monkeypatch,
                                                                   portfolio_path):
    """DESIGN §6: 1 is an internal error (a bug), told on stderr; 2 is refused input."""
    import app.commands.listing as listing
    from app import cli as cli_module

    _make(portfolio_path)

    def broken(_session):
        raise RuntimeError("a bug in the listing")

    monkeypatch.setattr(listing, "load_initiatives", broken)
    assert cli_module.main(["list", str(portfolio_path), "--json"]) == 1
    out = capsys.readouterr()
    assert out.out == ""
    assert "a bug in the listing" in out.err


def test_list_of_a_missing_file_exits_2_naming_it(cli, tmp_path):
    missing = tmp_path / "findes ikke.portfolio"
    result = cli("list", str(missing), "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "findes ikke.portfolio" in result.stderr
    assert not missing.exists()


def test_list_without_json_prints_a_table(cli, portfolio_path):
    _make(portfolio_path)
    result = cli("list", str(portfolio_path))
    assert result.returncode == 0
    assert "Selvbetjening æøå" in result.stdout
    assert "3 tiltag" in result.stdout
