"""`select --budget` on a scenario with budget frames: the given frames replace the
scenario's (per-unit budgets kept); the output says so — text and a JSON warning — since
the heading still names the scenario."""

from __future__ import annotations

import json

import pytest

from app import cli
from app.services import i18n
from app.services.scenarios import FrameSpec
from tests.services.engine_fixtures import YEAR, scenario_with_frames, small_portfolio


@pytest.fixture(scope="module")
def path(tmp_path_factory):
    p = tmp_path_factory.mktemp("replace") / "r.portfolio"
    pf = small_portfolio(p)
    scenario_with_frames(pf, "Årlig", [FrameSpec(3_000_000, year=YEAR, frame_type="anlaeg"),
                                       FrameSpec(900_000, year=YEAR, frame_type="drift"),
                                       FrameSpec(800_000, year=YEAR + 1, frame_type="drift")])
    pf.close()
    return str(p)


def _run(capsys, *argv: str) -> tuple[int, str]:
    try:
        code = cli.main(list(argv))
    finally:
        i18n.set_language("da")
    return code, capsys.readouterr().out


def test_given_budget_replacing_the_scenario_frames_is_said(path, capsys) -> None:
    code, out = _run(capsys, "select", path, "--scenario", "Årlig", "--budget",
                     f"{YEAR}=4000000", "--json")
    assert code == 0
    doc = json.loads(out)
    assert [f["name"] for f in doc["frames"]] == [f"budget {YEAR}"]
    said = [w for w in doc["warnings"] if "--budget" in w]
    assert len(said) == 1 and "Årlig" in said[0]
    assert f"{YEAR} anlæg" in said[0] and f"{YEAR + 1} drift" in said[0]
    code, out = _run(capsys, "select", path, "--scenario", "Årlig", "--budget",
                     f"{YEAR}=4000000")
    assert code == 0 and out.splitlines()[0].startswith("Advarsel:") and "erstatter" in out


def test_no_warning_without_budget_or_without_scenario_frames(path, capsys) -> None:
    code, out = _run(capsys, "select", path, "--scenario", "Årlig", "--json")
    assert code == 0 and not [w for w in json.loads(out)["warnings"] if "--budget" in w]
    code, out = _run(capsys, "select", path, "--budget", "5000000", "--json")  # Standard: none
    assert code == 0 and not [w for w in json.loads(out)["warnings"] if "--budget" in w]
