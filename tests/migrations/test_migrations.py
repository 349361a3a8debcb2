"""Migrations: an earlier schema upgrades keeping every row, with a backup first; new and
upgraded portfolios end with the same schema, on SQLite and PostgreSQL; the models and
the head revision agree; a failed upgrade leaves the file as it was."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.services import migrate
from app.services.backup import list_backups
from app.services.store import create_portfolio, open_portfolio
from tests.migrations.schema import schema_differences, schema_snapshot

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "portfolio_0001.portfolio"


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    target = tmp_path / "Gammel portefølje.portfolio"
    shutil.copyfile(FIXTURE, target)
    return target


def _dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, as tuples of the columns revision 0001 has."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out = {}
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name <> 'alembic_version'")]
        for table in tables:
            cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
            out[table] = (cols, sorted(conn.execute(
                f'SELECT {", ".join(chr(34) + c + chr(34) for c in cols)} FROM "{table}"'),
                key=repr))
        return out
    finally:
        conn.close()


def test_the_fixture_is_an_earlier_schema():
    assert migrate.revision_of_file(FIXTURE) == "0001"
    assert migrate.known_revisions()[0] == "0001"
    assert len(migrate.known_revisions()) >= 2
    assert migrate.head_revision() != "0001"


def test_the_head_constants_are_alembics_own_answer():
    """``migrate`` answers "which revision is head" without importing Alembic; the
    constants must say what Alembic reads from ``migrations/versions``."""
    assert migrate.HEAD_REVISION == migrate.alembic_head_revision()
    assert list(migrate.KNOWN_REVISIONS) == migrate.alembic_known_revisions()
    scripts = {p.name for p in (migrate.MIGRATIONS_DIR / "versions").glob("*.py")}
    assert migrate.VERSION_SCRIPTS == scripts
    assert migrate.head_revision() == migrate.HEAD_REVISION
    assert migrate.known_revisions() == list(migrate.KNOWN_REVISIONS)


def test_stale_head_constants_are_not_trusted(old_file: Path, monkeypatch):
    """A migration added without updating the constants: Alembic decides, so a file
    below the real head is still upgraded (with its backup) and nothing is skipped."""
    monkeypatch.setattr(migrate, "HEAD_REVISION", "0001")
    monkeypatch.setattr(migrate, "KNOWN_REVISIONS", ("0001",))
    monkeypatch.setattr(migrate, "VERSION_SCRIPTS", frozenset({"0001_initial_schema.py"}))
    assert migrate.head_revision() == migrate.alembic_head_revision() != "0001"
    assert migrate.known_revisions() == migrate.alembic_known_revisions()
    with open_portfolio(old_file):
        pass
    assert migrate.revision_of_file(old_file) == migrate.alembic_head_revision()
    assert [b for b in list_backups(old_file) if b.kind == "before-upgrade"]


def _imports_alembic(code: str, tmp_path: Path) -> bool:
    import subprocess
    import sys

    script = tmp_path / "probe.py"
    script.write_text(code + "\nimport sys\nprint('alembic' in sys.modules)\n", encoding="utf-8")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[2])
    return out.stdout.strip().splitlines()[-1] == "True"


def test_opening_a_file_at_head_does_not_import_alembic(portfolio_path: Path, tmp_path: Path):
    create_portfolio(portfolio_path).close()
    assert not _imports_alembic(
        "from app.services.store import open_portfolio\n"
        f"open_portfolio({str(portfolio_path)!r}).close()\n"
        f"open_portfolio({str(portfolio_path)!r}, readonly=True).close()", tmp_path)


def test_opening_an_older_file_imports_alembic_and_upgrades(old_file: Path, tmp_path: Path):
    assert _imports_alembic(
        "from app.services.store import open_portfolio\n"
        f"open_portfolio({str(old_file)!r}).close()", tmp_path)
    assert migrate.revision_of_file(old_file) == migrate.head_revision()


def test_upgrade_keeps_every_row_and_value(old_file: Path):
    before = _dump(old_file)
    assert sum(len(rows) for _cols, rows in before.values()) > 90
    with open_portfolio(old_file) as pf:
        assert not pf.readonly
    assert migrate.revision_of_file(old_file) == migrate.head_revision()
    after_conn = sqlite3.connect(old_file)
    for table, (cols, rows) in before.items():
        quoted = ", ".join(f'"{c}"' for c in cols)
        after = sorted(after_conn.execute(f'SELECT {quoted} FROM "{table}"'), key=repr)
        assert after == rows, table
    after_conn.close()


def test_upgraded_rows_are_usable_through_the_models(old_file: Path):
    from app.models import BusinessCaseLine, Initiative, PortfolioSettings
    from app.services.snapshots import load_initiatives

    with open_portfolio(old_file) as pf:
        with pf.engine.connect() as conn:  # off only during the batch rebuilds
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
        with pf.read() as s:
            settings = s.get(PortfolioSettings, 1)
            assert settings.municipality == "Eksempel Kommune"
            assert settings.full_business_case_threshold == 10_000_000.0  # 0002's default
            ek3 = s.get(Initiative, "EK-003")
            assert ek3.outside_frame is False and ek3.system_owner == ""
            assert [g.code for g in ek3.goals] == ["M3"]
            assert s.get(BusinessCaseLine, 6).cash is False
            rows = {r.id: r for r in load_initiatives(s)}
        assert rows["EK-004"].requires == ["EK-003"]
        with pf.session(context="test") as s:  # and writable after the upgrade
            s.get(Initiative, "EK-002").system_owner = "Bo Lund"


def test_a_backup_is_made_beside_the_file_before_the_upgrade(old_file: Path):
    before = _dump(old_file)
    with open_portfolio(old_file):
        pass
    upgrade_copies = [b for b in list_backups(old_file) if b.kind == "before-upgrade"]
    assert len(upgrade_copies) == 1
    copy = upgrade_copies[0].path
    assert copy.parent == old_file.parent and "before-upgrade-0001" in copy.name
    assert migrate.revision_of_file(copy) == "0001"
    assert _dump(copy) == before


def test_no_backup_and_no_upgrade_when_already_at_head(portfolio_path: Path):
    create_portfolio(portfolio_path).close()
    with open_portfolio(portfolio_path):
        pass
    assert not [b for b in list_backups(portfolio_path) if b.kind == "before-upgrade"]


def test_upgraded_file_has_the_same_schema_as_a_new_one(old_file: Path, tmp_path: Path):
    with open_portfolio(old_file):
        pass
    new = tmp_path / "ny.portfolio"
    create_portfolio(new).close()
    upgraded = schema_snapshot(create_engine(f"sqlite:///{old_file}"))
    fresh = schema_snapshot(create_engine(f"sqlite:///{new}"))
    assert schema_differences(upgraded, fresh) == []


def test_the_snapshot_sees_schema_differences(tmp_path: Path):
    """The equality test above can fail: revision 0001 differs from head."""
    new = tmp_path / "ny.portfolio"
    create_portfolio(new).close()
    diffs = schema_differences(schema_snapshot(create_engine(f"sqlite:///{FIXTURE}")),
                               schema_snapshot(create_engine(f"sqlite:///{new}")))
    assert any("only in second" in d for d in diffs)  # tables 0002 adds
    assert any("dependency checks" in d for d in diffs)  # the check 0002 adds


def test_the_models_and_the_head_revision_agree(old_file: Path):
    """A column or table added to app.models without a migration fails here."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from app.models import Base

    with open_portfolio(old_file):
        pass
    engine = create_engine(f"sqlite:///{old_file}")
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}),
                                 Base.metadata)
    engine.dispose()
    assert diffs == []


def test_a_reader_of_an_old_file_never_writes_it(old_file: Path):
    from app.models import Initiative

    original = old_file.read_bytes()
    with open_portfolio(old_file, readonly=True) as pf:
        assert pf.readonly
        with pf.read() as s:
            assert s.get(Initiative, "EK-001").title == "Digital pladsanvisning i dagtilbud"
            assert s.get(Initiative, "EK-001").status_comment == ""
    assert old_file.read_bytes() == original
    assert list_backups(old_file) == []


def test_a_failed_upgrade_leaves_the_file_byte_identical(old_file: Path):
    """0001 allowed an initiative to require itself; 0002's check refuses it, so the
    table rebuild fails half-way through the upgrade and everything is undone."""
    from app.services.migrate import MigrationError

    conn = sqlite3.connect(old_file)
    with conn:
        conn.execute("INSERT INTO dependency VALUES ('EK-002', 'EK-002', 'fejl')")
    conn.close()
    original = old_file.read_bytes()
    with pytest.raises(MigrationError, match="unchanged|uændret"):
        open_portfolio(old_file)
    assert old_file.read_bytes() == original
    assert migrate.revision_of_file(old_file) == "0001"
    assert not old_file.with_name(old_file.name + "-journal").exists()
    assert not old_file.with_name(old_file.name + ".lock").exists()


def test_foreign_key_check_refuses_broken_references(old_file: Path):
    """Rows that break a foreign key (possible while keys are off) undo the upgrade."""
    from app.services.migrate import MigrationError

    conn = sqlite3.connect(old_file)  # foreign keys off: an orphan can be written
    with conn:
        conn.execute("INSERT INTO field_note (initiative_id, field, text) VALUES "
                     "('FINDES-IKKE', 'title', 'forældreløs')")
    conn.close()
    original = old_file.read_bytes()
    with pytest.raises(MigrationError, match="field_note"):
        open_portfolio(old_file)
    assert old_file.read_bytes() == original


# --- both backends ----------------------------------------------------------------------

def _engine_for(target) -> object:
    if isinstance(target, Path):
        return create_engine(f"sqlite:///{target}")
    return create_engine(target)


def _run_all_revisions(engine) -> None:
    if engine.dialect.name == "sqlite":
        migrate.upgrade_sqlite(Path(engine.url.database))
    else:
        with engine.begin() as conn:
            migrate.upgrade_connection(conn)


def test_running_every_revision_equals_creating_new(backend_target, tmp_path: Path):
    """``create_portfolio`` (create_all + stamp) and base → head give the same schema."""
    pf = create_portfolio(backend_target)
    pf.close()
    created = schema_snapshot(_engine_for(backend_target))
    if isinstance(backend_target, Path):
        other = tmp_path / "migrated.portfolio"
        _run_all_revisions(create_engine(f"sqlite:///{other}"))
        migrated = schema_snapshot(create_engine(f"sqlite:///{other}"))
        assert schema_differences(migrated, created) == []
    else:
        from tests.pg import fresh_database

        with fresh_database(backend_target) as other_url:
            engine = create_engine(other_url)
            _run_all_revisions(engine)
            migrated = schema_snapshot(engine)
            engine.dispose()
        assert schema_differences(migrated, created) == []


def test_upgrade_from_0001_keeps_rows_on_both_backends(backend_target):
    """Build the 0001 schema, put rows in, open: upgraded, rows kept."""
    from app.models import Initiative, PortfolioSettings

    if isinstance(backend_target, Path):
        shutil.copyfile(FIXTURE, backend_target)
    else:
        engine = create_engine(backend_target)
        with engine.begin() as conn:
            migrate.upgrade_connection(conn, "0001")
            conn.execute(text(
                "INSERT INTO portfolio_settings (id, name, municipality, description, currency,"
                " price_base_year, budget_year, discount_rate, horizon_years, created_at,"
                " row_version) VALUES (1, 'P', 'Eksempel Kommune', '', 'DKK', 2025, 2026,"
                " 0.035, 5, now(), 1)"))
            conn.execute(text(
                "INSERT INTO initiative (id, title, description, phase, kind, audience,"
                " project_owner, project_manager, benefit_owner, mandatory, confidential,"
                " financing, note, source, created_at, updated_at, row_version) VALUES"
                " ('EK-001', 'Digital pladsanvisning i dagtilbud', '', 'proposal',"
                " 'development', 'citizen', '', '', '', false, false, '', '', '', now(),"
                " now(), 1)"))
        engine.dispose()
    with open_portfolio(backend_target) as pf:
        assert not pf.readonly
        with pf.read() as s:
            assert s.get(PortfolioSettings, 1).municipality == "Eksempel Kommune"
            assert s.get(Initiative, "EK-001").title == "Digital pladsanvisning i dagtilbud"
            assert s.get(Initiative, "EK-001").outside_frame is False
        engine = pf.engine
        with engine.connect() as conn:
            assert migrate.revision_of(conn) == migrate.head_revision()
