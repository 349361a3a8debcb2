"""An operating-system error reaches a Danish message in Danish words, not as the C
library's English ``strerror`` ("Kan ikke skrive i mappen /tmp/nu: Permission denied");
an errno without words keeps the system's own text."""

from __future__ import annotations

import errno

import pytest

from app.services.i18n import set_language
from app.services.oserrors import os_error_text


@pytest.mark.parametrize(("code", "da", "en"), [
    (errno.EACCES, "adgang nægtet", "permission denied"),
    (errno.EPERM, "adgang nægtet", "permission denied"),
    (errno.ENOSPC, "der er ikke mere plads på disken", "no space left on the disk"),
    (errno.EROFS, "disken er skrivebeskyttet", "the disk is read-only"),
    (errno.ENOENT, "filen eller mappen findes ikke", "no such file or folder"),
    (errno.EISDIR, "det er en mappe, ikke en fil", "it is a folder, not a file"),
    (errno.ENAMETOOLONG, "filnavnet er for langt", "the file name is too long"),
])
def test_common_errno_values_in_words(code, da, en):
    exc = OSError(code, "English strerror")
    try:
        set_language("da")
        assert os_error_text(exc) == da
        set_language("en")
        assert os_error_text(exc) == en
    finally:
        set_language("da")


def test_other_errors_keep_the_system_text():
    set_language("da")
    assert os_error_text(OSError(errno.EBUSY, "Device or resource busy")) == (
        "Device or resource busy")
    assert os_error_text(OSError("no errno")) == "no errno"
    assert os_error_text(ValueError("bad")) == "bad"


def test_cli_message_has_no_english_strerror(cli, tmp_path):
    """An export to a file name longer than the file system allows: refused (exit 2, it
    was an internal error, exit 1) in Danish words, nothing written."""
    from app.services.store import create_portfolio

    portfolio = tmp_path / "p.portfolio"
    create_portfolio(portfolio).close()
    out = tmp_path / ("a" * 300 + ".csv")
    result = cli("export", str(portfolio), "--csv", str(out))
    assert result.returncode == 2, result.stderr
    assert "filnavnet er for langt" in result.stderr, result.stderr
    assert "File name too long" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("p.portfolio")) == []
