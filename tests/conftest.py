"""Shared test setup: headless Qt, a fresh portfolio per test, CI hypothesis profile,
and the PostgreSQL URL for backend-parametrised store tests."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PRIORITISE_NO_BACKUP_THINNING", "1")

import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = (ROOT.parent / "shared" / "data") if (ROOT.parent / "shared" / "data").is_dir() else (
    Path("/work/shared/data")
)

settings.register_profile(
    "ci", deadline=None, derandomize=True, max_examples=60,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "dev", deadline=None, max_examples=40,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.load_profile("ci" if os.environ.get("CI") == "true" else "dev")


_last_module: list[object] = [None]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Before each test file's first test: collect, then freeze what is still alive.

    What a test process keeps for the whole run (imported modules, pytest's items and
    reports, Babel's locale data, SQLAlchemy's and Qt's caches: 183,000 objects after
    collection, 380,000 after five test files) is otherwise walked by every full
    collection: late in the run each ``gc.collect()`` took 1.4 s (test_session_events:
    43 s in the whole suite, 2.5 s alone); five UI and service files took 42 s of CPU
    without this and 26 s with it (full collections: 32 s → 2 s). ``gc.freeze`` moves live objects out of the collector's generations
    (as the app does at start-up, app/ui/startup.py); frozen objects are still freed by
    reference counting. It runs after the previous file's module-scoped fixtures are torn
    down and the collection just made has freed every unreachable cycle, so no garbage is
    frozen, and the tests' own objects (created after it) are collected as before.
    Source: Python docs, ``gc.freeze``."""
    module = getattr(item, "module", None)
    if module is not _last_module[0]:
        _last_module[0] = module
        gc.collect()
        gc.freeze()


@pytest.fixture(scope="module", autouse=True)
def _each_file_starts_in_danish() -> None:
    """Each test file starts with the services' language at its default, Danish, as in a
    fresh process: a file that leaves it in English (tests/ui/test_views_registry.py's
    ``install_translators(qapp, "en")``) must not change the next file's texts, whichever
    file pytest-xdist runs next on that worker."""
    from app.services.i18n import set_language

    set_language("da")


@pytest.fixture
def shared_data() -> Path:
    """The real public data in ``../shared/data`` (skips when absent outside CI)."""
    if not SHARED_DATA.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"shared data missing: {SHARED_DATA}")
        pytest.skip("../shared/data not present")
    return SHARED_DATA


@pytest.fixture
def portfolio_path(tmp_path: Path) -> Path:
    """A path for a new portfolio file (not yet created), with æøå and a space."""
    folder = tmp_path / "OneDrive - Kommune"
    folder.mkdir()
    return folder / "Portefølje 2027.portfolio"


@pytest.fixture
def new_portfolio(portfolio_path: Path):
    """A freshly created, empty portfolio, open for editing; closed after the test."""
    from app.services.store import create_portfolio

    pf = create_portfolio(portfolio_path, municipality="Testkommune")
    yield pf
    pf.close()


def pg_url() -> str | None:
    """The PostgreSQL test server's URL; fails in CI when it is missing."""
    url = os.environ.get("PRIORITISE_TEST_PG_URL")
    if not url and os.environ.get("CI") == "true":
        pytest.fail("CI=true but PRIORITISE_TEST_PG_URL is not set: the PostgreSQL tests must run")
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend_target(request, tmp_path: Path):
    """A target (file path or a fresh PostgreSQL database URL) for store tests on both
    backends. PostgreSQL is skipped locally without ``PRIORITISE_TEST_PG_URL``."""
    if request.param == "sqlite":
        yield tmp_path / "Portefølje.portfolio"
        return
    url = pg_url()
    if not url:
        pytest.skip("PRIORITISE_TEST_PG_URL not set")
    from tests.pg import fresh_database

    with fresh_database(url) as db_url:
        yield db_url


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None):
    """Run ``python -m app ARGS`` in a subprocess; returns CompletedProcess (text)."""
    import subprocess

    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "app", *args], cwd=cwd or ROOT, env=full_env,
        capture_output=True, text=True, encoding="utf-8", timeout=300,
    )


@pytest.fixture
def cli():
    """``cli(*args)`` runs the CLI in a subprocess and returns the CompletedProcess."""
    return run_cli
