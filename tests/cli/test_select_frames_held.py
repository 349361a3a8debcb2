"""What the budget frames hold (DESIGN §6 ``select``, §9 bad input) on the demo portfolio,
whose costs lie in 2027–2030 and whose default scenario has anlæg and drift frames per
year:

- a yearly frame for a year without costs limits nothing and is refused (exit 2);
- ``cost_in_frame`` is what the frames hold (the framed years only), never more than the
  frames, and the value curve measures budgets the same way;
- a frame that is binding with money left is called binding ("no other initiative fits"),
  never "fully used", in the text report and the PDF bilag;
- the bilag's resumé and the agenda item agree on who recommends to whom;
- HiGHS's C-level printing never reaches stdout, from any thread.
"""

from __future__ import annotations

import ctypes
import json
import shutil
import threading
from pathlib import Path

import pytest

from tests.services.engine_fixtures import scenario_with_frames
from tests.services.test_export_support import text_of_pdf


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    from app.services.demo import create_demo

    path = tmp_path_factory.mktemp("demo") / "demo.portfolio"
    create_demo(path)
    return path


@pytest.fixture
def run(capfd):
    """``run(*args)``: the CLI's ``main`` in this process, stdout/stderr captured at the
    file-descriptor level (so C-level solver printing would show)."""
    from app.cli import main
    from app.services import formatting
    from app.services.i18n import set_language

    before = formatting.language()

    def call(*args: str):
        capfd.readouterr()
        code = main(list(args))
        out, err = capfd.readouterr()
        return code, out, err

    yield call
    set_language(before)


def _json(run, *args) -> dict:
    code, out, err = run(*args, "--json")
    assert code == 0, err
    return json.loads(out)  # one document and nothing else


@pytest.mark.parametrize("year", ["1999", "2045"])
def test_a_yearly_frame_for_a_year_without_costs_is_refused(run, demo, year):
    code, out, err = run("select", str(demo), "--budget", f"{year}=5000000", "--json")
    assert code == 2 and out == ""
    assert year in err and "2027, 2028, 2029, 2030" in err  # the year and the years with costs
    code, out, err = run("select", str(demo), "--budget", f"{year}=5000000")
    assert code == 2 and out == "" and year in err


def test_a_frame_for_a_year_without_costs_beside_good_ones_is_refused_too(run, demo):
    code, out, err = run("select", str(demo), "--budget", "2027=9000000",
                         "--budget", "1999=1000000", "--json")
    assert code == 2 and out == "" and "1999" in err


def test_cost_in_frame_is_what_the_yearly_frames_hold(run, demo):
    doc = _json(run, "select", str(demo), "--budget", "2027=9000000")
    framed = sum(f["used"] for f in doc["frames"] if f["unit"] == "kr." and f["unit_id"] is None)
    assert doc["cost_in_frame"] == pytest.approx(framed)
    assert doc["cost_in_frame"] <= 9_000_000 + 1e-6
    # the selected also cost something in 2028–2030, which no frame holds
    rest = doc["total_cost"] - doc["cost_in_frame"] - doc["cost_outside_frame"]
    assert rest > 0
    assert doc["cost_outside_frame"] > 0  # the demo's mandatory items financed outside


def test_with_frames_on_every_year_cost_in_frame_is_the_cost_inside_the_frame(run, demo):
    doc = _json(run, "select", str(demo))  # the default scenario: frames 2027–2030
    framed = sum(f["used"] for f in doc["frames"] if f["unit"] == "kr." and f["unit_id"] is None)
    assert doc["cost_in_frame"] == pytest.approx(framed)
    assert doc["cost_in_frame"] + doc["cost_outside_frame"] == pytest.approx(doc["total_cost"])
    total = _json(run, "select", str(demo), "--budget", "20000000")
    assert total["cost_in_frame"] + total["cost_outside_frame"] == pytest.approx(
        total["total_cost"])


def test_the_text_report_says_where_the_cost_lies(run, demo):
    code, out, err = run("select", str(demo), "--budget", "2027=9000000")
    assert code == 0, err
    assert "i år eller typer uden ramme" in out and "finansieret uden for rammen" in out


def test_the_value_curve_measures_budgets_as_the_frames_hold_them(tmp_path):
    """With a frame on 2027 alone, the curve's budgets are 2027 costs: its last point (all
    that can be chosen) costs exactly what a frame large enough holds of the selection."""
    from app.services.demo import create_demo
    from app.services.scenarios import FrameSpec
    from app.services.selection import select_portfolio
    from app.services.store import open_portfolio
    from app.services.value_curve import frontier

    path = tmp_path / "demo.portfolio"
    create_demo(path)
    with open_portfolio(path) as pf:
        scenario_with_frames(pf, "Kun 2027", [FrameSpec(1e9, 2027)])
    with open_portfolio(path, readonly=True) as pf, pf.read() as s:
        points = frontier(s, "Kun 2027", steps=3)
        result = select_portfolio(s, "Kun 2027", with_price=False)
    used = sum(u.used for u in result.frame_use if u.unit == "kr.")
    assert result.cost_in_frame == pytest.approx(used)
    assert points[-1].budget == pytest.approx(used)
    assert sorted(points[-1].selected) == sorted(result.selected)
    assert result.total_cost > used + result.cost_outside_frame  # 2028–2030 cost more


def test_binding_is_not_called_fully_used(run, demo):
    code, out, err = run("select", str(demo))
    assert code == 0, err
    # 2028 drift: 3.370.000 of 3.600.000 kr. used, yet no other initiative fits
    line = next(x for x in out.splitlines() if x.strip().startswith("2028 drift"))
    assert "3.370.000" in line and "3.600.000" in line
    assert "bindende (ingen andre tiltag kan rummes)" in line


@pytest.fixture(scope="module")
def bilag(demo, tmp_path_factory) -> str:
    from app.services.exports import export
    from app.services.i18n import set_language

    set_language("da")
    out = export(demo, "pdf", tmp_path_factory.mktemp("pdf") / "bilag.pdf")
    return " ".join(text_of_pdf(out))


def test_the_bilag_calls_a_binding_frame_binding(bilag):
    assert "Fuldt udnyttet" not in bilag
    assert "Bindende (ingen andre tiltag kan rummes):" in bilag  # the resumé
    assert "Bindende: ingen andre tiltag kan rummes inden for rammen" in bilag  # the table


def test_the_bilag_and_the_agenda_item_agree_on_who_recommends(bilag, demo, tmp_path):
    from docx import Document

    from app.services.exports import export
    from app.services.i18n import set_language

    assert "Styregruppen anbefaler en portefølje" in bilag
    assert "forslag til styregruppen" not in bilag  # it is the steering group's own
    assert "styregruppens indstilling til udvalget" in bilag
    set_language("da")
    doc = Document(str(export(demo, "docx", tmp_path / "punkt.docx")))
    text = " ".join(p.text for p in doc.paragraphs)
    assert "Styregruppen anbefaler" in text and "Digitaliseringsstyregruppen indstiller" in text


@pytest.mark.skipif(shutil.which("true") is None, reason="needs a POSIX C library")
def test_c_level_printing_in_solver_threads_never_reaches_stdout(capfd):
    """HiGHS prints with printf (block-buffered into a pipe) from the solving threads;
    ``silenced_fd1`` must swallow it, buffered or not, however the threads interleave."""
    from app.services.selection_model import silenced_fd1

    try:
        libc = ctypes.CDLL(None)
    except OSError:  # pragma: no cover - no C library to call
        pytest.skip("no C library")
    capfd.readouterr()
    go = threading.Barrier(4)

    def work(k: int) -> None:
        with silenced_fd1():
            go.wait()
            for _ in range(50):
                libc.printf(b"HighsMipSolverData::leak %d no newline", k)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    libc.fflush(None)
    out, _err = capfd.readouterr()
    assert "HighsMipSolverData" not in out


def test_select_json_with_parallel_solves_is_pure_json(run, demo, monkeypatch):
    """The price of mandatory solves in a second thread when the first outlasts its head
    start: forced here (no head start, two CPUs assumed) so both threads run."""
    from app.services import selection

    original = selection.solve_with_price
    calls = []

    def at_once(built, **kw):
        calls.append(1)
        return original(built, **{**kw, "parallel": True, "head_start": 0.0})

    monkeypatch.setattr(selection, "solve_with_price", at_once)
    code, out, err = run("select", str(demo), "--budget", "2027=9000000", "--json")
    assert code == 0, err
    assert json.loads(out)["optimal"] is True
    assert calls
