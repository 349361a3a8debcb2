"""Fixtures of the chart and presentation tests: the chart portfolio and a main window on it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.ui.charts.portfolio import make_chart_portfolio


@pytest.fixture(scope="session")
def _chart_portfolio_template(tmp_path_factory) -> Path:
    return make_chart_portfolio(tmp_path_factory.mktemp("charts") / "template.portfolio")


@pytest.fixture
def chart_portfolio_path(portfolio_path: Path, _chart_portfolio_template: Path) -> Path:
    """A fresh copy of the chart portfolio at an æøå path (built once per session)."""
    shutil.copyfile(_chart_portfolio_template, portfolio_path)
    return portfolio_path


@pytest.fixture
def chart_window(qtbot, ui_settings, dialogs, chart_portfolio_path):
    """The main window (English UI, Danish-free services) on the chart portfolio."""
    from tests.ui.conftest import shown_window

    yield from shown_window(qtbot, ui_settings, dialogs, chart_portfolio_path, "en")
