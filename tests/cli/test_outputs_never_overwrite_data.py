"""Every command that writes a file refuses to write over a portfolio, its lock file or a
device/FIFO, as `export` does (DESIGN §9: no data is ever lost). A tester replaced a
portfolio with a PNG (`gui P --screenshot P`) and with a workbook (`template` onto a
symlink to it, or onto a portfolio named .xlsx)."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    from app.services.demo import create_demo

    path = tmp_path_factory.mktemp("demo") / "demo.portfolio"
    create_demo(path)
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_screenshot_never_replaces_the_portfolio(cli, demo_file, tmp_path):
    target = tmp_path / "d.portfolio"
    shutil.copyfile(demo_file, target)
    before = _digest(target)
    r = cli("gui", str(target), "--screenshot", str(target))
    assert r.returncode == 2, r.stderr
    assert "portefølje" in r.stderr and "Traceback" not in r.stderr
    assert _digest(target) == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_screenshot_onto_a_fifo_is_refused_without_waiting(cli, demo_file, tmp_path):
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    r = cli("gui", str(demo_file), "--screenshot", str(fifo))
    assert r.returncode == 2, r.stderr
    assert "pipe.png" in r.stderr


def test_a_template_never_replaces_a_portfolio_behind_a_link_or_a_name(
        cli, demo_file, tmp_path):
    target = tmp_path / "d.portfolio"
    shutil.copyfile(demo_file, target)
    named = tmp_path / "p.xlsx"
    shutil.copyfile(demo_file, named)
    link = tmp_path / "t.xlsx"
    link.symlink_to(target)
    before, before_named = _digest(target), _digest(named)
    for out in (link, named):
        r = cli("template", str(out))
        assert r.returncode == 2, r.stderr
        assert "portefølje" in r.stderr and "Traceback" not in r.stderr
    assert _digest(target) == before and _digest(named) == before_named
    assert link.is_symlink()
    r = cli("template", str(tmp_path / "ny.xlsx"))
    assert r.returncode == 0, r.stderr
