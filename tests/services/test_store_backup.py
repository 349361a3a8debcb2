"""Backups (issue 8): a consistent copy with the backup API, a list for the GUI, restore
round trip that first backs up the current file, the daily copy on an editor's open,
and the thinning policy (7 daily, 4 weekly, 12 monthly)."""

from __future__ import annotations

import json
import shutil
import socket
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.models import Initiative
from app.services import backup
from app.services import lock as locking
from app.services.errors import LockedError, NotAPortfolioError
from app.services.store import create_portfolio, open_portfolio


def _titles(path: Path) -> list[str]:
    with open_portfolio(path, readonly=True) as pf, pf.read() as s:
        return sorted(i.title for i in s.query(Initiative))


@pytest.fixture
def path(portfolio_path: Path) -> Path:
    with create_portfolio(portfolio_path, municipality="Testkommune") as pf, pf.session() as s:
        s.add(Initiative(id="A-1", title="Version 1"))
    return portfolio_path


def test_make_and_list_a_backup(path: Path):
    made = backup.make_backup(path)
    assert made.parent == backup.backup_dir(path) and made.exists()
    listed = backup.list_backups(path)
    assert [b.path for b in listed] == [made]
    assert listed[0].kind == "manual" and listed[0].size == made.stat().st_size
    assert listed[0].label and ":" in listed[0].label
    assert _titles(made) == ["Version 1"]  # a whole, openable portfolio


def test_a_backup_is_consistent_while_an_editor_has_the_file_open(path: Path):
    with open_portfolio(path) as pf:
        with pf.session() as s:
            s.get(Initiative, "A-1").title = "Version 2"
        made = backup.make_backup(pf.path)
    assert _titles(made) == ["Version 2"]


def test_restore_round_trip_backs_up_the_current_file_first(path: Path):
    first = backup.make_backup(path)
    with open_portfolio(path) as pf, pf.session() as s:
        s.get(Initiative, "A-1").title = "Version 2"
        s.add(Initiative(id="A-2", title="Ny"))
    safety = backup.restore_backup(path, backup.list_backups(path)[-1])
    assert _titles(path) == ["Version 1"]
    assert _titles(safety) == ["Ny", "Version 2"]  # nothing is lost by restoring
    assert {b.kind for b in backup.list_backups(path)} >= {"before-restore"}
    assert first.exists()
    backup.restore_backup(path, safety)  # and back again
    assert _titles(path) == ["Ny", "Version 2"]
    assert not locking.lock_path(path).exists()


def test_restore_is_refused_while_another_editor_holds_the_file(path: Path):
    made = backup.make_backup(path)
    with open_portfolio(path) as pf, pf.session() as s:
        s.get(Initiative, "A-1").title = "Version 2"
    locking.lock_path(path).write_text(json.dumps({
        "user": "kari", "host": socket.gethostname(), "pid": 1,
        "heartbeat": datetime.now(timezone.utc).isoformat()}), encoding="utf-8")
    original = path.read_bytes()
    with pytest.raises(LockedError, match="kari"):
        backup.restore_backup(path, made)
    assert path.read_bytes() == original


def test_restore_refuses_a_file_that_is_not_a_portfolio(path: Path, tmp_path: Path):
    junk = tmp_path / "junk.portfolio"
    junk.write_text("ikke en portefølje", encoding="utf-8")
    original = path.read_bytes()
    with pytest.raises(NotAPortfolioError):
        backup.restore_backup(path, junk)
    assert path.read_bytes() == original


def test_an_editors_first_write_of_the_day_makes_one_daily_backup(path: Path):
    with open_portfolio(path):
        pass  # opened, nothing written (e.g. a refused import): no backup
    assert not [b for b in backup.list_backups(path) if b.kind == "daily"]
    for title in ("A", "B"):
        with open_portfolio(path) as pf:
            with pf.session() as s:
                s.add(Initiative(id=f"EK-{title}", title=title))
            with pf.session() as s:
                s.get(Initiative, f"EK-{title}").title = title + "2"
    with open_portfolio(path, readonly=True):
        pass
    daily = [b for b in backup.list_backups(path) if b.kind == "daily"]
    assert len(daily) == 1
    assert daily[0].taken_at.date() == datetime.now(timezone.utc).date()


def _fake(day: date, kind: str = "daily") -> backup.Backup:
    taken = datetime(day.year, day.month, day.day, 7, 30, tzinfo=timezone.utc)
    return backup.Backup(path=Path(f"/b/x.{taken:%Y%m%dT%H%M%SZ}.{kind}.portfolio"),
                         taken_at=taken, kind=kind, size=1)


def test_the_thinning_policy_keeps_7_daily_4_weekly_12_monthly():
    today = date(2026, 11, 30)
    every_day = [_fake(today - timedelta(days=n)) for n in range(500)]
    upgrade = _fake(today - timedelta(days=900), "before-upgrade")
    kept, removed = backup.plan_thinning([*every_day, upgrade])
    kept_days = sorted({b.taken_at.date() for b in kept if b.kind == "daily"}, reverse=True)
    assert kept_days[:7] == [today - timedelta(days=n) for n in range(7)]
    weeks = {tuple(d.isocalendar()[:2]) for d in kept_days}
    assert len({tuple((today - timedelta(weeks=n)).isocalendar()[:2]) for n in range(4)} - weeks) == 0
    months = {(d.year, d.month) for d in kept_days}
    assert len(months) == 12
    assert upgrade in kept
    assert len(kept) <= 7 + 4 + 12 + 1
    assert len(kept) + len(removed) == 501
    oldest_month = min(months)
    assert all((b.taken_at.year, b.taken_at.month) >= oldest_month for b in kept if b.kind == "daily")


def test_thin_backups_removes_files(path: Path, monkeypatch):
    monkeypatch.delenv("PRIORITISE_NO_BACKUP_THINNING", raising=False)
    made = backup.make_backup(path, kind="daily", now=datetime(2026, 11, 30, 8, tzinfo=timezone.utc))
    for n in range(1, 40):
        day = datetime(2026, 11, 30, 8, tzinfo=timezone.utc) - timedelta(days=n)
        shutil.copyfile(made, made.with_name(f"{path.stem}.{day:%Y%m%dT%H%M%SZ}.daily.portfolio"))
    assert len(backup.list_backups(path)) == 40
    gone = backup.thin_backups(path)
    left = backup.list_backups(path)
    assert len(gone) + len(left) == 40
    assert 7 <= len(left) <= 7 + 4 + 12
    assert left[0].path == made
    monkeypatch.setenv("PRIORITISE_NO_BACKUP_THINNING", "1")
    shutil.copyfile(made, made.with_name(f"{path.stem}.20260101T080000Z.daily.portfolio"))
    shutil.copyfile(made, made.with_name(f"{path.stem}.20260102T080000Z.daily.portfolio"))
    assert backup.thin_backups(path) == []
