"""The engine's commands through the CLI (DESIGN §6): rank, select, frontier, ahp.

Each ``--json`` run must print exactly one JSON document on stdout — even while the MILP
solver prints on the process's standard output (it does for mknap instance 6)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.independent_optimum import independent_optimum
from tests.conftest import SHARED_DATA
from tests.services.engine_fixtures import (
    YEAR,
    mknap_portfolio,
    read_mknap,
    scenario_with_frames,
    small_portfolio,
)

MKNAP = SHARED_DATA / "orlib_mknap1.txt"
ROOT = Path(__file__).resolve().parents[2]


class Result:
    def __init__(self, returncode: int, stdout: str, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


@pytest.fixture
def run(capfd):
    """``run(*args)``: the CLI's ``main`` in this process (fd-level capture, so solver
    printing would show too); faster than a subprocess for the many small cases."""
    from app.cli import main
    from app.services import formatting
    from app.services.i18n import set_language

    before = formatting.language()

    def call(*args: str) -> Result:
        capfd.readouterr()
        code = main(list(args))
        out, err = capfd.readouterr()
        return Result(code, out, err)

    yield call
    set_language(before)  # main() sets the language for the whole process


def as_json(proc) -> dict:
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)  # exactly one document, nothing else on stdout


@pytest.fixture
def small(tmp_path) -> Path:
    path = tmp_path / "Lille portefølje.portfolio"
    pf = small_portfolio(path)
    from app.services.scenarios import FrameSpec

    pf.close()
    from app.services.store import open_portfolio

    with open_portfolio(path) as pf2:
        scenario_with_frames(pf2, "Budget 2027", [FrameSpec(2_000_000, YEAR, "anlaeg"),
                                                   FrameSpec(800_000, YEAR, "drift")])
    return path


def test_rank_json_shape(cli, small):
    doc = as_json(cli("rank", str(small), "--json"))
    assert doc["scenario"] == "Standard"
    rows = doc["ranking"]
    assert [r["rank"] for r in rows] == list(range(1, 9))
    assert sorted(r["id"] for r in rows) == list("ABCDEFGH")
    keys = {c["key"] for c in doc["criteria"]}
    for r in rows:
        assert set(r) >= {"rank", "id", "title", "score", "mandatory", "complete", "contributions"}
        assert set(r["contributions"]) == keys
        assert sum(r["contributions"].values()) == pytest.approx(r["score"], abs=1e-9)
        assert 0 <= r["score"] <= 1
    mand = [r["mandatory"] for r in rows]
    assert mand == sorted(mand, reverse=True)  # mandatory first
    assert doc["tie_rule"]


def test_rank_text_is_danish(run, small):
    proc = run("rank", str(small))
    assert proc.returncode == 0, proc.stderr
    assert "Rangordning" in proc.stdout and "obligatorisk" in proc.stdout


def test_unknown_scenario_exits_2(run, small):
    proc = run("rank", str(small), "--scenario", "Findes ikke", "--json")
    assert proc.returncode == 2 and proc.stdout == ""
    assert "Findes ikke" in proc.stderr


def test_select_with_scenario_frames(run, small):
    doc = as_json(run("select", str(small), "--scenario", "Budget 2027", "--json"))
    assert doc["optimal"] is True
    # DESIGN §6 {year: float}: the year's anlæg and drift frames summed; each apart in frames
    assert doc["budget"] == {f"{YEAR}": 2_800_000}
    assert {(f["year"], f["frame_type"], f["cap"]) for f in doc["frames"]} == {
        (YEAR, "anlaeg", 2_000_000), (YEAR, "drift", 800_000)}
    assert set(doc) >= {"scenario", "objective", "budget", "selected", "not_selectable",
                        "total_score", "total_cost", "optimal", "binding", "price_of_mandatory"}
    ranking = {r["id"]: r["score"] for r in as_json(run("rank", str(small), "--json"))["ranking"]}
    assert doc["total_score"] == pytest.approx(sum(ranking[i] for i in doc["selected"]))
    assert doc["total_score"] == pytest.approx(
        independent_optimum(small, ranking, scenario="Budget 2027"))
    assert doc["not_selectable"] == ["H"]


@pytest.mark.parametrize("budget", [["2500000"], ["2.5e6"], [f"{YEAR}=2000000", f"{YEAR + 1}=300000"]])
def test_select_with_budget_equals_independent_optimum(run, small, budget):
    args = [x for b in budget for x in ("--budget", b)]
    doc = as_json(run("select", str(small), *args, "--json"))
    ranking = {r["id"]: r["score"] for r in as_json(run("rank", str(small), "--json"))["ranking"]}
    value = (float(budget[0]) if "=" not in budget[0]
             else {int(b.split("=")[0]): float(b.split("=")[1]) for b in budget})
    assert doc["optimal"] is True
    assert doc["total_score"] == pytest.approx(independent_optimum(small, ranking, budget=value))


@pytest.mark.parametrize("args, words", [
    ([], "budget"),                                       # no budget anywhere
    (["--budget", "1.234,5"], "1.234,5"),                 # not locale-independent
    (["--budget", "-5"], "-5"),
    (["--budget", "100", "--budget", f"{YEAR}=5"], "--budget"),
    (["--budget", "500000"], "F"),                        # infeasible: names what conflicts
    (["--scenario", "Nope", "--budget", "1"], "Nope"),
])
def test_select_refusals_exit_2(run, small, args, words):
    proc = run("select", str(small), *args, "--json")
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    assert words in proc.stderr


def test_select_text_report(run, small):
    proc = run("select", str(small), "--scenario", "Budget 2027")
    assert proc.returncode == 0, proc.stderr
    assert "Anbefalet portefølje" in proc.stdout and "kr." in proc.stdout


def test_frontier_is_monotone_and_spans_the_costs(run, small):
    doc = as_json(run("frontier", str(small), "--scenario", "Budget 2027", "--steps", "6", "--json"))
    pts = doc["points"]
    assert len(pts) == 6
    budgets = [p["budget"] for p in pts]
    assert budgets == sorted(budgets)
    scores = [p["total_score"] for p in pts]
    assert all(b >= a - 1e-9 for a, b in zip(scores, scores[1:]))
    # from what is always in (D 300.000 + F 400.000; E is outside the frame) to everything,
    # measured as the scenario's 2027 frames hold it: A's 200.000 and C's 400.000 in 2028
    # lie in no frame (the recommendation's cost_in_frame is measured the same way)
    assert budgets[0] == pytest.approx(700_000)
    assert budgets[-1] == pytest.approx(700_000 + 1_000_000 + 500_000 + 800_000)
    assert set(pts[-1]["selected"]) == {"A", "B", "C", "D", "E", "F"}


def test_frontier_without_budget_exits_2(run, small):
    proc = run("frontier", str(small), "--json")
    assert proc.returncode == 2 and proc.stdout == ""


def write(tmp_path: Path, doc) -> Path:
    p = tmp_path / "matrix.json"
    p.write_text(json.dumps(doc), encoding="utf-8")
    return p


def test_ahp_json(run, tmp_path):
    from tests.services.test_ahp import DRINKS, DRINKS_MATRIX, DRINKS_WEIGHTS

    doc = as_json(run("ahp", str(write(tmp_path, {"criteria": DRINKS, "matrix": DRINKS_MATRIX})),
                      "--json"))
    assert list(doc["weights"]) == DRINKS
    assert [round(doc["weights"][c], 3) for c in DRINKS] == list(DRINKS_WEIGHTS)
    assert doc["cr"] == pytest.approx(0.022, abs=0.0005) and doc["consistent"] is True
    assert doc["lambda_max"] > 7 and doc["ci"] > 0


def test_ahp_inconsistent_is_exit_0(run, tmp_path):
    m = {"criteria": ["a", "b", "c"], "matrix": [[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]]}
    doc = as_json(run("ahp", str(write(tmp_path, m)), "--json"))
    assert doc["consistent"] is False and doc["cr"] > 0.1
    assert doc["suggestion"]["cr_after"] < doc["cr"]
    text = run("ahp", str(write(tmp_path, m)))
    assert text.returncode == 0 and "CR" in text.stdout


@pytest.mark.parametrize("doc, words", [
    ({"criteria": ["a", "b"], "matrix": [[1, 3], [0.5, 1]]}, "a"),
    ({"criteria": ["a", "b"], "matrix": [[1, 12], [1 / 12, 1]]}, "1/9"),
    ({"criteria": ["a", "b"], "matrix": [[1, "x"], [1, 1]]}, "x"),
    ({"matrix": [[1, 2, 3], [0.5, 1]]}, "række 1"),
])
def test_ahp_bad_matrix_exits_2(run, tmp_path, doc, words):
    proc = run("ahp", str(write(tmp_path, doc)), "--json")
    assert proc.returncode == 2 and proc.stdout == ""
    assert words in proc.stderr


def test_ahp_missing_file_exits_2(run, tmp_path):
    proc = run("ahp", str(tmp_path / "nope.json"))
    assert proc.returncode == 2


@pytest.mark.parametrize("k", range(7), ids=[f"mknap{k + 1}" for k in range(7)])
def test_mknap_instance_through_the_cli(cli, tmp_path, k):
    if not MKNAP.is_file():
        pytest.skip("orlib_mknap1.txt not present")
    n, m, opt, profits, rows, caps = read_mknap(MKNAP)[k]
    path = tmp_path / f"mknap{k + 1}.portfolio"
    scale = mknap_portfolio(path, profits, rows)
    budget = [x for r, c in enumerate(caps) for x in ("--budget", f"{YEAR + r}={c!r}")]
    doc = as_json(cli("select", str(path), *budget, "--json"))
    assert doc["optimal"] is True
    assert doc["total_score"] * scale == pytest.approx(opt, rel=1e-9)
    assert sum(profits[int(i[1:])] for i in doc["selected"]) == pytest.approx(opt)


def test_select_on_gmpp_import_equals_independent_optimum(run, tmp_path, shared_data):
    mapping = ROOT / "resources" / "mappings" / "uk_gmpp_slim.json"
    if not mapping.is_file():
        pytest.skip("GMPP mapping not present")
    path = tmp_path / "gmpp.portfolio"
    imp = run("import", str(path), str(shared_data / "uk_gmpp_2023_slim.csv"),
              "--mapping", str(mapping))
    assert imp.returncode == 0, imp.stderr
    ranking = {r["id"]: r["score"] for r in as_json(run("rank", str(path), "--json"))["ranking"]}
    budget = 20_000_000_000  # £20bn of £471.8bn whole-life cost
    doc = as_json(run("select", str(path), "--budget", str(budget), "--json"))
    assert doc["optimal"] is True
    assert doc["total_cost"] <= budget
    assert doc["total_score"] == pytest.approx(
        independent_optimum(path, ranking, budget=budget), abs=1e-9)
    listed = as_json(run("list", str(path), "--json"))["initiatives"]
    no_cost = sorted(i["id"] for i in listed if i["total_cost"] is None)
    assert sorted(doc["not_selectable"]) == no_cost and len(no_cost) == 244 - 193


def test_select_on_demo_with_its_budget_scenario(run, tmp_path):
    try:
        import app.services.demo  # noqa: F401
    except ImportError:
        pytest.skip("the demo (import issue) is not there yet")
    import sqlite3

    path = tmp_path / "demo.portfolio"
    made = run("demo", str(path))
    assert made.returncode == 0, made.stderr
    con = sqlite3.connect(path)
    names = [r[0] for r in con.execute(
        "select distinct s.name from scenario s join budget_frame f on f.scenario_id = s.id "
        "where s.is_what_if = 0 and f.unit_id is null order by s.is_default desc, s.id")]
    capacity = dict(con.execute("select name, capacity_fte from scenario").fetchall())
    con.close()
    assert names, "the demo has a scenario with budget frames"
    name = names[0]
    ranking = {r["id"]: r["score"] for r in
               as_json(run("rank", str(path), "--scenario", name, "--json"))["ranking"]}
    doc = as_json(run("select", str(path), "--scenario", name, "--json"))
    assert doc["optimal"] is True
    if capacity.get(name) is None:
        assert doc["total_score"] == pytest.approx(
            independent_optimum(path, ranking, scenario=name), abs=1e-9)


def test_select_objective_npv(run, small):
    doc = as_json(run("select", str(small), "--budget", "5000000", "--objective", "npv", "--json"))
    assert doc["objective"] == "npv" and doc["optimal"] is True
    bad = run("select", str(small), "--budget", "5000000", "--objective", "profit", "--json")
    assert bad.returncode == 2 and bad.stdout == ""
