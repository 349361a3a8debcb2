"""Shared test setup: headless Qt, a fresh portfolio per test, CI hypothesis profile,
and the PostgreSQL URL for backend-parametrised store tests."""

from __future__ import annotations

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
