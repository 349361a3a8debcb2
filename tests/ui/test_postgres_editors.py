"""The desktop client on a shared PostgreSQL portfolio (issue 8), against the real server
of ``PRIORITISE_TEST_PG_URL`` (started by ``.ci/run``; skipped locally without it, an
error in CI): a role without write rights opens read-only and the window says so; two
editors changing the same initiative — the second save is shown as a conflict with both
values and overwrites nothing."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.models import Initiative
from app.services.store import create_portfolio, open_portfolio
from tests.conftest import pg_url
from tests.ui.sample import fill

pytestmark = pytest.mark.postgres


@pytest.fixture
def shared() -> Iterator[str]:
    """A fresh database on the test server holding the UI sample portfolio."""
    server = pg_url()
    if not server:
        pytest.skip("PRIORITISE_TEST_PG_URL not set")
    from tests.pg import fresh_database

    with fresh_database(server) as url:
        pf = create_portfolio(url, municipality="Testkommune", budget_year=2027)
        try:
            fill(pf)
        finally:
            pf.close()
        yield url


@pytest.fixture
def reader(shared: str) -> Iterator[tuple[str, str]]:
    """(URL, role) of a role that may connect and SELECT, nothing else; dropped afterwards."""
    url = make_url(shared)
    role = f"prioritise_ui_reader_{uuid.uuid4().hex[:8]}"
    owner = create_engine(url, isolation_level="AUTOCOMMIT")
    with owner.connect() as conn:
        conn.execute(text(f"CREATE ROLE {role} LOGIN PASSWORD 'laeser'"))
        conn.execute(text(f"GRANT {role} TO CURRENT_USER"))
        conn.execute(text(f'GRANT CONNECT ON DATABASE "{url.database}" TO {role}'))
        conn.execute(text(f"GRANT USAGE ON SCHEMA public TO {role}"))
        conn.execute(text(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}"))
    yield url.set(username=role, password="laeser").render_as_string(hide_password=False), role
    with owner.connect() as conn:
        conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE usename = :r"), {"r": role})
        conn.execute(text(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role}"))
        conn.execute(text(f"REVOKE USAGE ON SCHEMA public FROM {role}"))
        conn.execute(text(f'REVOKE CONNECT ON DATABASE "{url.database}" FROM {role}'))
        conn.execute(text(f"DROP ROLE {role}"))
    owner.dispose()


def _title(url: str, iid: str = "EK-001") -> str:
    with open_portfolio(url, readonly=True) as pf, pf.read() as s:
        return s.get(Initiative, iid).title


def _window(qtbot, ui_settings, dialogs):
    from app.ui.app import make_application
    from app.ui.main_window import MainWindow

    make_application("en")
    win = MainWindow(ui_settings, dialogs=dialogs)
    qtbot.addWidget(win)
    return win


def test_a_role_without_write_rights_opens_read_only_and_the_window_says_so(
        qtbot, ui_settings, dialogs, reader) -> None:
    from app.ui import opening

    url, role = reader
    win = _window(qtbot, ui_settings, dialogs)
    pf = opening.open_for_editing(url, dialogs)
    assert pf is not None and pf.readonly
    assert dialogs.calls == []  # no lock question, no warning: it simply opens read-only
    win.set_portfolio(pf)
    try:
        assert "[read-only]" in win.windowTitle()
        assert not win.banner.isHidden()
        banner = win.banner.text()
        assert banner.startswith("Read-only:") and "Nothing can be changed" in banner
        assert role in banner and ("write rights" in banner or "skriverettigheder" in banner)
        assert "laeser" not in win.windowTitle() + banner  # the password is never shown
        win.open_initiative("EK-001")
        view = win.view("initiative")
        view.general.title_edit.setText("Forsøg fra læseren")
        view.general.title_edit.editingFinished.emit()
        assert dialogs.calls[-1][0] == "warn"
        assert win.undo_stack.count() == 0
    finally:
        win.set_portfolio(None)
    assert _title(url) == "Selvbetjening på byggesager"


def test_two_editors_on_the_shared_portfolio_the_second_save_is_a_conflict(
        qtbot, ui_settings, dialogs, shared) -> None:
    from app.ui import opening

    win = _window(qtbot, ui_settings, dialogs)
    pf = opening.open_for_editing(shared, dialogs)
    assert pf is not None and not pf.readonly and not win.banner.isVisible()
    win.set_portfolio(pf)
    other = open_portfolio(shared)  # editor B: its own connections to the server
    other.user = "ole"
    try:
        win.open_initiative("EK-001")
        view = win.view("initiative")
        with other.session(context="ole retter") as s:
            s.get(Initiative, "EK-001").title = "Olés titel"
        view.general.title_edit.setText("Min titel")
        view.general.title_edit.editingFinished.emit()
        kind, (title, message, mine, theirs) = dialogs.calls[-1]
        assert kind == "conflict"
        assert mine == {"title": "Min titel"} and theirs == {"title": "Olés titel"}
        assert "EK-001" in message and "nothing was overwritten" in message
        assert _title(shared) == "Olés titel"  # nothing overwritten
        assert view.general.title_edit.text() == "Olés titel"  # the window shows B's value
        assert win.undo_stack.count() == 0
        view.general.title_edit.setText("Min titel")  # after the reload the change goes in
        view.general.title_edit.editingFinished.emit()
        assert _title(shared) == "Min titel"
    finally:
        other.close()
        win.set_portfolio(None)
