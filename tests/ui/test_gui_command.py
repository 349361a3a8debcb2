"""``prioritise gui --screenshot``: exactly W×H, read-only, no lock, no write, exit 2 on a
bad file or an unknown view (DESIGN §6)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_screenshot_is_exactly_the_size_asked_and_touches_nothing(cli, sample_path: Path,
                                                                  tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    before = _digest(sample_path)
    out = tmp_path / "skærmbillede æøå.png"
    result = cli("gui", str(sample_path), "--screenshot", str(out), "--view", "initiative",
                 "--size", "1366x768", "--lang", "da")
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)
    assert image.devicePixelRatio() == 1.0
    assert _digest(sample_path) == before
    assert not Path(str(sample_path) + ".lock").exists()
    assert not any(p.suffix == ".lock" for p in sample_path.parent.iterdir())


def test_default_size_is_1280x720(cli, sample_path: Path, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    out = tmp_path / "table.png"
    result = cli("gui", str(sample_path), "--screenshot", str(out), "--view", "table")
    assert result.returncode == 0, result.stderr
    assert (QImage(str(out)).width(), QImage(str(out)).height()) == (1280, 720)


def test_unknown_view_exits_2_naming_the_known_views(cli, sample_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.png"
    result = cli("gui", str(sample_path), "--screenshot", str(out), "--view", "nonsense")
    assert result.returncode == 2
    assert "nonsense" in result.stderr and "table" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("content", [b"", b"not a database at all", b"SQLite format 3\x00"])
def test_bad_file_exits_2_and_is_left_byte_identical(cli, tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "Ødelagt fil.portfolio"
    bad.write_bytes(content)
    result = cli("gui", str(bad), "--screenshot", str(tmp_path / "x.png"), "--view", "table")
    assert result.returncode == 2, result.stderr
    assert bad.read_bytes() == content
    assert not (tmp_path / "x.png").exists()


def test_missing_file_and_bad_size_exit_2(cli, tmp_path: Path, sample_path: Path) -> None:
    missing = cli("gui", str(tmp_path / "findes ikke.portfolio"), "--screenshot",
                  str(tmp_path / "x.png"), "--view", "table")
    assert missing.returncode == 2
    size = cli("gui", str(sample_path), "--screenshot", str(tmp_path / "x.png"), "--size", "stor")
    assert size.returncode == 2 and "--size" in size.stderr


def test_screenshot_of_a_locked_portfolio_still_works(cli, sample_path: Path, tmp_path: Path) -> None:
    from app.services.store import open_portfolio

    with open_portfolio(sample_path):  # this process is the editor holding the lock
        out = tmp_path / "locked.png"
        result = cli("gui", str(sample_path), "--screenshot", str(out), "--view", "table")
    assert result.returncode == 0, result.stderr
    assert out.is_file()
