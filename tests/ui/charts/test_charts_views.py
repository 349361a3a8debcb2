"""The chart views: each draws its description, exports PNG/SVG, copies; a click on a
node of the dependency chart opens the initiative on the chart (card + chains), a double
click in the editor."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QMouseEvent
from PySide6.QtWidgets import QApplication

from app.services.charts import dependency_chart as dc

CHART_VIEWS = ["dependencies", "matrix", "roadmap", "bubble", "balance", "maturity", "followup"]


@pytest.mark.parametrize("key", CHART_VIEWS)
def test_each_chart_view_draws_and_exports_png_and_svg(chart_window, key, tmp_path: Path):
    view = chart_window.show_view(key)
    panel = view.panel
    assert panel.title_label.text()  # a title is shown
    png = tmp_path / f"{key} æøå.png"
    size = panel.export_png(png, scale=1.0)
    image = QImage(str(png))
    assert image.size() == size == panel.canvas.size()
    svg = tmp_path / f"{key}.svg"
    panel.export_svg(svg)
    text = svg.read_text(encoding="utf-8")
    assert "<svg" in text and len(text) > 2000


def test_png_export_renders_at_300_dpi_equivalent(chart_window, tmp_path: Path):
    panel = chart_window.show_view("matrix").panel
    png = tmp_path / "matrix.png"
    panel.export_png(png)
    image = QImage(str(png))
    assert image.width() >= 3.1 * panel.canvas.width()  # 96 dpi × 3.2 ≥ 300 dpi
    assert round(image.dotsPerMeterX() * 0.0254) >= 300  # and 300 dpi written into the file
    assert image.pixelColor(5, 5).name() == "#ffffff"


def test_copy_puts_the_chart_image_on_the_clipboard(chart_window):
    panel = chart_window.show_view("bubble").panel
    image = panel.copy_to_clipboard()
    assert not image.isNull()
    assert QGuiApplication.clipboard().image().size() == image.size()


def test_save_png_asks_for_a_file_through_the_dialog_service(chart_window, dialogs, tmp_path):
    panel = chart_window.show_view("matrix").panel
    target = tmp_path / "matrix"
    dialogs.answer("save_file", str(target))
    panel.png_button.click()
    assert (tmp_path / "matrix.png").is_file()  # the suffix is added


def _node_point(plot, node_id):
    return plot.node_scene_pos(node_id)


def double_click(qtbot, widget, pos):
    """A double click as Qt 6 delivers it from a real mouse: press, release, double-click,
    release (``QTest.mouseDClick`` on a widget sends no releases)."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)
    event = QMouseEvent(QEvent.Type.MouseButtonDblClick, QPointF(pos),
                        QPointF(widget.mapToGlobal(pos)), Qt.MouseButton.LeftButton,
                        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=pos)


def test_clicking_a_node_opens_it_on_the_chart_with_its_chains_highlighted(chart_window, qtbot):
    """One click (a real mouse click on the node's position) opens the initiative: its card
    under the chart, its chains highlighted, the editor one button away; × closes it."""
    view = chart_window.show_view("dependencies")
    panel = view.panel
    plot = panel.plot
    qtbot.waitUntil(lambda: plot.isVisible())
    assert panel.selected is None and not panel.card.isVisible()
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=_node_point(plot, "EK-004"))
    qtbot.waitUntil(lambda: panel.card.isVisible())
    assert panel.selected == "EK-004" and panel.card.initiative_id == "EK-004"
    title = next(r.title for r in panel.rows if r.id == "EK-004")
    assert panel.card.title_label.text() == f"EK-004 {title}"
    assert "EK-002" in panel.card.needs_label.text() and "EK-003" in panel.card.needs_label.text()
    assert "EK-015" in panel.card.needed_by_label.text()
    nodes = {n.id: n for n in panel.chart.nodes}
    assert dc.SELECTED in nodes["EK-004"].flags
    assert dc.UPSTREAM in nodes["EK-001"].flags  # EK-004 needs EK-002/3, which need EK-001
    assert dc.DOWNSTREAM in nodes["EK-015"].flags and dc.DOWNSTREAM in nodes["EK-016"].flags
    assert nodes["EK-030"].dimmed
    assert chart_window.stack.currentWidget() is view  # the chart stays in sight
    # another node: the card follows
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=_node_point(plot, "EK-015"))
    qtbot.waitUntil(lambda: panel.card.initiative_id == "EK-015")
    assert panel.selected == "EK-015"
    # × closes the card and clears the highlighting
    panel.card.close_button.click()
    assert panel.selected is None and not panel.card.isVisible()
    assert not any(n.dimmed for n in panel.chart.nodes)
    # "Open in editor" on the card opens the full editor
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=_node_point(plot, "EK-004"))
    qtbot.waitUntil(lambda: panel.card.isVisible())
    panel.card.open_button.click()
    editor = chart_window.view("initiative")
    assert chart_window.stack.currentWidget() is editor and editor.initiative_id == "EK-004"


def test_a_click_beside_the_nodes_closes_the_card_and_a_double_click_opens_the_editor(
        chart_window, qtbot):
    panel = chart_window.show_view("dependencies").panel
    plot = panel.plot
    qtbot.waitUntil(lambda: plot.isVisible())
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=_node_point(plot, "EK-004"))
    qtbot.waitUntil(lambda: panel.card.isVisible())
    empty = _node_point(plot, "EK-004")
    empty.setY(empty.y() - 3 * panel.font_px)  # between lanes' nodes: no marker here
    empty.setX(empty.x() + 6 * panel.font_px)
    assert len(plot.scatter.pointsAt(plot.getPlotItem().getViewBox().mapSceneToView(
        plot.mapToScene(empty)))) == 0
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=empty)
    qtbot.waitUntil(lambda: not panel.card.isVisible())
    assert panel.selected is None
    double_click(qtbot, plot.viewport(), _node_point(plot, "EK-015"))
    editor = chart_window.view("initiative")
    assert chart_window.stack.currentWidget() is editor
    assert editor.initiative_id == "EK-015"


def test_layout_by_start_date_and_show_all(chart_window):
    panel = chart_window.show_view("dependencies").panel
    panel.mode_box.setCurrentIndex(1)
    assert panel.chart.mode == "date"
    panel.fit_button.click()
    (x0, x1), _y = panel.plot.getPlotItem().getViewBox().viewRange()
    assert x0 <= panel.chart.x_axis.lo + 1 and x1 >= panel.chart.x_axis.hi - 1
