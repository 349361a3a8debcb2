"""A crashed writer's journal found in a folder where the reader may not write (issue 8:
"the next open — for reading too — recovers it", DESIGN §5). There the journal cannot be
rolled back, so nothing is read from the half-written file: the open is refused with a
message that says what happened and what to do; the file and its journal stay as they
were, and the next open from a writable folder undoes the unfinished change."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.models import Initiative
from app.services.errors import UserError
from app.services.portfolio_file import journal_path
from app.services.store import create_portfolio, open_portfolio
from tests.services.test_store_crash import _BIG_WRITE, _dump, _run_and_kill
from tests.services.test_store_files import _read_only_view


def test_a_crashed_journal_in_a_read_only_folder_is_refused_then_recovered(tmp_path: Path):
    folder = tmp_path / "Delt mappe"
    folder.mkdir()
    path = folder / "Portefølje.portfolio"
    with create_portfolio(path, municipality="Testkommune") as pf, pf.session() as s:
        s.add(Initiative(id="A-1", title="Digital post"))
    before = _dump(path)
    _run_and_kill(_BIG_WRITE, str(path))
    half_written, journal = path.read_bytes(), journal_path(path).read_bytes()
    assert journal
    names = sorted(p.name for p in folder.iterdir())
    assert journal_path(path).name in names
    with _read_only_view(folder) as ro:
        for readonly in (True, False):  # a reader and an editor alike
            with pytest.raises(UserError) as err:
                open_portfolio(ro / path.name, readonly=readonly)
            message = str(err.value)
            assert path.name in message and journal_path(path).name in message
            assert "half-written" in message or "halvt skrevet" in message
        assert sorted(p.name for p in ro.iterdir()) == names
    assert path.read_bytes() == half_written and journal_path(path).read_bytes() == journal
    with open_portfolio(path, readonly=True) as pf, pf.read() as s:  # a writable folder
        assert s.get(Initiative, "A-1").title == "Digital post"
        assert s.query(Initiative).count() == 1
    assert not journal_path(path).exists()
    assert _dump(path) == before
