"""An export onto a full disk, a device, a pipe or a socket is refused (exit 2) with a
message naming the target, and leaves no partial file (DESIGN §9); a symbolic link to an
ordinary file is followed: the file is written and the link stays a link."""

from __future__ import annotations

import errno
import os
import socket
import stat
from pathlib import Path

import pytest

from app import cli
from app.services.errors import UserError
from app.services.exports import common
from app.services.exports.common import atomic_output


@pytest.fixture
def small_portfolio(new_portfolio) -> Path:
    path = new_portfolio.path
    new_portfolio.close()
    return path


def _run(capsys, *args: str) -> tuple[int, str]:
    code = cli.main(list(args))
    return code, capsys.readouterr().err


@pytest.mark.parametrize("fmt,module,function", [
    ("csv", "app.services.exports.csv_export", "build_csv"),
    ("pdf", "app.services.exports.pdf.document", "build_pdf"),
])
def test_a_full_disk_is_refused_naming_the_target_and_leaving_nothing(
        monkeypatch, capsys, small_portfolio, tmp_path, fmt, module, function):
    import importlib

    def half_written(_content, out, **_kw):
        Path(out).write_bytes(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(importlib.import_module(module), function, half_written)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / f"x.{fmt}"
    code, err = _run(capsys, "export", str(small_portfolio), f"--{fmt}", str(target))
    assert code == 2, err
    assert str(target) in err and "Traceback" not in err
    assert "disken er fuld" in err.lower()
    assert list(out_dir.iterdir()) == []


def test_a_writer_that_hides_enospc_is_reported_from_the_free_space(
        monkeypatch, capsys, small_portfolio, tmp_path):
    """openpyxl/lxml report a failed write as lxml's own error; the folder's free space
    says it was a full disk."""
    import app.services.exports.xlsx_export as xlsx_export

    class LxmlSyntaxError(Exception):
        pass

    def hidden(_content, out, **_kw):
        Path(out).write_bytes(b"PK")
        raise LxmlSyntaxError("")

    import shutil

    monkeypatch.setattr(xlsx_export, "build_xlsx", hidden)
    monkeypatch.setattr(common.shutil, "disk_usage",
                        lambda _folder: shutil._ntuple_diskusage(1 << 30, 1 << 30, 0))
    target = tmp_path / "out.xlsx"
    code, err = _run(capsys, "export", str(small_portfolio), "--xlsx", str(target))
    assert code == 2 and str(target) in err
    assert not target.exists() and not list(tmp_path.glob(".out.*.tmp"))


def test_other_writer_errors_stay_internal_errors(tmp_path):
    """With free space, a writer's own error is a bug, not refused input."""
    with pytest.raises(ZeroDivisionError):
        with atomic_output(tmp_path / "x.csv"):
            raise ZeroDivisionError
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_survives_a_full_disk(tmp_path):
    target = tmp_path / "x.csv"
    target.write_text("old")
    with pytest.raises(UserError, match="x.csv"):
        with atomic_output(target) as tmp:
            tmp.write_text("ne")
            raise OSError(errno.ENOSPC, "No space left on device")
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["x.csv"]


def test_a_fifo_or_socket_target_is_refused(tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(UserError, match="pipe.csv"):
        with atomic_output(fifo):
            pass
    assert fifo.is_fifo()
    sock_path = tmp_path / "s.csv"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(sock_path))
        with pytest.raises(UserError, match="s.csv"):
            with atomic_output(sock_path):
                pass
    assert sock_path.is_socket()


def test_a_device_is_refused_by_the_cli(capsys, small_portfolio, tmp_path):
    """`export P --csv /dev/full` (as root, a rename would replace the device). A device
    node of its own in tmp_path (never a real /dev entry: a regression would replace it);
    needs the right to make one (root), else skipped."""
    folder = tmp_path / "devices"
    folder.mkdir()
    device = folder / "full.csv"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 7))  # like /dev/full
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    code, err = _run(capsys, "export", str(small_portfolio), "--csv", str(device))
    assert code == 2 and str(device) in err
    assert stat.S_ISCHR(os.lstat(device).st_mode)
    assert [p.name for p in folder.iterdir()] == ["full.csv"]


def test_a_symlink_to_an_ordinary_file_is_followed(tmp_path):
    real = tmp_path / "real.csv"
    real.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    with atomic_output(link) as tmp:
        tmp.write_text("new")
    assert link.is_symlink() and link.resolve() == real
    assert real.read_text() == "new"


def test_a_symlink_to_a_portfolio_is_refused(tmp_path, small_portfolio):
    link = tmp_path / "innocent.csv"
    link.symlink_to(small_portfolio)
    before = small_portfolio.read_bytes()
    with pytest.raises(UserError):
        with atomic_output(link):
            pass
    assert small_portfolio.read_bytes() == before and link.is_symlink()
